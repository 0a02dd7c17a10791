// The throughput history's part of the ConsoleStore (see types.ts).
import type { Tier } from "@/lib/lag-history/tiers";

/** The series name of a cluster's total: Kafka topic names are never empty. */
export const CLUSTER_TOTAL = "";

/** What one topic (or the cluster, topic CLUSTER_TOTAL) produced over one sampling interval. */
export interface ThroughputSampleInput {
  cluster: string;
  topic: string;
  /** Milliseconds the interval lasted. */
  ms: number;
  messages: number;
  bytes: number;
}

/** A stored point: one interval (resolution 0) or a bucket adding several up. */
export interface ThroughputPointRecord {
  /** Unix seconds: the sample's time or the bucket's start. */
  at: number;
  ms: number;
  messages: number;
  bytes: number;
  peakMessagesPerSecond: number;
  peakBytesPerSecond: number;
}

export interface TopicThroughputTotal {
  topic: string;
  messages: number;
  bytes: number;
}

export interface ThroughputStore {
  /** Writes the round's samples into every tier in one transaction; returns the rows written. */
  record(
    atSeconds: number,
    samples: readonly ThroughputSampleInput[],
    tiers: readonly Tier[],
  ): Promise<number>;
  /** Deletes each tier's rows older than it keeps, then series without rows; returns rows deleted. */
  prune(nowSeconds: number, tiers: readonly Tier[]): Promise<number>;
  /** One series' points of one tier since a time, oldest first (topic CLUSTER_TOTAL: the cluster's). */
  series(
    cluster: string,
    topic: string,
    resolutionSeconds: number,
    sinceSeconds: number,
  ): Promise<ThroughputPointRecord[]>;
  /** The topics that produced most since a time (raw samples), most messages first. */
  topTopics(cluster: string, sinceSeconds: number, limit: number): Promise<TopicThroughputTotal[]>;
}
