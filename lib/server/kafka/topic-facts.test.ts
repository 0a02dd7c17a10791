import { describe, expect, it } from "vitest";

import { topicFactsOf } from "./topic-facts";

type Snapshot = Parameters<typeof topicFactsOf>[0];

const partition = (partitionIndex: number, replicas: number) => ({
  partitionIndex,
  leaderId: 1,
  replicaNodes: Array.from({ length: replicas }, (_, index) => index + 1),
  isrNodes: [1],
});

describe("topicFactsOf", () => {
  it("answers every one of 10,000 topics by name, with counts from the one Metadata response", () => {
    const topics: Snapshot["topics"] = Array.from({ length: 10_000 }, (_, index) => ({
      name: `topic-${String(9_999 - index).padStart(5, "0")}`,
      isInternal: false,
      partitions: [partition(0, 3), partition(1, 3), partition(2, index % 2 === 0 ? 4 : 3)],
    }));
    topics.push({ name: "__consumer_offsets", isInternal: true, partitions: [partition(0, 1)] });
    topics.push({ name: null, isInternal: false, partitions: [] });
    const facts = topicFactsOf({ clusterId: "c", controllerId: 1, brokers: [], topics });
    expect(facts).toHaveLength(10_001);
    expect(facts[0]).toEqual({
      name: "__consumer_offsets",
      internal: true,
      partitions: 1,
      replicationFactor: 1,
    });
    expect(facts[1]).toEqual({ name: "topic-00000", internal: false, partitions: 3, replicationFactor: 3 });
    expect(facts[10_000]).toEqual({
      name: "topic-09999",
      internal: false,
      partitions: 3,
      replicationFactor: 4,
    });
  });
});
