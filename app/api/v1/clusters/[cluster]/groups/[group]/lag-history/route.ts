// GET /api/v1/clusters/{cluster}/groups/{group}/lag-history?range=1h|24h|7d&partitions=true – the group's recorded lag over time (viewer)
import { z } from "zod";

import { apiError } from "@/lib/api-errors";
import { lagHistoryQuerySchema } from "@/lib/schemas/lag-history";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";
import { readLagHistory } from "@/lib/server/lag-history/read";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  {
    permission: "group.view",
    params: z.object({ cluster: z.string(), group: z.string().min(1) }),
    query: lagHistoryQuerySchema,
  },
  async (_request, { params: { cluster, group }, query: { range, partitions } }) => {
    // From the store only: a group gone from the cluster keeps its history until it ages out.
    if (!kafka.isConfiguredCluster(cluster))
      return apiError(404, "UNKNOWN_CLUSTER", `No cluster named "${cluster}" is configured.`);
    return Response.json(await readLagHistory(cluster, group, range, { partitions }), {
      headers: { "Cache-Control": "no-store" },
    });
  },
);
