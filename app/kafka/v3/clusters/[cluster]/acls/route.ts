// GET|POST|DELETE /kafka/v3/clusters/{cluster_id}/acls – Confluent v3 ACLs: list by filter (viewer), create one binding (admin), delete the bindings a filter matches, each exactly, answering them (admin)
import { z } from "zod";

import { aclList, aclQuerySchema, createAclBodySchema, matchesAclQuery } from "@/lib/confluent/acls-v3";
import {
  confluentFailure,
  confluentInvalid,
  confluentJson,
  confluentRoute,
  createAclsAnswer,
  linksFor,
  usableAclCluster as usableCluster,
  type ResolvedCluster,
} from "@/lib/server/confluent";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

const clusterParams = z.object({ cluster: z.string() });

/** What one delete may remove: the ACL page's limit. */
const MAX_DELETED = 1000;

export const GET = confluentRoute(
  { permission: "acl.view", params: clusterParams, query: aclQuerySchema },
  async (request, { params, query }) => {
    const cluster = await usableCluster(params.cluster, "acls");
    if (cluster instanceof Response) return cluster;
    const result = await kafka.listAcls(cluster.name);
    if (!result.ok) return confluentFailure(kafka.problemResult(result.problem));
    const matching = result.data.filter((binding) => matchesAclQuery(binding, query));
    return confluentJson(request, answer(request, cluster, matching));
  },
);

export const POST = confluentRoute(
  { permission: "acl.create", params: clusterParams, body: createAclBodySchema },
  // The page's validation (principal, host, operation per resource type) and audit.
  async (_request, { params, body, principal }) => createAclsAnswer(params.cluster, [body], principal, 201),
);

/**
 * The filter is resolved against the bindings the broker lists, and each match is deleted by an
 * exact filter (as the ACL page deletes): a binding created meanwhile is never swept along.
 */
export const DELETE = confluentRoute(
  { permission: "acl.delete", params: clusterParams, query: aclQuerySchema },
  async (request, { params, query, principal }) => {
    if (query.resource_type === undefined)
      return confluentInvalid("resource_type is required (ANY deletes across every resource type).");
    const cluster = await usableCluster(params.cluster, "aclChanges");
    if (cluster instanceof Response) return cluster;
    const listed = await kafka.listAcls(cluster.name);
    if (!listed.ok) return confluentFailure(kafka.problemResult(listed.problem));
    const matching = listed.data.filter((binding) => matchesAclQuery(binding, query));
    if (matching.length === 0) return confluentJson(request, answer(request, cluster, []));
    if (matching.length > MAX_DELETED)
      return confluentInvalid(
        `The filter matches ${matching.length} bindings; one delete removes at most ${MAX_DELETED}. Narrow the filter.`,
      );
    const result = await kafka.deleteAcls(cluster.name, matching, principal);
    if (!result.ok) return confluentFailure(result);
    return confluentJson(request, answer(request, cluster, result.data.deleted));
  },
);

function answer(request: Request, cluster: ResolvedCluster, bindings: Parameters<typeof aclList>[3]) {
  const base = linksFor(request).url("clusters", cluster.clusterId);
  const self = `${base}/acls${new URL(request.url).search}`;
  return aclList(cluster.clusterId, base, self, bindings);
}
