// GET /api/v1/clusters/{cluster}/scram-users – every SCRAM user with its mechanisms and iterations (admin)
// POST /api/v1/clusters/{cluster}/scram-users – create a user's credential or change its password; a generated password is answered once (admin)
import { z } from "zod";

import { apiError, failureResponse } from "@/lib/api-errors";
import { scramUpsertSchema } from "@/lib/schemas/scram-users";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: z.string() });
const NO_STORE = { "Cache-Control": "no-store" };

async function unsupported(cluster: string): Promise<Response | null> {
  const reason = kafka.unavailableReason(await kafka.clusterCapabilities(cluster), "scram");
  return reason ? apiError(501, "UNSUPPORTED_BY_CLUSTER", reason) : null;
}

export const GET = guardedRoute({ permission: "scramUser.manage", params }, async (_request, { params }) => {
  const refused = await unsupported(params.cluster);
  if (refused) return refused;
  const result = await kafka.listScramUsers(params.cluster);
  if (!result.ok) return failureResponse(kafka.problemResult(result.problem));
  return Response.json({ cluster: params.cluster, users: result.data }, { headers: NO_STORE });
});

export const POST = guardedRoute(
  { permission: "scramUser.manage", params, body: scramUpsertSchema },
  async (_request, { params, body, principal }) => {
    const refused = await unsupported(params.cluster);
    if (refused) return refused;
    const result = await kafka.upsertScramUser(params.cluster, body, principal);
    if (!result.ok) return failureResponse(result);
    return Response.json(result.data, { status: result.data.created ? 201 : 200, headers: NO_STORE });
  },
);
