// GET /api/v1/clusters/{cluster}/brokers/{broker} – one broker with its endpoints and log dirs (viewer)
import { z } from "zod";

import { apiError, failureResponse } from "@/lib/api-errors";
import { brokerIdSchema } from "@/lib/schemas/brokers";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  { permission: "broker.view", params: z.object({ cluster: z.string(), broker: brokerIdSchema }) },
  async (_request, { params: { cluster, broker } }) => {
    const result = await kafka.describeBroker(cluster, broker);
    if (!result.ok) return failureResponse(kafka.problemResult(result.problem));
    if (!result.data) return apiError(404, "BROKER_NOT_FOUND", `Cluster ${cluster} has no broker ${broker}.`);
    return Response.json(result.data, { headers: { "Cache-Control": "no-store" } });
  },
);
