import "server-only";

// A group's committed offsets (OffsetFetch through the coordinator) beside each partition's log end
// offset (ListOffsets to the leaders), for the lag. Share groups commit no offsets and are left out.
import type { Admin, ListConsumerGroupOffsetsGroup } from "@platformatic/kafka";

import { fetchClusterMetadata } from "./cluster-metadata";
import type { GroupMembers } from "./group-members";
import { partitionLag, type ListedGroup } from "./group-pages";
import { LATEST, listPartitionOffsets } from "./partition-offsets";

export interface PartitionOffsetsRow {
  topic: string;
  partition: number;
  /** Decimal strings; committed is null for an assigned partition the group has not committed yet. */
  committedOffset: string | null;
  logEndOffset: string | null;
  lag: string | null;
  /** The leader epoch the commit carried, and the metadata string the client attached to it. */
  leaderEpoch: number | null;
  metadata: string | null;
  /** The member (client id) holding the partition now, when members were read. */
  assignedTo?: string;
}

const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/** A group's committed offsets as OffsetFetch answers them. */
export type CommittedOffsets = ListConsumerGroupOffsetsGroup;

/** Log end offsets (high watermarks) by topic and partition; a partition whose offset could not be read is missing. */
export type LogEnds = ReadonlyMap<string, ReadonlyMap<number, bigint>>;

/**
 * Rows per group, sorted by topic and partition: every committed partition, and with `members` also
 * the assigned partitions without a commit. Throws when OffsetFetch fails; log end offsets that cannot
 * be read leave the lag unknown instead. `known`: offsets already read for these groups (the list's
 * sort by lag), not asked again.
 */
export async function readGroupOffsets(
  admin: Admin,
  groups: readonly ListedGroup[],
  members?: ReadonlyMap<string, GroupMembers>,
  known?: { committed: ReadonlyMap<string, CommittedOffsets>; logEnds: LogEnds },
): Promise<Map<string, PartitionOffsetsRow[]>> {
  const ids = groups.filter((group) => group.type !== "share").map((group) => group.id);
  const result = new Map<string, PartitionOffsetsRow[]>();
  if (ids.length === 0) return result;
  const committed = known
    ? ids.flatMap((id) => known.committed.get(id) ?? [])
    : await readCommittedOffsets(admin, ids);
  const logEnds = known?.logEnds ?? (await readLogEnds(admin, committedTopics(committed, members)));
  for (const group of committed) {
    const rows = new Map<string, PartitionOffsetsRow>();
    for (const topic of group.topics) {
      for (const partition of topic.partitions) {
        const offset = partition.committedOffset >= 0n ? partition.committedOffset.toString() : null;
        rows.set(keyOf(topic.name, partition.partitionIndex), {
          topic: topic.name,
          partition: partition.partitionIndex,
          committedOffset: offset,
          logEndOffset: null,
          lag: null,
          leaderEpoch: partition.committedLeaderEpoch >= 0 ? partition.committedLeaderEpoch : null,
          metadata: partition.metadata || null,
        });
      }
    }
    for (const member of members?.get(group.groupId)?.members ?? []) {
      for (const { topic, partitions } of member.assignment ?? []) {
        for (const partition of partitions) {
          const key = keyOf(topic, partition);
          const row = rows.get(key) ?? {
            topic,
            partition,
            committedOffset: null,
            logEndOffset: null,
            lag: null,
            leaderEpoch: null,
            metadata: null,
          };
          rows.set(key, { ...row, assignedTo: member.clientId || member.memberId });
        }
      }
    }
    for (const row of rows.values()) fillLogEnd(row, logEnds);
    result.set(
      group.groupId,
      [...rows.values()].sort((a, b) =>
        a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1,
      ),
    );
  }
  return result;
}

/** OffsetFetch of the groups: the client asks each coordinator once, for all its groups (v8+). */
export function readCommittedOffsets(admin: Admin, ids: string[]): Promise<CommittedOffsets[]> {
  return admin.listConsumerGroupOffsets({ groups: ids });
}

/**
 * The lag summed over the group's committed partitions, as totalLag computes it from the group's
 * rows (group-pages.ts), without making them: null when nothing is committed or a log end is missing.
 */
export function committedLag(group: CommittedOffsets, logEnds: LogEnds): bigint | null {
  let total = 0n;
  let counted = 0;
  for (const topic of group.topics) {
    const ends = logEnds.get(topic.name);
    for (const { partitionIndex, committedOffset } of topic.partitions) {
      if (committedOffset < 0n) continue;
      const logEnd = ends?.get(partitionIndex);
      if (logEnd === undefined) return null;
      if (logEnd > committedOffset) total += logEnd - committedOffset;
      counted += 1;
    }
  }
  return counted === 0 ? null : total;
}

/**
 * Log end offsets of every partition of the topics: one Metadata request for those topics, one
 * ListOffsets per leader. Empty when either fails (the lag is then unknown, not an error).
 */
export async function readLogEnds(admin: Admin, topics: ReadonlySet<string>): Promise<LogEnds> {
  const logEnds = new Map<string, Map<number, bigint>>();
  if (topics.size === 0) return logEnds;
  try {
    const metadata = await fetchClusterMetadata(admin);
    const partitions = metadata.topics.flatMap((topic) =>
      topic.name && topics.has(topic.name)
        ? topic.partitions.map((partition) => ({
            topic: topic.name!,
            partition: partition.partitionIndex,
            leader: partition.leaderId,
          }))
        : [],
    );
    const offsets = await listPartitionOffsets(admin, metadata.brokers, partitions, LATEST, keyOf);
    for (const { topic, partition } of partitions) {
      const offset = offsets.get(keyOf(topic, partition));
      if (offset === undefined) continue;
      const ends = logEnds.get(topic) ?? new Map<number, bigint>();
      ends.set(partition, offset);
      logEnds.set(topic, ends);
    }
  } catch {
    logEnds.clear();
  }
  return logEnds;
}

function committedTopics(
  committed: readonly CommittedOffsets[],
  members: ReadonlyMap<string, GroupMembers> | undefined,
): Set<string> {
  const topics = new Set<string>();
  for (const group of committed) {
    for (const topic of group.topics) topics.add(topic.name);
    for (const member of members?.get(group.groupId)?.members ?? [])
      for (const { topic } of member.assignment ?? []) topics.add(topic);
  }
  return topics;
}

/** The row's log end offset and lag; both stay null when its log end offset is missing. */
function fillLogEnd(row: PartitionOffsetsRow, logEnds: LogEnds): void {
  const logEnd = logEnds.get(row.topic)?.get(row.partition);
  if (logEnd === undefined) return;
  row.logEndOffset = logEnd.toString();
  const lag = partitionLag(row.committedOffset === null ? null : BigInt(row.committedOffset), logEnd);
  row.lag = lag === null ? null : lag.toString();
}
