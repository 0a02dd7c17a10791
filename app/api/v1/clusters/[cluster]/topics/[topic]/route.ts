// GET /api/v1/clusters/{cluster}/topics/{topic} – the topic's partitions: leader, replicas, ISR, watermarks and sizes on disk (viewer)
// DELETE /api/v1/clusters/{cluster}/topics/{topic} – delete the topic; internal topics are refused (admin)
import { z } from "zod";

import { apiError, failureResponse } from "@/lib/api-errors";
import { topicNameSchema } from "@/lib/schemas/topics";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  { permission: "topic.view", params: z.object({ cluster: z.string(), topic: z.string() }) },
  async (_request, { params: { cluster, topic } }) => {
    const [result, sizes] = await Promise.all([
      kafka.describeTopic(cluster, topic),
      kafka.readTopicSizes(cluster, topic),
    ]);
    if (!result.ok) return failureResponse(kafka.problemResult(result.problem));
    if (!result.data) {
      return apiError(
        404,
        "UNKNOWN_TOPIC_OR_PARTITION",
        `Topic ${topic} does not exist on ${cluster}, or the console may not describe it.`,
      );
    }
    // Sizes are extra: a failed DescribeLogDirs leaves them null, not the answer an error.
    const sized = sizes.ok ? sizes.data : null;
    return Response.json(
      { cluster, ...result.data, sizes: sized },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
);

export const DELETE = guardedRoute(
  { permission: "topic.delete", params: z.object({ cluster: z.string(), topic: topicNameSchema }) },
  async (_request, { params: { cluster, topic }, principal }) => {
    const result = await kafka.deleteTopic(cluster, topic, principal);
    if (!result.ok) return failureResponse(result);
    return Response.json({ ...result.data, deleted: true }, { headers: { "Cache-Control": "no-store" } });
  },
);
