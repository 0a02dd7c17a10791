// Brokers, their log dirs, the KRaft quorum and the cluster's features as the console shows them and
// REST answers them. Offsets and byte counts are decimal strings: they pass 2^53.
import { z } from "zod";

import type { FinalizedFeature } from "./cluster";

/** A broker's node id in a path: a non-negative 32-bit integer, as Kafka numbers nodes. */
export const brokerIdSchema = z.coerce
  .number({ message: "A broker id is a number." })
  .int("A broker id is a whole number.")
  .min(0, "A broker id is 0 or more.")
  .max(2 ** 31 - 1, "A broker id is a 32-bit integer.");

/** One log directory of a broker (DescribeLogDirs); space figures from v4 (Kafka 3.3) on. */
export interface LogDirSummary {
  path: string;
  /** The Kafka error name when the directory is offline or unreadable (KAFKA_STORAGE_ERROR), else null. */
  error: string | null;
  /** Bytes of the partitions' logs in the directory; null when offline. */
  sizeBytes: string | null;
  partitions: number;
  /** Null where the broker does not report it (before v4, or -1). */
  totalBytes: string | null;
  usableBytes: string | null;
}

/** Log dirs of one broker, or why they could not be read. */
export type BrokerLogDirs = { ok: true; dirs: LogDirSummary[] } | { ok: false; reason: string };

export interface BrokerRow {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
  isController: boolean;
  /** Partitions this broker leads, and partitions with a replica on it. */
  leaderPartitions: number;
  replicaPartitions: number;
  /** Sum of its online log dirs' sizes; null when not read (unsupported, refused, offline only). */
  logDirBytes: string | null;
  offlineLogDirs: number;
}

export interface BrokerList {
  cluster: string;
  controllerId: number;
  brokers: BrokerRow[];
  /** Why log dir sizes are missing, when they are: the cluster lacks DescribeLogDirs, or refused it. */
  logDirsUnavailable: string | null;
}

export interface BrokerEndpoint {
  listener: string;
  host: string;
  port: number;
}

export interface BrokerDetails extends BrokerRow {
  cluster: string;
  /** The address the cluster's metadata gives, then listeners the broker advertises where known. */
  endpoints: BrokerEndpoint[];
  logDirs: BrokerLogDirs;
}

export interface QuorumReplica {
  nodeId: number;
  /** The replica's metadata log directory id (KIP-853, v2); null before. */
  directoryId: string | null;
  logEndOffset: string | null;
  /** The leader's log end offset minus this replica's; null when either is unknown. */
  lag: string | null;
  /** Epoch milliseconds; null when the leader reports none (v0, or -1). */
  lastFetchTimestamp: number | null;
  lastCaughtUpTimestamp: number | null;
  isLeader: boolean;
  /** The node's listeners as the quorum knows them (v2 and a KIP-853 quorum); empty otherwise. */
  endpoints: BrokerEndpoint[];
}

export interface QuorumDescription {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: string;
  voters: QuorumReplica[];
  observers: QuorumReplica[];
}

export interface ClusterFeature {
  name: string;
  /** The finalized level range; null when the feature is supported but not finalized. */
  finalized: { minVersionLevel: number; maxVersionLevel: number } | null;
  /** What the answering broker supports; null when it did not say. */
  supported: { minVersion: number; maxVersion: number } | null;
}

/** The quorum and features page's content; each part says why when it is unavailable. */
export interface QuorumAndFeatures {
  cluster: string;
  quorum: { ok: true; data: QuorumDescription } | { ok: false; reason: string; code?: string };
  features: { ok: true; epoch: string | null; features: ClusterFeature[] } | { ok: false; reason: string };
}

export type { FinalizedFeature };

/** Whose broker configs an edit changes: one broker by node id, or "default" (the cluster-wide default). */
export const brokerConfigTargetSchema = z.object({
  cluster: z.string().min(1),
  broker: z.union([z.literal("default"), brokerIdSchema]),
});
export type BrokerConfigTarget = z.input<typeof brokerConfigTargetSchema>;
