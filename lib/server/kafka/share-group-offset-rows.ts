import "server-only";

// Share groups' offsets as the group page and the list show them: per share-partition the start
// offset (in the committed offset's column: where the group's next delivery begins), the log end
// offset and the lag the broker reports (DescribeShareGroupOffsets v1), not one the console derives.
import type { Admin } from "@platformatic/kafka";

import type { ClusterCapabilities } from "./capabilities";
import { readLogEnds, type PartitionOffsetsRow } from "./group-offsets";
import type { ListedGroup } from "./group-pages";
import { describeShareGroupOffsets, type Coordinator } from "./group-requests";
import type { ShareOffsetsGroup } from "./share-group-offsets";

/** Rows per share group, sorted by topic and partition; groups whose answer failed are missing. */
export async function readShareGroupOffsets(
  admin: Admin,
  coordinators: ReadonlyMap<string, Coordinator>,
  groups: readonly ListedGroup[],
): Promise<Map<string, PartitionOffsetsRow[]>> {
  const ids = groups.filter((group) => group.type === "share").map((group) => group.id);
  const result = new Map<string, PartitionOffsetsRow[]>();
  if (ids.length === 0) return result;
  const answers = await describeShareGroupOffsets(admin, coordinators, ids);
  const topics = new Set(
    [...answers.values()].flatMap((group) => group.topics.map((topic) => topic.topicName)),
  );
  const logEnds = await readLogEnds(admin, topics);
  for (const [id, answer] of answers) {
    if (answer.errorCode !== 0) continue;
    result.set(
      id,
      shareRows(answer, (topic, partition) => logEnds.get(topic)?.get(partition)),
    );
  }
  return result;
}

/**
 * readShareGroupOffsets where the cluster offers DescribeShareGroupOffsets v1 (or could not be asked
 * what it offers); empty when it lacks it or the request fails: the group then says why.
 */
export async function readShareGroupOffsetsIfOffered(
  admin: Admin,
  coordinators: ReadonlyMap<string, Coordinator>,
  groups: readonly ListedGroup[],
  capabilities: ClusterCapabilities | undefined,
): Promise<Map<string, PartitionOffsetsRow[]>> {
  if (capabilities && !capabilities.shareGroupOffsets.supported) return new Map();
  return readShareGroupOffsets(admin, coordinators, groups).catch(() => new Map());
}

/** A share group's total lag: the broker's lag summed; null when none is known or any is unknown. */
export function shareTotalLag(rows: readonly PartitionOffsetsRow[]): bigint | null {
  if (rows.length === 0 || rows.some((row) => row.lag === null)) return null;
  return rows.reduce((total, row) => total + BigInt(row.lag!), 0n);
}

/** The group's rows from its answer; a share-partition not initialized yet has no start offset. */
export function shareRows(
  answer: ShareOffsetsGroup,
  logEndOf: (topic: string, partition: number) => bigint | undefined,
): PartitionOffsetsRow[] {
  const rows = answer.topics.flatMap((topic) =>
    topic.partitions
      .filter((partition) => partition.errorCode === 0)
      .map((partition): PartitionOffsetsRow => {
        const logEnd = logEndOf(topic.topicName, partition.partitionIndex);
        return {
          topic: topic.topicName,
          partition: partition.partitionIndex,
          committedOffset: partition.startOffset >= 0n ? partition.startOffset.toString() : null,
          logEndOffset: logEnd === undefined ? null : logEnd.toString(),
          lag: partition.lag === null ? null : partition.lag.toString(),
          leaderEpoch: partition.leaderEpoch >= 0 ? partition.leaderEpoch : null,
          metadata: null,
        };
      }),
  );
  return rows.sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
}
