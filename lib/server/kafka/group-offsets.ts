import "server-only";

// A group's committed offsets (OffsetFetch through the coordinator) beside each partition's log end
// offset (ListOffsets to the leaders), for the lag. Share groups commit no offsets and are left out.
import type { Admin } from "@platformatic/kafka";

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

/**
 * Rows per group, sorted by topic and partition: every committed partition, and with `members` also
 * the assigned partitions without a commit. Throws when OffsetFetch fails; log end offsets that cannot
 * be read leave the lag unknown instead.
 */
export async function readGroupOffsets(
  admin: Admin,
  groups: readonly ListedGroup[],
  members?: ReadonlyMap<string, GroupMembers>,
): Promise<Map<string, PartitionOffsetsRow[]>> {
  const ids = groups.filter((group) => group.type !== "share").map((group) => group.id);
  const result = new Map<string, PartitionOffsetsRow[]>();
  if (ids.length === 0) return result;
  const committed = await admin.listConsumerGroupOffsets({ groups: ids });
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
    result.set(
      group.groupId,
      [...rows.values()].sort((a, b) =>
        a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1,
      ),
    );
  }
  await fillLogEnds(admin, [...result.values()].flat());
  return result;
}

/** Log end offsets (high watermarks) of the rows' partitions, asked of their leaders; missing ones stay null. */
async function fillLogEnds(admin: Admin, rows: PartitionOffsetsRow[]): Promise<void> {
  if (rows.length === 0) return;
  const logEnds = await (async () => {
    const metadata = await fetchClusterMetadata(admin);
    const wanted = new Set(rows.map((row) => row.topic));
    const partitions = metadata.topics.flatMap((topic) =>
      topic.name && wanted.has(topic.name)
        ? topic.partitions.map((partition) => ({
            topic: topic.name!,
            partition: partition.partitionIndex,
            leader: partition.leaderId,
          }))
        : [],
    );
    return listPartitionOffsets(admin, metadata.brokers, partitions, LATEST, keyOf);
  })().catch(() => new Map<string, bigint>());
  for (const row of rows) {
    const logEnd = logEnds.get(keyOf(row.topic, row.partition));
    if (logEnd === undefined) continue;
    row.logEndOffset = logEnd.toString();
    const lag = partitionLag(row.committedOffset === null ? null : BigInt(row.committedOffset), logEnd);
    row.lag = lag === null ? null : lag.toString();
  }
}
