// POST /api/v1/clusters/{cluster}/topics/{topic}/partitions – add partitions up to a new count, or only check it (validateOnly) (operator)
import { z } from "zod";

import { failureResponse } from "@/lib/api-errors";
import { addPartitionsSchema } from "@/lib/schemas/topic-ops";
import { topicNameSchema } from "@/lib/schemas/topics";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const POST = guardedRoute(
  {
    permission: "topic.configure",
    params: z.object({ cluster: z.string(), topic: topicNameSchema }),
    body: addPartitionsSchema,
  },
  async (_request, { params: { cluster, topic }, body, principal }) => {
    const result = await kafka.addPartitions(cluster, topic, body, principal);
    if (!result.ok) return failureResponse(result);
    return Response.json(result.data, { headers: { "Cache-Control": "no-store" } });
  },
);
