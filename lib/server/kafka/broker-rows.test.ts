import { describe, expect, it } from "vitest";

import { brokerRows, logDirSummaries, logDirTotals, parseListeners } from "./broker-rows";
import type { MetadataSnapshot } from "./cluster-metadata";

const metadata: MetadataSnapshot = {
  clusterId: "c",
  controllerId: 2,
  brokers: [
    { nodeId: 2, host: "b2", port: 9092, rack: "r2" },
    { nodeId: 1, host: "b1", port: 9092, rack: null },
  ],
  topics: [
    {
      name: "orders",
      isInternal: false,
      partitions: [
        { partitionIndex: 0, leaderId: 1, replicaNodes: [1, 2], isrNodes: [1, 2] },
        { partitionIndex: 1, leaderId: 2, replicaNodes: [2, 1], isrNodes: [2] },
        { partitionIndex: 2, leaderId: -1, replicaNodes: [2], isrNodes: [] },
      ],
    },
  ],
};

describe("brokerRows", () => {
  it("counts partitions led and replicated per broker, sorted by id, with the controller marked", () => {
    expect(brokerRows(metadata)).toMatchObject([
      { nodeId: 1, rack: null, isController: false, leaderPartitions: 1, replicaPartitions: 2 },
      { nodeId: 2, rack: "r2", isController: true, leaderPartitions: 1, replicaPartitions: 3 },
    ]);
  });
});

describe("logDirTotals", () => {
  const dir = (path: string, sizeBytes: string | null, error: string | null = null) => ({
    path,
    sizeBytes,
    error,
    partitions: 1,
    totalBytes: null,
    usableBytes: null,
  });

  it("sums the online dirs beyond 2^53 and counts the offline ones apart", () => {
    expect(
      logDirTotals({
        ok: true,
        dirs: [dir("/a", "9007199254740993"), dir("/b", "7"), dir("/c", null, "KAFKA_STORAGE_ERROR")],
      }),
    ).toEqual({ logDirBytes: "9007199254741000", offlineLogDirs: 1 });
  });

  it("knows no size when every dir is offline or the dirs were not read", () => {
    expect(logDirTotals({ ok: true, dirs: [dir("/c", null, "KAFKA_STORAGE_ERROR")] })).toEqual({
      logDirBytes: null,
      offlineLogDirs: 1,
    });
    expect(logDirTotals({ ok: false, reason: "unsupported" })).toEqual({
      logDirBytes: null,
      offlineLogDirs: 0,
    });
  });
});

describe("parseListeners", () => {
  it("reads each listener's name, host and port, IPv6 without brackets", () => {
    expect(parseListeners("SSL://127.0.0.1:9092, SASL_SSL://[::1]:9093,PLAINTEXT://:9094,bad")).toEqual([
      { listener: "SSL", host: "127.0.0.1", port: 9092 },
      { listener: "SASL_SSL", host: "::1", port: 9093 },
      { listener: "PLAINTEXT", host: "", port: 9094 },
    ]);
    expect(parseListeners(null)).toEqual([]);
  });
});

describe("logDirSummaries", () => {
  it("sums each directory's replicas (not future ones), keeps an offline one's error, space where reported", () => {
    expect(
      logDirSummaries({
        results: [
          {
            errorCode: 0,
            logDir: "/data/b",
            topics: [
              {
                name: "t",
                partitions: [
                  { partitionIndex: 0, partitionSize: 100n },
                  { partitionIndex: 1, partitionSize: 23n },
                  { partitionIndex: 2, partitionSize: 999n, isFutureKey: true },
                ],
              },
            ],
            totalBytes: 1000n,
            usableBytes: -1n,
          },
          { errorCode: 56, logDir: "/data/a", topics: [] },
        ],
      }),
    ).toEqual([
      {
        path: "/data/a",
        error: "KAFKA_STORAGE_ERROR",
        sizeBytes: null,
        partitions: 0,
        totalBytes: null,
        usableBytes: null,
      },
      {
        path: "/data/b",
        error: null,
        sizeBytes: "123",
        partitions: 2,
        totalBytes: "1000",
        usableBytes: null,
      },
    ]);
  });
});
