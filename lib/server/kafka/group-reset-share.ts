import "server-only";

// Share groups (KIP-932) keep a start offset per share-partition instead of committed offsets: the
// reset reads them with DescribeShareGroupOffsets and sets them with AlterShareGroupOffsets (the
// console's codec), which Kafka takes only while the group has no members. Where the cluster lacks
// AlterShareGroupOffsets, resetting a share group is said to be unavailable.
import type { Admin } from "@platformatic/kafka";

import type { PartitionOffset } from "@/lib/schemas/group-reset";

import { alterShareGroupOffsetsV0, type AlterShareGroupOffsetsResponse } from "./alter-share-group-offsets";
import { currentPool } from "./global-pool";
import { describeShareGroupOffsets, findCoordinators } from "./group-requests";
import { sendRaw } from "./raw-request";

const ALTER_SHARE_GROUP_OFFSETS = 91;
const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/** Why a share group's start offsets cannot be reset on this cluster; undefined when they can (or it could not be asked). */
export async function shareResetUnavailable(cluster: string): Promise<string | undefined> {
  const status = await currentPool()
    .status(cluster)
    .catch(() => null);
  if (!status?.ok) return undefined;
  const api = status.overview.apiVersions.find((range) => range.apiKey === ALTER_SHARE_GROUP_OFFSETS);
  if (api && api.minVersion <= 0) return undefined;
  return `This cluster does not support AlterShareGroupOffsets (ApiKey ${ALTER_SHARE_GROUP_OFFSETS}), so a share group's start offsets cannot be reset here.`;
}

/** The group's start offset per initialized share-partition, keyed by topic and partition. */
export async function readShareStartOffsets(admin: Admin, groupId: string): Promise<Map<string, bigint>> {
  const coordinators = await findCoordinators(admin, [groupId]);
  const answer = (await describeShareGroupOffsets(admin, coordinators, [groupId])).get(groupId);
  const starts = new Map<string, bigint>();
  for (const topic of answer?.topics ?? []) {
    for (const partition of topic.partitions) {
      if (partition.errorCode === 0 && partition.startOffset >= 0n)
        starts.set(key(topic.topicName, partition.partitionIndex), partition.startOffset);
    }
  }
  return starts;
}

/** Sets the start offsets at the group's coordinator; Kafka answers NON_EMPTY_GROUP while it has members. */
export async function alterShareStartOffsets(
  admin: Admin,
  groupId: string,
  offsets: readonly PartitionOffset[],
): Promise<AlterShareGroupOffsetsResponse> {
  const coordinator = (await findCoordinators(admin, [groupId])).get(groupId);
  if (!coordinator) throw new Error(`No coordinator was found for share group ${groupId}.`);
  const topics = [...new Set(offsets.map((row) => row.topic))].map((topicName) => ({
    topicName,
    partitions: offsets
      .filter((row) => row.topic === topicName)
      .map((row) => ({ partitionIndex: row.partition, startOffset: row.offset })),
  }));
  return sendRaw<AlterShareGroupOffsetsResponse>(admin, {
    api: { name: "AlterShareGroupOffsets", codec: alterShareGroupOffsetsV0 },
    broker: coordinator,
    args: [groupId, topics],
  });
}
