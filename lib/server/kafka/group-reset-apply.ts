import "server-only";

// Committing a confirmed preview's offsets as an admin: the members are checked again first (a
// consumer may have joined since the preview), every partition must exist, and the change is audited
// with the offsets before and after, bounded so 10,000 partitions stay one readable record.
import type { PartitionOffset } from "@/lib/schemas/group-reset";
import { recordAudit, type Principal } from "@/lib/server/auth";

import { whileCoordinatorMoves } from "./coordinator-retry";
import { problemResult } from "./errors/problem-status";
import { failure, groupStanding, refusalOfCommit, type GroupOffsetsResult } from "./group-reset-guard";
import { describeChanges, sortPartitions, type AppliedOffset } from "./group-reset-plan";
import { partitionKey, readGroupStarts, readTopicLayout } from "./group-reset-reads";
import { alterShareStartOffsets } from "./group-reset-share";
import { withClusterAdmin } from "./pooled-clients";

export interface GroupResetApplied {
  cluster: string;
  groupId: string;
  offsets: AppliedOffset[];
}

/** Commits exactly `offsets` for the group; "group.reset" or "group.import" in the audit trail. */
export async function applyGroupOffsets(
  cluster: string,
  groupId: string,
  offsets: readonly PartitionOffset[],
  actor: Principal,
  action: "group.reset" | "group.import" = "group.reset",
): Promise<GroupOffsetsResult<GroupResetApplied>> {
  const wanted = sortPartitions(offsets);
  const audit = (outcome: "success" | "failure", details: Record<string, string | number>) =>
    recordAudit({ actor: actor.actor, action, target: groupId, outcome, details: { cluster, ...details } });
  const refuse = async (refusal: Extract<GroupOffsetsResult<never>, { ok: false }>) => {
    await audit("failure", { code: refusal.code, partitions: wanted.length });
    return refusal;
  };

  const standing = await groupStanding(cluster, groupId);
  if (!standing.ok) return refuse(standing);
  if (standing.data.unavailable)
    return refuse(failure(422, "UNSUPPORTED_BY_CLUSTER", standing.data.unavailable));

  let commitError: unknown;
  const result = await withClusterAdmin(
    cluster,
    (admin) =>
      whileCoordinatorMoves(async () => {
        const layout = await readTopicLayout(admin);
        const unknown = wanted.filter(
          ({ topic, partition }) => partition >= (layout.partitionCounts.get(topic) ?? 0),
        );
        if (unknown.length) return { unknown };
        const share = standing.data.type === "share";
        const before = await readGroupStarts(admin, groupId, standing.data.type);
        try {
          if (share) await alterShareStartOffsets(admin, groupId, wanted);
          else
            await admin.alterConsumerGroupOffsets({
              groupId,
              topics: [...new Set(wanted.map((row) => row.topic))].map((name) => ({
                name,
                partitionOffsets: wanted
                  .filter((row) => row.topic === name)
                  .map(({ partition, offset }) => ({ partition, offset })),
              })),
            });
        } catch (error) {
          commitError = error;
          throw error;
        }
        return { before };
      }),
    { cluster, operation: "READ", resourceName: groupId },
  );
  if (!result.ok) {
    const refusal = await refusalOfCommit(cluster, groupId, commitError);
    return refuse(refusal ?? problemResult(result.problem));
  }
  if ("unknown" in result.data && result.data.unknown) {
    const named = result.data.unknown
      .slice(0, 5)
      .map(({ topic, partition }) => `${topic} partition ${partition}`);
    return refuse(
      failure(422, "UNKNOWN_TOPIC_OR_PARTITION", `No such partition on ${cluster}: ${named.join(", ")}.`),
    );
  }
  const before = result.data.before!;
  const applied = wanted.map(({ topic, partition, offset }) => ({
    topic,
    partition,
    before: before.get(partitionKey(topic, partition))?.toString() ?? null,
    after: offset.toString(),
  }));
  await audit("success", { partitions: applied.length, offsets: describeChanges(applied) });
  return { ok: true, data: { cluster, groupId, offsets: applied } };
}
