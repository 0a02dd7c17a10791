// GET /api/v1/clusters/{cluster}/schema-registry/produce-schema?subject=&version= – the schema a produce with that subject and version (default latest) would use, and the subject's versions (operator)
import { z } from "zod";

import { apiError } from "@/lib/api-errors";
import { produceSchemaQuerySchema } from "@/lib/schemas/schema-produce";
import { guardedRoute } from "@/lib/server/auth";
import { listClusterNames } from "@/lib/server/kafka";
import { registryNotConfigured, registryProblemResponse } from "@/lib/server/schema-registry/answers";
import { resolveProduceSchema } from "@/lib/server/schema-registry/produce-encoding";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  {
    permission: "message.produce",
    params: z.object({ cluster: z.string() }),
    query: produceSchemaQuerySchema,
  },
  async (_request, { params: { cluster }, query }) => {
    if (!listClusterNames().includes(cluster)) {
      return apiError(404, "UNKNOWN_CLUSTER", `No cluster named "${cluster}" is configured.`);
    }
    const result = await resolveProduceSchema(cluster, query);
    if (!result.ok)
      return "notConfigured" in result
        ? registryNotConfigured(cluster)
        : registryProblemResponse(result.problem);
    return Response.json(result.data, { headers: { "Cache-Control": "no-store" } });
  },
);
