// GET /api/v1/clusters/{cluster}/schema-registry/health – the cluster's schema registry: reachable, unreachable (why) or not configured (viewer and up)
import { z } from "zod";

import { apiError } from "@/lib/api-errors";
import { guardedRoute } from "@/lib/server/auth";
import { listClusterNames } from "@/lib/server/kafka";
import { registryHealth } from "@/lib/server/schema-registry";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  { permission: "cluster.view", params: z.object({ cluster: z.string() }) },
  async (_request, { params: { cluster } }) => {
    if (!listClusterNames().includes(cluster)) {
      return apiError(404, "UNKNOWN_CLUSTER", `No cluster named "${cluster}" is configured.`);
    }
    // 200 even when the registry is down: its health, with the problem, is the answer.
    return Response.json(await registryHealth(cluster), { headers: { "Cache-Control": "no-store" } });
  },
);
