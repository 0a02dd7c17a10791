// GET /api/v1/clusters/{cluster}/status – the cluster's health and overview (viewer and up)
import { guardedRoute } from "@/lib/server/auth";
import { getClusterStatus, listClusterNames } from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export const GET = guardedRoute<{ params: Promise<{ cluster: string }> }>(
  { role: "viewer" },
  async (_request, { params }) => {
    const { cluster } = await params;
    if (!listClusterNames().includes(cluster)) {
      return Response.json(
        { error: { code: "UNKNOWN_CLUSTER", message: `No cluster named "${cluster}" is configured.` } },
        { status: 404, headers: noStore },
      );
    }
    // 200 even when the cluster is down: the status, with its problem, is the answer.
    return Response.json(await getClusterStatus(cluster), { headers: noStore });
  },
);
