// GET /api/v1/clusters/{cluster}/status – the cluster's health and overview (viewer and up)
import { z } from "zod";

import { apiError } from "@/lib/api-errors";
import { guardedRoute } from "@/lib/server/auth";
import { getClusterStatus, listClusterNames } from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  { permission: "cluster.view", params: z.object({ cluster: z.string() }) },
  async (_request, { params: { cluster } }) => {
    if (!listClusterNames().includes(cluster)) {
      return apiError(404, "UNKNOWN_CLUSTER", `No cluster named "${cluster}" is configured.`);
    }
    // 200 even when the cluster is down: the status, with its problem, is the answer.
    return Response.json(await getClusterStatus(cluster), { headers: { "Cache-Control": "no-store" } });
  },
);
