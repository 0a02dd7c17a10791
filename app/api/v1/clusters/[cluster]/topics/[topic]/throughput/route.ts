// GET /api/v1/clusters/{cluster}/topics/{topic}/throughput?range=1h|24h|7d – the topic's recorded messages/s and bytes/s over time (viewer)
import { z } from "zod";

import { apiError } from "@/lib/api-errors";
import { throughputQuerySchema } from "@/lib/schemas/throughput";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";
import { readThroughput } from "@/lib/server/throughput/read";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  {
    permission: "topic.view",
    params: z.object({ cluster: z.string(), topic: z.string().min(1) }),
    query: throughputQuerySchema,
  },
  async (_request, { params: { cluster, topic }, query: { range } }) => {
    // From the store only: a deleted topic keeps its history until it ages out.
    if (!kafka.isConfiguredCluster(cluster))
      return apiError(404, "UNKNOWN_CLUSTER", `No cluster named "${cluster}" is configured.`);
    return Response.json(await readThroughput(cluster, topic, range), {
      headers: { "Cache-Control": "no-store" },
    });
  },
);
