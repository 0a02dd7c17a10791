// GET|POST|DELETE /api/v1/clusters/{cluster}/acls – list ACL bindings (viewer); create and delete exact bindings (admin)
import { z } from "zod";

import { filterBindings } from "@/lib/acl/filter";
import {
  aclFilterSchema,
  bindingsOfCreateRequest,
  createAclsRequestSchema,
  deleteAclsSchema,
} from "@/lib/schemas/acls";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

import { apiError, failureResponse } from "@/lib/api-errors";

export const dynamic = "force-dynamic";

const clusterParams = z.object({ cluster: z.string() });

const noStore = { "Cache-Control": "no-store" };

// GET /api/v1/clusters/{cluster}/acls?principal=&host=&resourceType=&resourceName=&patternType=&operation=&permission=&q= – the matching bindings
export const GET = guardedRoute(
  { permission: "acl.view", params: clusterParams, query: aclFilterSchema },
  async (_request, { params: { cluster }, query }) => {
    const lacking = await unsupported(cluster, "acls");
    if (lacking) return lacking;
    const result = await kafka.listAcls(cluster);
    if (!result.ok) return failureResponse(kafka.problemResult(result.problem));
    const bindings = filterBindings(result.data, query);
    return Response.json({ cluster, total: result.data.length, bindings }, { headers: noStore });
  },
);

// POST /api/v1/clusters/{cluster}/acls – create {principal, host, permission, resources[], operations[]} or {bindings[]}
export const POST = guardedRoute(
  { permission: "acl.create", params: clusterParams, body: createAclsRequestSchema },
  async (_request, { params: { cluster }, body, principal }) => {
    const lacking = await unsupported(cluster, "aclChanges");
    if (lacking) return lacking;
    const result = await kafka.createAcls(cluster, bindingsOfCreateRequest(body), principal);
    if (!result.ok) return failureResponse(result);
    return Response.json(result.data, { status: 201, headers: noStore });
  },
);

// DELETE /api/v1/clusters/{cluster}/acls – delete exactly {bindings[]}; answers {deleted, notFound}
export const DELETE = guardedRoute(
  { permission: "acl.delete", params: clusterParams, body: deleteAclsSchema },
  async (_request, { params: { cluster }, body, principal }) => {
    const lacking = await unsupported(cluster, "aclChanges");
    if (lacking) return lacking;
    const result = await kafka.deleteAcls(cluster, body.bindings, principal);
    if (!result.ok) return failureResponse(result);
    return Response.json(result.data, { headers: noStore });
  },
);

/** 501 with the missing API by name and ApiKey when the cluster (a gateway, KoP) lacks the ACL APIs. */
async function unsupported(
  cluster: string,
  capability: "acls" | "aclChanges",
): Promise<Response | undefined> {
  const reason = kafka.unavailableReason(await kafka.clusterCapabilities(cluster), capability);
  return reason ? apiError(501, "UNSUPPORTED_BY_CLUSTER", reason) : undefined;
}
