// GET /api/v1/clusters/{cluster}/broker-defaults/configs – the cluster-wide broker default configs (viewer)
// PATCH /api/v1/clusters/{cluster}/broker-defaults/configs – set or reset cluster-wide defaults, or only check them (validateOnly) (admin)
import { z } from "zod";

import { failureResponse } from "@/lib/api-errors";
import { alterConfigsSchema } from "@/lib/schemas/configs";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: z.string() });

export const GET = guardedRoute(
  { permission: "broker.view", params },
  async (_request, { params: { cluster } }) => {
    const result = await kafka.describeConfigs(cluster, { type: "broker-default" });
    if (!result.ok) return failureResponse(kafka.configsProblemResult(result.problem));
    return Response.json({ cluster, configs: result.data }, { headers: { "Cache-Control": "no-store" } });
  },
);

export const PATCH = guardedRoute(
  { permission: "broker.configure", params, body: alterConfigsSchema },
  async (_request, { params: { cluster }, body, principal }) => {
    const result = await kafka.alterConfigs(cluster, { type: "broker-default" }, body, {
      actor: principal,
      action: "broker.configure",
    });
    if (!result.ok) return failureResponse(result);
    return Response.json({ cluster, ...result.data }, { headers: { "Cache-Control": "no-store" } });
  },
);
