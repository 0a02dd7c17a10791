// GET /api/v1/clusters/{cluster}/schema-registry/subjects?q=&page=&pageSize= – one page of the cluster's schema registry subjects, searched by name (viewer)
import { z } from "zod";

import { apiError } from "@/lib/api-errors";
import { subjectListQuerySchema } from "@/lib/schemas/schema-registry";
import { guardedRoute } from "@/lib/server/auth";
import { listClusterNames } from "@/lib/server/kafka";
import { registryNotConfigured, registryProblemResponse } from "@/lib/server/schema-registry/answers";
import { listSubjectPage } from "@/lib/server/schema-registry/subjects";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  { permission: "cluster.view", params: z.object({ cluster: z.string() }), query: subjectListQuerySchema },
  async (_request, { params: { cluster }, query }) => {
    if (!listClusterNames().includes(cluster)) {
      return apiError(404, "UNKNOWN_CLUSTER", `No cluster named "${cluster}" is configured.`);
    }
    const result = await listSubjectPage(cluster, query);
    if (!result.ok)
      return "notConfigured" in result
        ? registryNotConfigured(cluster)
        : registryProblemResponse(result.problem);
    return Response.json(result.data, { headers: { "Cache-Control": "no-store" } });
  },
);
