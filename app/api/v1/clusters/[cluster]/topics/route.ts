// GET /api/v1/clusters/{cluster}/topics?q=&page=&pageSize=&internal=&sort= – one page of topics with partition and message counts, size on disk, retention, cleanup policy and partition health (viewer)
import { z } from "zod";

import { failureResponse } from "@/lib/api-errors";
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
