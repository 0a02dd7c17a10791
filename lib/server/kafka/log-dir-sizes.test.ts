import { describe, expect, it } from "vitest";

import { brokerSizes, partitionSizes, topicSizes } from "./log-dir-sizes";
import { logDirsOf, type BrokerLogDirs } from "./log-dirs";

const brokers: BrokerLogDirs[] = [
  {
    broker: 1,
    error: null,
    dirs: [],
    replicas: [
      { topic: "orders", partition: 0, bytes: 100n },
      { topic: "orders", partition: 1, bytes: 40n },
      { topic: "logs", partition: 0, bytes: 7n },
    ],
  },
  {
    broker: 2,
    error: null,
    dirs: [],
    replicas: [
      { topic: "orders", partition: 0, bytes: 90n },
      { topic: "orders", partition: 1, bytes: 41n },
    ],
  },
  { broker: 3, error: "No answer (ECONNREFUSED)", dirs: [], replicas: [] },
];

describe("log dir sizes", () => {
  it("sums every replica of a topic", () => {
    expect(topicSizes(brokers)).toEqual(
      new Map([
        ["orders", 271n],
        ["logs", 7n],
      ]),
    );
  });

  it("gives each partition its leader's replica and the sum over replicas", () => {
    const rows = partitionSizes(brokers, "orders", [
      { partition: 0, leader: 2 },
      { partition: 1, leader: 1 },
      { partition: 2, leader: 3 },
    ]);
    expect(rows).toEqual([
      { partition: 0, leaderBytes: 90n, replicaBytes: 190n, replicasReported: 2 },
      { partition: 1, leaderBytes: 40n, replicaBytes: 81n, replicasReported: 2 },
      { partition: 2, leaderBytes: null, replicaBytes: 0n, replicasReported: 0 },
    ]);
  });

  it("sums per broker, for one topic or all, keeping a broker's error", () => {
    expect(
      brokerSizes(brokers, "orders").map(({ broker, bytes, replicas }) => [broker, bytes, replicas]),
    ).toEqual([
      [1, 140n, 2],
      [2, 131n, 2],
      [3, 0n, 0],
    ]);
    expect(brokerSizes(brokers)[0]).toEqual({ broker: 1, bytes: 147n, replicas: 3, error: null });
    expect(brokerSizes(brokers)[2]?.error).toBe("No answer (ECONNREFUSED)");
  });

  it("reads an offline directory's error and leaves unknown space out", () => {
    const read = logDirsOf({
      results: [
        {
          errorCode: 0,
          logDir: "/data/a",
          totalBytes: 1000n,
          usableBytes: 400n,
          topics: [
            {
              name: "orders",
              partitions: [
                { partitionIndex: 0, partitionSize: 5n, isFutureKey: false },
                { partitionIndex: 0, partitionSize: 3n, isFutureKey: true },
              ],
            },
          ],
        },
        { errorCode: 56, logDir: "/data/b", totalBytes: -1n, usableBytes: -1n, topics: [] },
      ],
    });
    expect(read.dirs).toEqual([
      { path: "/data/a", error: null, totalBytes: 1000n, usableBytes: 400n },
      { path: "/data/b", error: "KAFKA_STORAGE_ERROR", totalBytes: null, usableBytes: null },
    ]);
    expect(read.replicas).toEqual([{ topic: "orders", partition: 0, bytes: 5n }]);
  });
});
