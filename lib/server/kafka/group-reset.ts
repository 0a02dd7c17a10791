import "server-only";

// Resetting a consumer group's offsets: a preview computed on the server for a mode and scope (or for
// an imported file), and the commit of exactly the offsets a confirmed preview showed, as an admin
// (OffsetCommit without member or generation, Kafka's AlterConsumerGroupOffsets), audited with the
// offsets before and after. Refused while the group has members (group-reset-guard.ts).
import type { Admin } from "@platformatic/kafka";

import {
  parseIsoDuration,
  parseResetDateTime,
  type GroupResetRequest,
  type PartitionOffset,
} from "@/lib/schemas/group-reset";

import { whileCoordinatorMoves } from "./coordinator-retry";
import { problemResult } from "./errors/problem-status";
import { failure, groupStanding, type GroupOffsetsResult, type GroupStanding } from "./group-reset-guard";
import {
  planReset,
  resolveScope,
  type Planned,
  type ResetRow,
  type ResetTarget,
  type TopicPartition,
} from "./group-reset-plan";
import {
  committedPartitions,
  partitionKey,
  readCommitted,
  readGroupStarts,
  readRanges,
  readTopicLayout,
} from "./group-reset-reads";
import { withClusterAdmin } from "./pooled-clients";

export type { ResetRow } from "./group-reset-plan";

export interface GroupResetPreview extends GroupStanding {
  cluster: string;
  groupId: string;
  /** Sorted by topic and partition; empty when `unavailable` says why. */
  rows: ResetRow[];
}

/** The preview of a reset by mode and scope; nothing is changed. */
export function previewGroupReset(
  cluster: string,
  groupId: string,
  request: GroupResetRequest,
  now = Date.now(),
): Promise<GroupOffsetsResult<GroupResetPreview>> {
  return preview(cluster, groupId, async (admin, layout, committed) => {
    let whole = committedPartitions(committed);
    let wholeName = `Group ${groupId}`;
    let source: Map<string, bigint> | undefined;
    if (request.mode === "group") {
      source = await readCommitted(admin, request.fromGroup!);
      whole = committedPartitions(source);
      wholeName = `Group ${request.fromGroup}`;
    }
    const scope = resolveScope(request, layout.partitionCounts, whole, wholeName);
    if (!scope.ok) return scope;
    const timestamp = timestampOf(request, now);
    const read = await readRanges(admin, layout, scope.data, committed, timestamp);
    if (!read.ok) return read;
    return planReset(read.data.ranges, (range): ResetTarget => {
      const key = partitionKey(range.topic, range.partition);
      switch (request.mode) {
        case "earliest":
        case "latest":
          return { kind: request.mode };
        case "offset":
          return { kind: "offset", offset: request.offset! };
        case "shift":
          return { kind: "shift", by: request.shift! };
        case "datetime":
        case "duration":
          return { kind: "timestamp", found: read.data.atTime.get(key) ?? null };
        case "group":
          return { kind: "copy", offset: source?.get(key) ?? null, from: `group ${request.fromGroup}` };
      }
    });
  });
}

/** The preview of restoring a file's offsets: each row's offset, clamped into its partition's range. */
export function previewGroupImport(
  cluster: string,
  groupId: string,
  offsets: readonly PartitionOffset[],
): Promise<GroupOffsetsResult<GroupResetPreview>> {
  return preview(cluster, groupId, async (admin, layout, committed) => {
    const wanted = new Map(offsets.map((row) => [partitionKey(row.topic, row.partition), row.offset]));
    const read = await readRanges(admin, layout, offsets, committed);
    if (!read.ok) return read;
    return planReset(read.data.ranges, (range) => ({
      kind: "copy",
      offset: wanted.get(partitionKey(range.topic, range.partition)) ?? null,
      from: "the file",
    }));
  });
}

/** The committed offsets now (a share group's start offsets), as an export. */
export async function readGroupCommitted(
  cluster: string,
  groupId: string,
  type: string | null = null,
): Promise<GroupOffsetsResult<(TopicPartition & { offset: bigint })[]>> {
  const result = await withClusterAdmin(cluster, (admin) => readGroupStarts(admin, groupId, type), {
    cluster,
    operation: "DESCRIBE",
    resourceName: groupId,
  });
  if (!result.ok) return problemResult(result.problem);
  return {
    ok: true,
    data: committedPartitions(result.data)
      .map((row) => ({ ...row, offset: result.data.get(partitionKey(row.topic, row.partition))! }))
      .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1)),
  };
}

type Planner = (
  admin: Admin,
  layout: Awaited<ReturnType<typeof readTopicLayout>>,
  committed: Map<string, bigint>,
) => Promise<Planned<ResetRow[]>>;

async function preview(
  cluster: string,
  groupId: string,
  plan: Planner,
): Promise<GroupOffsetsResult<GroupResetPreview>> {
  const standing = await groupStanding(cluster, groupId);
  if (!standing.ok) return standing;
  if (standing.data.unavailable) return { ok: true, data: { cluster, groupId, ...standing.data, rows: [] } };
  const planned = await withClusterAdmin(
    cluster,
    (admin) =>
      whileCoordinatorMoves(async () =>
        plan(admin, await readTopicLayout(admin), await readGroupStarts(admin, groupId, standing.data.type)),
      ),
    { cluster, operation: "DESCRIBE", resourceName: groupId },
  );
  if (!planned.ok) return problemResult(planned.problem);
  if (!planned.data.ok) return failure(422, "INVALID_RESET", planned.data.error);
  return { ok: true, data: { cluster, groupId, ...standing.data, rows: planned.data.data } };
}

function timestampOf(request: GroupResetRequest, now: number): bigint | undefined {
  if (request.mode === "datetime") return BigInt(parseResetDateTime(request.datetime!)!);
  if (request.mode === "duration") return BigInt(now - parseIsoDuration(request.duration!)!);
  return undefined;
}
