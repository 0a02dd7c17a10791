// GET /api/v1/clusters/{cluster}/topics/{topic} – the topic's partitions: leader, replicas, ISR and watermarks (viewer)
import { z } from "zod";

import { apiError, failureResponse } from "@/lib/api-errors";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  { permission: "topic.view", params: z.object({ cluster: z.string(), topic: z.string() }) },
  async (_request, { params: { cluster, topic } }) => {
    const result = await kafka.describeTopic(cluster, topic);
    if (!result.ok) return failureResponse(kafka.problemResult(result.problem));
    if (!result.data) {
      return apiError(
        404,
        "UNKNOWN_TOPIC_OR_PARTITION",
        `Topic ${topic} does not exist on ${cluster}, or the console may not describe it.`,
      );
    }
    return Response.json({ cluster, ...result.data }, { headers: { "Cache-Control": "no-store" } });
  },
);
