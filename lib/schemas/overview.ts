// The overview's disk figures and busiest topics, as the page shows them. Byte counts are decimal
// strings: they pass 2^53.

export interface BrokerDisk {
  broker: number;
  /** Bytes of the replicas it holds; null when the broker did not answer (error says why). */
  usedBytes: string | null;
  /** Σ over its online directories, null where the broker does not report them (before Kafka 3.3). */
  totalBytes: string | null;
  usableBytes: string | null;
  offlineDirs: number;
  error: string | null;
}

export type OverviewDisk =
  | { ok: true; brokers: BrokerDisk[]; largestTopics: { topic: string; bytes: string }[] }
  | { ok: false; unavailable: string };
