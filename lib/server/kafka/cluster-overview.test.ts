import { describe, expect, it } from "vitest";

import type { MetadataSnapshot } from "./cluster-metadata";
import { summarizeCluster } from "./cluster-overview";

const partition = (partitionIndex: number, leaderId: number, replicaNodes: number[], isrNodes: number[]) => ({
  partitionIndex,
  leaderId,
  replicaNodes,
  isrNodes,
});

const metadata: MetadataSnapshot = {
  clusterId: "WD6h_E6OFvYuPmNfKDR8YQ",
  controllerId: 2,
  brokers: [
    { nodeId: 3, host: "kafka-3", port: 9093, rack: "eu-west-1c" },
    { nodeId: 1, host: "kafka-1", port: 9093, rack: "eu-west-1a" },
    { nodeId: 2, host: "kafka-2", port: 9093, rack: null },
  ],
  topics: [
    {
      name: "orders",
      isInternal: false,
      partitions: [
        partition(0, 1, [1, 2, 3], [1, 2, 3]),
        partition(1, 2, [2, 3, 1], [2, 3]), // under-replicated
        partition(2, -1, [4], []), // offline: no leader
      ],
    },
    { name: "payments", isInternal: false, partitions: [partition(0, 4, [4, 1], [4, 1])] }, // leader not live
    { name: "__consumer_offsets", isInternal: true, partitions: [partition(0, 3, [3], [3])] },
  ],
};

describe("summarizeCluster", () => {
  const overview = summarizeCluster(
    "prod",
    metadata,
    {
      apis: [
        { apiKey: 18, name: "ApiVersions", minVersion: 0, maxVersion: 4 },
        { apiKey: 3, minVersion: 0, maxVersion: 13 },
        { apiKey: 999, minVersion: 0, maxVersion: 0 },
      ],
      finalizedFeatures: [{ name: "metadata.version", minVersionLevel: 30, maxVersionLevel: 30 }],
    },
    new Date("2026-01-02T03:04:05Z"),
  );

  it("counts topics, internal ones included, and partitions", () => {
    expect(overview).toMatchObject({
      cluster: "prod",
      clusterId: "WD6h_E6OFvYuPmNfKDR8YQ",
      controllerId: 2,
      topicCount: 3,
      internalTopicCount: 1,
      partitionCount: 5,
      fetchedAt: "2026-01-02T03:04:05.000Z",
    });
  });

  it("counts a partition under-replicated when its ISR is smaller than its replicas", () => {
    // orders-1 (ISR 2 of 3) and orders-2 (ISR 0 of 1).
    expect(overview.underReplicatedPartitions).toBe(2);
  });

  it("counts a partition offline when it has no leader or a leader that is not live", () => {
    expect(overview.offlinePartitions).toBe(2);
  });

  it("lists brokers by id with rack and the controller marked", () => {
    expect(overview.brokers).toEqual([
      { nodeId: 1, host: "kafka-1", port: 9093, rack: "eu-west-1a", isController: false },
      { nodeId: 2, host: "kafka-2", port: 9093, rack: null, isController: true },
      { nodeId: 3, host: "kafka-3", port: 9093, rack: "eu-west-1c", isController: false },
    ]);
  });

  it("names API keys, also those the broker sends without a name", () => {
    expect(overview.apiVersions).toEqual([
      { apiKey: 3, name: "Metadata", minVersion: 0, maxVersion: 13 },
      { apiKey: 18, name: "ApiVersions", minVersion: 0, maxVersion: 4 },
      { apiKey: 999, name: "Unknown(999)", minVersion: 0, maxVersion: 0 },
    ]);
  });

  it("keeps the finalized features", () => {
    expect(overview.finalizedFeatures).toEqual([
      { name: "metadata.version", minVersionLevel: 30, maxVersionLevel: 30 },
    ]);
  });
});
