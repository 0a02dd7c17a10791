// GET /api/v1/clusters/{cluster}/brokers/{broker}/configs – the broker's configs with value, source, flags and documentation (viewer)
// PATCH /api/v1/clusters/{cluster}/brokers/{broker}/configs – set or reset its dynamic configs, or only check them (validateOnly) (admin)
import { z } from "zod";

import { failureResponse } from "@/lib/api-errors";
import { brokerIdSchema } from "@/lib/schemas/brokers";
import { alterConfigsSchema } from "@/lib/schemas/configs";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: z.string(), broker: brokerIdSchema });

export const GET = guardedRoute(
  { permission: "broker.view", params },
  async (_request, { params: { cluster, broker } }) => {
    const result = await kafka.describeConfigs(cluster, { type: "broker", id: broker });
    if (!result.ok) return failureResponse(kafka.configsProblemResult(result.problem));
    return Response.json(
      { cluster, broker, configs: result.data },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
);

export const PATCH = guardedRoute(
  { permission: "broker.configure", params, body: alterConfigsSchema },
  async (_request, { params: { cluster, broker }, body, principal }) => {
    const result = await kafka.alterConfigs(cluster, { type: "broker", id: broker }, body, {
      actor: principal,
      action: "broker.configure",
    });
    if (!result.ok) return failureResponse(result);
    return Response.json({ cluster, ...result.data }, { headers: { "Cache-Control": "no-store" } });
  },
);
