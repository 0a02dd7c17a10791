// Sizes on disk from the brokers' DescribeLogDirs answers (log-dirs.ts), summed the ways the pages
// show them: per topic, per partition (the leader's replica and all replicas) and per broker.
import type { BrokerLogDirs } from "./log-dirs";

export interface PartitionSize {
  partition: number;
  /** The leader's replica: what a consumer reads; null when the leader did not report it. */
  leaderBytes: bigint | null;
  /** All replicas together: what the partition costs on disk. */
  replicaBytes: bigint;
  /** Replicas reported, to tell "0 bytes" from "nobody answered". */
  replicasReported: number;
}

export interface BrokerSize {
  broker: number;
  bytes: bigint;
  replicas: number;
  error: string | null;
}

/** Every topic's bytes on disk, all replicas on all brokers together. */
export function topicSizes(brokers: readonly BrokerLogDirs[]): Map<string, bigint> {
  const sizes = new Map<string, bigint>();
  for (const broker of brokers) {
    for (const replica of broker.replicas) {
      sizes.set(replica.topic, (sizes.get(replica.topic) ?? 0n) + replica.bytes);
    }
  }
  return sizes;
}

/** One topic's partitions: the leader's replica size and the sum over its replicas. */
export function partitionSizes(
  brokers: readonly BrokerLogDirs[],
  topic: string,
  leaders: readonly { partition: number; leader: number }[],
): PartitionSize[] {
  const rows = new Map<number, PartitionSize>(
    leaders.map(({ partition }) => [
      partition,
      { partition, leaderBytes: null, replicaBytes: 0n, replicasReported: 0 },
    ]),
  );
  const leaderOf = new Map(leaders.map(({ partition, leader }) => [partition, leader]));
  for (const broker of brokers) {
    for (const replica of broker.replicas) {
      if (replica.topic !== topic) continue;
      const row = rows.get(replica.partition) ?? {
        partition: replica.partition,
        leaderBytes: null,
        replicaBytes: 0n,
        replicasReported: 0,
      };
      row.replicaBytes += replica.bytes;
      row.replicasReported += 1;
      if (leaderOf.get(replica.partition) === broker.broker) row.leaderBytes = replica.bytes;
      rows.set(replica.partition, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.partition - b.partition);
}

/** Bytes per broker, of one topic's replicas or (topic undefined) of all it holds. */
export function brokerSizes(brokers: readonly BrokerLogDirs[], topic?: string): BrokerSize[] {
  return brokers.map((broker) => {
    let bytes = 0n;
    let replicas = 0;
    for (const replica of broker.replicas) {
      if (topic !== undefined && replica.topic !== topic) continue;
      bytes += replica.bytes;
      replicas += 1;
    }
    return { broker: broker.broker, bytes, replicas, error: broker.error };
  });
}
