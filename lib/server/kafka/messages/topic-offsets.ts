// What a search needs to know before reading: the topic's partitions and leaders, and the watermarks
// (read_committed: the high one is the last stable offset, so open transactions are not waited for).
import type { ClusterMetadata, Consumer } from "@platformatic/kafka";

import { flattenErrorChain } from "../errors/error-chain";
import type { PartitionWatermarks } from "./plan";

export const READ_COMMITTED = 1;
const EARLIEST = -2n;
const LATEST = -1n;

export interface TopicLayout {
  topicId: string;
  /** Leader node per partition index; -1 while a partition has none. */
  leaders: number[];
}

export function layoutOf(metadata: ClusterMetadata, topic: string): TopicLayout | null {
  const found = metadata.topics.get(topic);
  if (!found) return null;
  return { topicId: found.id, leaders: found.partitions.map((partition) => partition.leader) };
}

export async function readLayout(consumer: Consumer, topic: string, forceUpdate = false) {
  const metadata = await consumer.metadata({ topics: [topic], forceUpdate });
  const layout = layoutOf(metadata, topic);
  if (!layout) throw unknownTopicError(topic);
  return layout;
}

export async function readWatermarks(
  consumer: Consumer,
  topic: string,
  partitions: number[],
): Promise<PartitionWatermarks[]> {
  const request = { topics: [topic], partitions: { [topic]: partitions }, isolationLevel: READ_COMMITTED };
  const [earliest, latest] = await Promise.all([
    consumer.listOffsets({ ...request, timestamp: EARLIEST }),
    consumer.listOffsets({ ...request, timestamp: LATEST }),
  ]);
  return partitions.map((partition) => ({
    partition,
    low: earliest.get(topic)?.[partition] ?? 0n,
    high: latest.get(topic)?.[partition] ?? 0n,
  }));
}

/** Per partition the first offset whose timestamp is at or after `timestamp`; null where there is none. */
export async function readOffsetsForTime(
  consumer: Consumer,
  topic: string,
  partitions: number[],
  timestamp: number,
): Promise<Map<number, bigint | null>> {
  const found = await consumer.listOffsetsWithTimestamps({
    topics: [topic],
    partitions: { [topic]: partitions },
    // Negative values mean "latest" or "earliest" to ListOffsets; a time before 1970 means the start.
    timestamp: BigInt(Math.max(0, Math.trunc(timestamp))),
    isolationLevel: READ_COMMITTED,
  });
  const offsets = found.get(topic);
  return new Map(
    partitions.map((partition) => {
      const offset = offsets?.get(partition)?.offset;
      return [partition, offset === undefined || offset < 0n ? null : offset];
    }),
  );
}

/** The library reports a missing topic as a UserError "Unknown topic x."; give it the Kafka code. */
export function unknownTopicError(topic: string): Error {
  return Object.assign(new Error(`Unknown topic ${topic}.`), { apiId: "UNKNOWN_TOPIC_OR_PARTITION" });
}

export function isUnknownTopic(error: unknown): boolean {
  return flattenErrorChain(error).some(
    ({ error: link }) =>
      link.apiId === "UNKNOWN_TOPIC_OR_PARTITION" ||
      link.apiId === "UNKNOWN_TOPIC_ID" ||
      (typeof link.message === "string" && link.message.startsWith("Unknown topic ")),
  );
}

export function hasApiId(error: unknown, apiId: string): boolean {
  return flattenErrorChain(error).some(({ error: link }) => link.apiId === apiId);
}
