// DELETE /api/v1/clusters/{cluster}/scram-users/{user}?mechanism= – delete the user's credential for one mechanism, or all of them (admin)
import { z } from "zod";

import { failureResponse } from "@/lib/api-errors";
import { SCRAM_MECHANISMS, scramUserNameSchema } from "@/lib/schemas/scram-users";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const DELETE = guardedRoute(
  {
    permission: "scramUser.manage",
    params: z.object({ cluster: z.string(), user: scramUserNameSchema }),
    query: z.object({ mechanism: z.enum(SCRAM_MECHANISMS).optional() }),
  },
  async (_request, { params: { cluster, user }, query: { mechanism }, principal }) => {
    const result = await kafka.deleteScramUser(cluster, { user, mechanism }, principal);
    if (!result.ok) return failureResponse(result);
    return Response.json(result.data, { headers: { "Cache-Control": "no-store" } });
  },
);
