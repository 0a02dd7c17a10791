// DELETE /api/v1/clusters/{cluster}/topics/{topic}/configs/{name} – reset one config to its default (operator)
import { z } from "zod";

import { failureResponse } from "@/lib/api-errors";
import { configNameSchema } from "@/lib/schemas/configs";
import { topicNameSchema } from "@/lib/schemas/topics";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const DELETE = guardedRoute(
  {
    permission: "topic.configure",
    params: z.object({ cluster: z.string(), topic: topicNameSchema, name: configNameSchema }),
  },
  async (_request, { params: { cluster, topic, name }, principal }) => {
    const result = await kafka.alterConfigs(
      cluster,
      { type: "topic", name: topic },
      { set: {}, reset: [name], validateOnly: false },
      { actor: principal, action: "topic.configure" },
    );
    if (!result.ok) return failureResponse(result);
    return Response.json({ cluster, ...result.data }, { headers: { "Cache-Control": "no-store" } });
  },
);
