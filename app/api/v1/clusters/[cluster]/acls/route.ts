// GET|POST|DELETE /api/v1/clusters/{cluster}/acls – list ACL bindings (viewer); create and delete exact bindings (admin)
import { filterBindings } from "@/lib/acl/filter";
import {
  aclFilterSchema,
  bindingsOfCreateRequest,
  createAclsRequestSchema,
  deleteAclsSchema,
} from "@/lib/schemas/acls";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

import { apiError, failureResponse, validationError } from "@/lib/api-errors";
import { readJsonBody } from "../../../_lib/request-body";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ cluster: string }> };

const noStore = { "Cache-Control": "no-store" };

// GET /api/v1/clusters/{cluster}/acls?principal=&host=&resourceType=&resourceName=&patternType=&operation=&permission=&q= – the matching bindings
export const GET = guardedRoute<Context>({ role: "viewer" }, async (request, { params }) => {
  const { cluster } = await params;
  const filter = aclFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!filter.success) return validationError(filter.error);
  const result = await kafka.listAcls(cluster);
  if (!result.ok) return failureResponse(kafka.problemResult(result.problem));
  const bindings = filterBindings(result.data, filter.data);
  return Response.json({ cluster, total: result.data.length, bindings }, { headers: noStore });
});

// POST /api/v1/clusters/{cluster}/acls – create {principal, host, permission, resources[], operations[]} or {bindings[]}
export const POST = guardedRoute<Context>({ role: "admin" }, async (request, { params, principal }) => {
  const { cluster } = await params;
  const body = await readJsonBody(request);
  if (!body.ok) return apiError(body.problem.status, body.problem.code, body.problem.message);
  const parsed = createAclsRequestSchema.safeParse(body.body);
  if (!parsed.success) return validationError(parsed.error);
  const result = await kafka.createAcls(cluster, bindingsOfCreateRequest(parsed.data), principal);
  if (!result.ok) return failureResponse(result);
  return Response.json(result.data, { status: 201, headers: noStore });
});

// DELETE /api/v1/clusters/{cluster}/acls – delete exactly {bindings[]}; answers {deleted, notFound}
export const DELETE = guardedRoute<Context>({ role: "admin" }, async (request, { params, principal }) => {
  const { cluster } = await params;
  const body = await readJsonBody(request);
  if (!body.ok) return apiError(body.problem.status, body.problem.code, body.problem.message);
  const parsed = deleteAclsSchema.safeParse(body.body);
  if (!parsed.success) return validationError(parsed.error);
  const result = await kafka.deleteAcls(cluster, parsed.data.bindings, principal);
  if (!result.ok) return failureResponse(result);
  return Response.json(result.data, { headers: noStore });
});
