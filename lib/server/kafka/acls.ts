import "server-only";

// ACL listing and changes for the console's pages, actions and REST routes: through the cluster's
// pooled admin client, validated again here, every change audited per binding ("acl.create", "acl.delete").
import type { AclLintFinding } from "@/lib/acl/lint";
import { bindingKey, describeBinding, uniqueBindings, type AclBinding } from "@/lib/acl/types";
import type { z } from "zod";

import type { ActionResult } from "@/lib/errors";
import type { ClusterProblem } from "@/lib/schemas/cluster";
import { aclBindingsSchema, deleteAclsSchema } from "@/lib/schemas/acls";
import { recordAudit, type Principal } from "@/lib/server/auth";

import { problemResult } from "./errors/problem-status";
import { createAclBindings, deleteAclBindings, describeAllAcls, lintAgainstCluster } from "./acl-requests";
import type { ClusterResult } from "./cluster-pool";

export { problemResult } from "./errors/problem-status";
import { withClusterAdmin } from "./pooled-clients";

/** A failed ACL call keeps the Kafka error code (SECURITY_DISABLED, CLUSTER_AUTHORIZATION_FAILED, …) for REST. */
export type AclFailure = Extract<ActionResult<never>, { ok: false }> & { code?: string };
export type AclActionResult<T> = Extract<ActionResult<T>, { ok: true }> | AclFailure;

/** Every binding on the cluster (the console needs DESCRIBE on the cluster). */
export async function listAcls(cluster: string): Promise<ClusterResult<AclBinding[]>> {
  return withClusterAdmin(cluster, describeAllAcls, { cluster, operation: "DESCRIBE" });
}

/**
 * The topic and group names the ACL linter compares bindings with; a list the console may not read
 * is left out (undefined), which only skips that check.
 */
export async function listLintInventory(
  cluster: string,
): Promise<{ topics: string[] | undefined; groups: string[] | undefined }> {
  const [topics, groups] = await Promise.all([
    withClusterAdmin(cluster, (admin) => admin.listTopics({ includeInternals: true }), {
      cluster,
      operation: "DESCRIBE",
    }),
    withClusterAdmin(cluster, async (admin) => [...(await admin.listGroups()).keys()], {
      cluster,
      operation: "DESCRIBE",
    }),
  ]);
  return { topics: topics.ok ? topics.data : undefined, groups: groups.ok ? groups.data : undefined };
}

/**
 * Creates the bindings (the console needs ALTER on the cluster); audited per binding. `warnings` are
 * the linter's findings about them, taken against the cluster as it was just before.
 */
export async function createAcls(
  cluster: string,
  bindings: AclBinding[],
  actor: Principal,
): Promise<AclActionResult<{ created: AclBinding[]; warnings: AclLintFinding[] }>> {
  const parsed = aclBindingsSchema.safeParse(bindings);
  if (!parsed.success) return invalid(parsed.error);
  const wanted = uniqueBindings(parsed.data);
  const result = await withClusterAdmin(
    cluster,
    async (admin) => {
      const warnings = await lintAgainstCluster(admin, wanted);
      await createAclBindings(admin, wanted);
      return warnings;
    },
    { cluster, operation: "ALTER" },
  );
  await auditEach(actor, "acl.create", cluster, wanted, result.ok ? undefined : result.problem);
  if (!result.ok) return problemResult(result.problem);
  return { ok: true, data: { created: wanted, warnings: result.data ?? [] } };
}

/**
 * Deletes exactly these bindings, one exact filter each; answers what the broker deleted and which
 * of the requested bindings it did not hold. Audited per deleted binding.
 */
export async function deleteAcls(
  cluster: string,
  bindings: AclBinding[],
  actor: Principal,
): Promise<AclActionResult<{ deleted: AclBinding[]; notFound: AclBinding[] }>> {
  const parsed = deleteAclsSchema.shape.bindings.safeParse(bindings);
  if (!parsed.success) return invalid(parsed.error);
  const wanted = uniqueBindings(parsed.data);
  const result = await withClusterAdmin(cluster, (admin) => deleteAclBindings(admin, wanted), {
    cluster,
    operation: "ALTER",
  });
  if (!result.ok) {
    await auditEach(actor, "acl.delete", cluster, wanted, result.problem);
    return problemResult(result.problem);
  }
  const deleted = uniqueBindings(result.data);
  const gone = new Set(deleted.map(bindingKey));
  await auditEach(actor, "acl.delete", cluster, deleted);
  return {
    ok: true,
    data: { deleted, notFound: wanted.filter((binding) => !gone.has(bindingKey(binding))) },
  };
}

async function auditEach(
  actor: Principal,
  action: string,
  cluster: string,
  bindings: readonly AclBinding[],
  problem?: ClusterProblem,
) {
  for (const binding of bindings) {
    await recordAudit({
      actor: actor.actor,
      action,
      target: describeBinding(binding),
      outcome: problem ? "failure" : "success",
      details: problem ? { cluster, code: problem.code ?? problem.kind } : { cluster },
    });
  }
}

function invalid(error: z.ZodError): AclFailure {
  const issue = error.issues[0];
  const where = issue?.path.length ? `binding ${issue.path.join(".")}: ` : "";
  return { ok: false, error: `${where}${issue?.message ?? "Invalid bindings"}`, status: 400 };
}
