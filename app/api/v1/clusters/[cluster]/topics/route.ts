// GET /api/v1/clusters/{cluster}/topics?q=&page=&pageSize=&internal=&sort= – one page of topics with partition and message counts, size on disk, retention, cleanup policy and partition health (viewer)
// POST /api/v1/clusters/{cluster}/topics – create a topic after Kafka checked it with validateOnly; validateOnly: true checks only (operator)
import { z } from "zod";

import { failureResponse } from "@/lib/api-errors";
import { createTopicSchema } from "@/lib/schemas/topic-create";
import { topicListQuerySchema } from "@/lib/schemas/topics";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  { permission: "topic.view", params: z.object({ cluster: z.string() }), query: topicListQuerySchema },
  async (_request, { params: { cluster }, query }) => {
    const result = await kafka.listTopics(cluster, query);
    if (!result.ok) return failureResponse(kafka.problemResult(result.problem));
    return Response.json({ cluster, ...result.data }, { headers: { "Cache-Control": "no-store" } });
  },
);

export const POST = guardedRoute(
  { permission: "topic.create", params: z.object({ cluster: z.string() }), body: createTopicSchema },
  async (_request, { params: { cluster }, body, principal }) => {
    const result = await kafka.createTopic(cluster, body, principal);
    if (!result.ok) return failureResponse(result);
    return Response.json(result.data, {
      status: body.validateOnly ? 200 : 201,
      headers: { "Cache-Control": "no-store" },
    });
  },
);
