import { describe, expect, it } from "vitest";

import { shareRows } from "./share-group-offset-rows";

const partition = (partitionIndex: number, startOffset: bigint, lag: bigint | null, errorCode = 0) => ({
  partitionIndex,
  startOffset,
  leaderEpoch: 0,
  lag,
  errorCode,
  errorMessage: null,
});

describe("a share group's rows", () => {
  it("show the start offset, the log end offset and the broker's lag, sorted by topic and partition", () => {
    const rows = shareRows(
      {
        groupId: "g",
        errorCode: 0,
        errorMessage: null,
        topics: [
          { topicName: "b", topicId: "id-b", partitions: [partition(1, 7n, 3n), partition(0, -1n, null)] },
          { topicName: "a", topicId: "id-a", partitions: [partition(0, 2n, 0n), partition(1, 5n, 1n, 3)] },
        ],
      },
      (topic, index) => (topic === "b" && index === 1 ? 10n : undefined),
    );
    expect(rows).toEqual([
      {
        topic: "a",
        partition: 0,
        committedOffset: "2",
        logEndOffset: null,
        lag: "0",
        leaderEpoch: 0,
        metadata: null,
      },
      {
        topic: "b",
        partition: 0,
        committedOffset: null,
        logEndOffset: null,
        lag: null,
        leaderEpoch: 0,
        metadata: null,
      },
      {
        topic: "b",
        partition: 1,
        committedOffset: "7",
        logEndOffset: "10",
        lag: "3",
        leaderEpoch: 0,
        metadata: null,
      },
    ]);
  });
});
