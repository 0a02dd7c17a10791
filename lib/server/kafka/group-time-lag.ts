import "server-only";

// Time lag: how old the next record a group consumes is. For each lagging partition one small Fetch
// at the committed offset (straight to the leader, read_committed, no group), the first data record's
// timestamp against now. Caught-up partitions are not fetched; what cannot be read is null.
import type { Consumer } from "@platformatic/kafka";

import type { ClusterResult } from "./cluster-pool";
import { collectRecords, type FetchedRecord } from "./messages/collect-records";
import { recordTimestamp } from "./messages/records";
import { openConsumer } from "./messages/search";
import { closeConsumer } from "./messages/search-stream";
import { READ_COMMITTED } from "./messages/topic-offsets";
import { mapBounded, timeLagKey, timeLagOf } from "./time-lag-math";

export { maxTimeLag, timeLagKey } from "./time-lag-math";

export interface TimeLagPartition {
  topic: string;
  partition: number;
  /** The group's committed offset: the next record it consumes. Null (nothing committed): no time lag. */
  committedOffset: bigint | null;
  /** The partition's log end offset; null when unknown. At or below the committed offset: caught up. */
  logEndOffset: bigint | null;
}

export interface TimeLagOptions {
  /** The time the lag is measured against (ms since the epoch); Date.now() by default. */
  now?: number;
  /** Fetches in flight at once. */
  concurrency?: number;
}

/**
 * Time lag in ms per partition and committed offset, keyed by timeLagKey(topic, partition,
 * committedOffset): null when caught up, nothing is committed, or the record could not be read
 * (deleted, compacted, aborted, the leader unreachable). Partitions of several groups at the same
 * committed offset are fetched once. Only a cluster that cannot be reached at all is a failure.
 */
export async function readTimeLags(
  cluster: string,
  partitions: readonly TimeLagPartition[],
  options: TimeLagOptions = {},
): Promise<ClusterResult<Map<string, number | null>>> {
  const lags = new Map<string, number | null>();
  const lagging = new Map<string, TimeLagPartition & { committedOffset: bigint }>();
  for (const target of partitions) {
    const { topic, partition, committedOffset, logEndOffset } = target;
    if (committedOffset === null) continue;
    const key = timeLagKey(topic, partition, committedOffset);
    lags.set(key, null);
    if (logEndOffset !== null && logEndOffset > committedOffset)
      lagging.set(key, { ...target, committedOffset });
  }
  if (lagging.size === 0) return { ok: true, data: lags };
  const opened = openConsumer(cluster);
  if (!opened.ok) return opened;
  try {
    const { consumer } = opened.data;
    const topics = [...new Set([...lagging.values()].map(({ topic }) => topic))];
    const metadata = await consumer.metadata({ topics });
    const now = options.now ?? Date.now();
    await mapBounded([...lagging], options.concurrency ?? CONCURRENCY, async ([key, target]) => {
      const layout = metadata.topics.get(target.topic);
      const leader = layout?.partitions[target.partition]?.leader ?? -1;
      if (!layout || leader < 0) return;
      const timestamp = await nextRecordTimestamp(consumer, layout.id, leader, target).catch(() => null);
      lags.set(key, timestamp === null ? null : timeLagOf(timestamp, now));
    });
    return { ok: true, data: lags };
  } catch (error) {
    return { ok: false, problem: opened.data.describe(error, { operation: "READ" }) };
  } finally {
    await closeConsumer(opened.data);
  }
}

/** Enough for the first batch of most topics; a larger first batch is still returned whole (KIP-74). */
const FETCH_BYTES = 16 * 1024;
const CONCURRENCY = 4;

/** The timestamp of the first data record at or after the committed offset; null when the answer has none. */
async function nextRecordTimestamp(
  consumer: Consumer,
  topicId: string,
  leader: number,
  target: TimeLagPartition & { committedOffset: bigint },
): Promise<number | null> {
  const response = await consumer.fetch({
    node: leader,
    topics: [
      {
        topicId,
        partitions: [
          {
            partition: target.partition,
            fetchOffset: target.committedOffset,
            partitionMaxBytes: FETCH_BYTES,
            currentLeaderEpoch: -1,
            lastFetchedEpoch: -1,
          },
        ],
      },
    ],
    maxWaitTime: 0,
    minBytes: 1,
    maxBytes: FETCH_BYTES,
    isolationLevel: READ_COMMITTED,
  });
  const cursor = {
    partition: target.partition,
    next: target.committedOffset,
    end: target.logEndOffset,
    inFlight: false,
    abortedProducers: new Set<bigint>(),
  };
  const records: FetchedRecord[] = [];
  for (const topic of response.responses) {
    if (topic.topicId !== topicId) continue;
    for (const fetched of topic.partitions)
      if (fetched.partitionIndex === target.partition) collectRecords(cursor, fetched, records);
  }
  const first = records[0];
  return first ? recordTimestamp(first.batch, first.record) : null;
}
