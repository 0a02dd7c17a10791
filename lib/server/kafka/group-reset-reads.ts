import "server-only";

// What planning a reset reads from the cluster: the topics' partitions and leaders (Metadata), each
// partition's log start and log end offsets and, for a time, the first offset at or after it
// (ListOffsets to the leaders), and a group's committed offsets (OffsetFetch).
import type { Admin } from "@platformatic/kafka";

import { fetchClusterMetadata, type MetadataSnapshot } from "./cluster-metadata";
import type { Planned, PartitionRange, TopicPartition } from "./group-reset-plan";
import { readShareStartOffsets } from "./group-reset-share";
import { EARLIEST, LATEST, listPartitionOffsets } from "./partition-offsets";

export const partitionKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export interface TopicLayout {
  metadata: MetadataSnapshot;
  /** Partitions per topic, internal topics included. */
  partitionCounts: Map<string, number>;
}

export async function readTopicLayout(admin: Admin): Promise<TopicLayout> {
  const metadata = await fetchClusterMetadata(admin);
  const partitionCounts = new Map<string, number>();
  for (const topic of metadata.topics) {
    if (topic.name) partitionCounts.set(topic.name, topic.partitions.length);
  }
  return { metadata, partitionCounts };
}

/** The group's committed offsets by partitionKey; empty for a group that does not exist. */
export async function readCommitted(admin: Admin, groupId: string): Promise<Map<string, bigint>> {
  const committed = new Map<string, bigint>();
  const [group] = await admin.listConsumerGroupOffsets({ groups: [groupId] });
  for (const topic of group?.topics ?? []) {
    for (const partition of topic.partitions) {
      if (partition.committedOffset >= 0n)
        committed.set(partitionKey(topic.name, partition.partitionIndex), partition.committedOffset);
    }
  }
  return committed;
}

/** Where the group starts now: committed offsets, or a share group's start offsets. */
export function readGroupStarts(
  admin: Admin,
  groupId: string,
  type: string | null,
): Promise<Map<string, bigint>> {
  return type === "share" ? readShareStartOffsets(admin, groupId) : readCommitted(admin, groupId);
}

export function committedPartitions(committed: ReadonlyMap<string, bigint>): TopicPartition[] {
  return [...committed.keys()].map((key) => {
    const [topic, partition] = key.split("\u0000");
    return { topic: topic!, partition: Number(partition) };
  });
}

/**
 * Each partition's range and committed offset and, with `timestamp`, the offset found for it (null
 * past the end). A partition without a leader, or one that does not exist, fails the whole read.
 */
export async function readRanges(
  admin: Admin,
  layout: TopicLayout,
  partitions: readonly TopicPartition[],
  committed: ReadonlyMap<string, bigint>,
  timestamp?: bigint,
): Promise<Planned<{ ranges: PartitionRange[]; atTime: Map<string, bigint | null> }>> {
  const leaders = new Map<string, number>();
  for (const topic of layout.metadata.topics) {
    for (const partition of topic.partitions)
      if (topic.name) leaders.set(partitionKey(topic.name, partition.partitionIndex), partition.leaderId);
  }
  const unknown = partitions.filter(({ topic, partition }) => !leaders.has(partitionKey(topic, partition)));
  if (unknown.length)
    return {
      ok: false,
      error: `No such partition on this cluster: ${unknown
        .slice(0, 5)
        .map(({ topic, partition }) => `${topic} partition ${partition}`)
        .join(", ")}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ""}.`,
    };
  const refs = partitions.map(({ topic, partition }) => ({
    topic,
    partition,
    leader: leaders.get(partitionKey(topic, partition))!,
  }));
  const brokers = layout.metadata.brokers;
  const [starts, ends, found] = await Promise.all([
    listPartitionOffsets(admin, brokers, refs, EARLIEST, partitionKey),
    listPartitionOffsets(admin, brokers, refs, LATEST, partitionKey),
    timestamp === undefined
      ? Promise.resolve(new Map<string, bigint>())
      : listPartitionOffsets(admin, brokers, refs, timestamp, partitionKey),
  ]);
  const ranges: PartitionRange[] = [];
  const atTime = new Map<string, bigint | null>();
  const unread: string[] = [];
  for (const { topic, partition } of partitions) {
    const key = partitionKey(topic, partition);
    const logStart = starts.get(key);
    const logEnd = ends.get(key);
    if (logStart === undefined || logEnd === undefined || (timestamp !== undefined && !found.has(key))) {
      unread.push(`${topic} partition ${partition}`);
      continue;
    }
    ranges.push({ topic, partition, logStart, logEnd, committed: committed.get(key) ?? null });
    if (timestamp !== undefined) {
      const offset = found.get(key)!;
      atTime.set(key, offset < 0n ? null : offset);
    }
  }
  if (unread.length)
    return {
      ok: false,
      error: `The offsets of ${unread.slice(0, 5).join(", ")}${unread.length > 5 ? ` and ${unread.length - 5} more` : ""} could not be read (no leader now?); try again.`,
    };
  return { ok: true, data: { ranges, atTime } };
}
