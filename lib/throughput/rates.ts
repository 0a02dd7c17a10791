// Throughput without JMX: what was produced between two samples of every partition's high watermark
// and log size. Pure; the sampler (lib/server/throughput) feeds it two consecutive snapshots.
//
// - A partition read in both samples counts its growth. A high watermark that went back (an unclean
//   leader election truncated the log) is a reset: nothing counted for that partition this interval.
// - A log that shrank (retention or compaction deleted segments) counts no bytes this interval; its
//   messages still count, as the high watermark never moves back for that.
// - A partition added to a known topic starts at offset 0 and empty: all it holds was produced since.
// - A topic seen for the first time, or recreated (another topic id), is only primed: a topic that
//   could not be read last round would otherwise count its whole history as one interval.
// - A topic gone (deleted) simply stops counting.

export interface PartitionCounters {
  /** The log end offset (ListOffsets latest); null when its leader did not answer. */
  highWatermark: bigint | null;
  /** The leader's replica size in bytes (DescribeLogDirs); null when not reported. */
  bytes: bigint | null;
}

export interface TopicCounters {
  /** The topic's id: a deleted and recreated topic has another. */
  topicId: string;
  /** By partition index; every partition the metadata lists, read or not. */
  partitions: Map<number, PartitionCounters>;
}

export interface CountersSnapshot {
  /** Unix milliseconds of the read. */
  atMs: number;
  topics: Map<string, TopicCounters>;
}

export interface TopicGrowth {
  messages: number;
  bytes: number;
}

export interface ThroughputInterval {
  /** Milliseconds between the two samples. */
  ms: number;
  /** Σ over the topics. */
  cluster: TopicGrowth;
  /** Only topics that grew: an idle topic costs nothing to store. */
  topics: Map<string, TopicGrowth>;
  /** Partitions whose high watermark went back, and topics recreated under the same name. */
  resets: number;
}

const growth = (before: bigint | null | undefined, after: bigint | null): number | null =>
  before === null || before === undefined || after === null ? null : Number(after - before);

/** What was produced between `previous` and `current`; null when they are not in time order. */
export function throughputBetween(
  previous: CountersSnapshot,
  current: CountersSnapshot,
): ThroughputInterval | null {
  const ms = current.atMs - previous.atMs;
  if (!(ms > 0)) return null;
  const interval: ThroughputInterval = {
    ms,
    cluster: { messages: 0, bytes: 0 },
    topics: new Map(),
    resets: 0,
  };
  for (const [topic, now] of current.topics) {
    const before = previous.topics.get(topic);
    if (!before) continue;
    if (before.topicId !== now.topicId) {
      interval.resets += 1;
      continue;
    }
    const known = Math.max(-1, ...before.partitions.keys());
    let messages = 0;
    let bytes = 0;
    for (const [partition, counters] of now.partitions) {
      const added = partition > known;
      const was = added ? { highWatermark: 0n, bytes: 0n } : before.partitions.get(partition);
      const produced = growth(was?.highWatermark, counters.highWatermark);
      if (produced === null) continue;
      if (produced < 0) {
        interval.resets += 1;
        continue;
      }
      messages += produced;
      const grown = growth(was?.bytes, counters.bytes);
      if (grown !== null && grown > 0) bytes += grown;
    }
    if (messages === 0 && bytes === 0) continue;
    interval.topics.set(topic, { messages, bytes });
    interval.cluster.messages += messages;
    interval.cluster.bytes += bytes;
  }
  return interval;
}

/** Per second over an interval of `ms` milliseconds. */
export const perSecond = (count: number, ms: number): number => (ms > 0 ? (count * 1000) / ms : 0);
