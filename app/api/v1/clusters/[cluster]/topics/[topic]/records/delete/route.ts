// POST /api/v1/clusters/{cluster}/topics/{topic}/records/delete – preview (dryRun, the default) or delete records before an offset, a time, or all (operator)
import { z } from "zod";

import { failureResponse } from "@/lib/api-errors";
import { deleteRecordsSchema } from "@/lib/schemas/topic-ops";
import { topicNameSchema } from "@/lib/schemas/topics";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const POST = guardedRoute(
  {
    permission: "topic.deleteRecords",
    params: z.object({ cluster: z.string(), topic: topicNameSchema }),
    body: deleteRecordsSchema,
  },
  async (_request, { params: { cluster, topic }, body: { dryRun, ...request }, principal }) => {
    const result = dryRun
      ? await kafka.previewDeleteRecords(cluster, topic, { ...request, dryRun })
      : await kafka.deleteRecords(cluster, topic, { ...request, dryRun }, principal);
    if (!result.ok) return failureResponse(result);
    return Response.json({ ...result.data, dryRun }, { headers: { "Cache-Control": "no-store" } });
  },
);
