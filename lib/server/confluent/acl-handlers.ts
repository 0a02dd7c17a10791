import "server-only";

// What the v3 ACL routes share (…/acls and …/acls:batch): the cluster, refused with 501 when it lacks
// the ACL APIs, and the create path through the ACL page's function (its validation and audit).
import { bindingOfBody, type createAclBodySchema } from "@/lib/confluent/acls-v3";
import type { Principal } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";
import type { z } from "zod";

import { resolveCluster, type ResolvedCluster } from "./clusters";
import { confluentError, confluentFailure } from "./errors";

/** The cluster, or 404, or 501 naming the missing API when the cluster (a gateway, KoP) lacks the ACL APIs. */
export async function usableAclCluster(
  idOrName: string,
  capability: "acls" | "aclChanges",
): Promise<ResolvedCluster | Response> {
  const cluster = await resolveCluster(idOrName);
  if (cluster instanceof Response) return cluster;
  const reason = kafka.unavailableReason(await kafka.clusterCapabilities(cluster.name), capability);
  return reason ? confluentError(501, 501, reason) : cluster;
}

/**
 * Creates the bindings (one for POST …/acls, several for …/acls:batch) with the ACL page's function:
 * every binding is validated before any is created, each created one is audited. 201 or 204 on success.
 */
export async function createAclsAnswer(
  idOrName: string,
  bodies: z.infer<typeof createAclBodySchema>[],
  principal: Principal,
  status: 201 | 204,
): Promise<Response> {
  const cluster = await usableAclCluster(idOrName, "aclChanges");
  if (cluster instanceof Response) return cluster;
  const result = await kafka.createAcls(cluster.name, bodies.map(bindingOfBody), principal);
  if (!result.ok) return confluentFailure(result);
  return new Response(null, { status, headers: { "Cache-Control": "no-store" } });
}
