// GET /api/v1/clusters/{cluster}/quotas – every client quota entity (users, client ids, both, defaults) and its values (viewer)
// POST /api/v1/clusters/{cluster}/quotas – set and remove one entity's quota values; answers old → new per key (admin)
import { z } from "zod";

import { apiError, failureResponse } from "@/lib/api-errors";
import { quotaAlterSchema } from "@/lib/schemas/quotas";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: z.string() });
const NO_STORE = { "Cache-Control": "no-store" };

async function unsupported(cluster: string): Promise<Response | null> {
  const reason = kafka.unavailableReason(await kafka.clusterCapabilities(cluster), "quotas");
  return reason ? apiError(501, "UNSUPPORTED_BY_CLUSTER", reason) : null;
}

export const GET = guardedRoute({ permission: "quota.view", params }, async (_request, { params }) => {
  const refused = await unsupported(params.cluster);
  if (refused) return refused;
  const result = await kafka.listClientQuotas(params.cluster);
  if (!result.ok) return failureResponse(kafka.problemResult(result.problem));
  return Response.json({ cluster: params.cluster, entries: result.data }, { headers: NO_STORE });
});

export const POST = guardedRoute(
  { permission: "quota.manage", params, body: quotaAlterSchema },
  async (_request, { params, body, principal }) => {
    const refused = await unsupported(params.cluster);
    if (refused) return refused;
    const result = await kafka.alterClientQuota(params.cluster, body, principal);
    if (!result.ok) return failureResponse(result);
    return Response.json(result.data, { headers: NO_STORE });
  },
);
