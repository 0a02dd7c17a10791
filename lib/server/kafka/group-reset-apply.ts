import "server-only";

// Committing a confirmed preview's offsets as an admin: the members are checked again first (a
// consumer may have joined since the preview), every partition must exist, and the change is audited
// with the offsets before and after, bounded so 10,000 partitions stay one readable record.
import type { Admin } from "@platformatic/kafka";

import type { PartitionOffset } from "@/lib/schemas/group-reset";
import { recordAudit, type Principal } from "@/lib/server/auth";

import { flattenErrorChain } from "./errors/error-chain";
import { problemResult } from "./errors/problem-status";
import { failure, groupStanding, refusalOfCommit, type GroupOffsetsResult } from "./group-reset-guard";
import { describeChanges, sortPartitions, type AppliedOffset } from "./group-reset-plan";
import { partitionKey, readCommitted, readTopicLayout } from "./group-reset-reads";
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
    return refuse(failure(422, "UNSUPPORTED_GROUP_TYPE", standing.data.unavailable));

  let commitError: unknown;
  const result = await withClusterAdmin(
    cluster,
    async (admin) => {
      const layout = await readTopicLayout(admin);
      const unknown = wanted.filter(
        ({ topic, partition }) => partition >= (layout.partitionCounts.get(topic) ?? 0),
      );
      if (unknown.length) return { unknown };
      const before = await readCommitted(admin, groupId);
      try {
        await commitOffsets(admin, {
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
    },
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

/** The coordinator moving or still loading its partition of __consumer_offsets: worth asking again. */
const COORDINATOR_ERRORS = new Set([
  "NOT_COORDINATOR",
  "COORDINATOR_LOAD_IN_PROGRESS",
  "COORDINATOR_NOT_AVAILABLE",
]);
const COMMIT_ATTEMPTS = 6;

/**
 * The library commits once (no retries for this API); the same offsets committed again change
 * nothing, so a coordinator error is retried with a short backoff.
 */
async function commitOffsets(admin: Admin, options: Parameters<Admin["alterConsumerGroupOffsets"]>[0]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await admin.alterConsumerGroupOffsets(options);
    } catch (error) {
      const moving = flattenErrorChain(error).some((link) =>
        COORDINATOR_ERRORS.has(String(link.error.apiId)),
      );
      if (!moving || attempt >= COMMIT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}
