// GET /api/v1/clusters/{cluster}/topics/{topic}/configs – every config of the topic with value, source, type, flags and documentation (viewer)
// PATCH /api/v1/clusters/{cluster}/topics/{topic}/configs – set and reset configs incrementally, or check them with validateOnly (operator)
import { z } from "zod";

import { failureResponse } from "@/lib/api-errors";
import { alterConfigsSchema } from "@/lib/schemas/configs";
import { topicNameSchema } from "@/lib/schemas/topics";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: z.string(), topic: topicNameSchema });

export const GET = guardedRoute({ permission: "topic.view", params }, async (_request, { params }) => {
  const result = await kafka.describeConfigs(params.cluster, { type: "topic", name: params.topic });
  if (!result.ok) return failureResponse(kafka.configsProblemResult(result.problem));
  return Response.json(
    { cluster: params.cluster, topic: params.topic, configs: result.data },
    { headers: { "Cache-Control": "no-store" } },
  );
});

export const PATCH = guardedRoute(
  { permission: "topic.configure", params, body: alterConfigsSchema },
  async (_request, { params, body, principal }) => {
    const result = await kafka.alterConfigs(params.cluster, { type: "topic", name: params.topic }, body, {
      actor: principal,
      action: "topic.configure",
    });
    if (!result.ok) return failureResponse(result);
    return Response.json(
      { cluster: params.cluster, ...result.data },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
);
