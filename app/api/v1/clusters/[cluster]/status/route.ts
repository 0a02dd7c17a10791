// GET /api/v1/clusters/{cluster}/status – the cluster's health and overview (viewer and up)
import { apiError } from "@/lib/api-errors";
import { guardedRoute } from "@/lib/server/auth";
import { getClusterStatus, listClusterNames } from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export const GET = guardedRoute<{ params: Promise<{ cluster: string }> }>(
  { role: "viewer" },
  async (_request, { params }) => {
    const { cluster } = await params;
    if (!listClusterNames().includes(cluster)) {
      return apiError(404, "UNKNOWN_CLUSTER", `No cluster named "${cluster}" is configured.`);
    }
    // 200 even when the cluster is down: the status, with its problem, is the answer.
    return Response.json(await getClusterStatus(cluster), { headers: noStore });
  },
);
