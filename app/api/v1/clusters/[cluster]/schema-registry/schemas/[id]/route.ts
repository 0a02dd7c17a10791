// GET /api/v1/clusters/{cluster}/schema-registry/schemas/{id} – a schema by its id, and the subjects and versions that use it (viewer)
import { z } from "zod";

import { schemaIdParamSchema } from "@/lib/schemas/schema-registry-evolve";
import { guardedRoute } from "@/lib/server/auth";
import {
  NO_STORE,
  registryFailureResponse,
  unknownClusterResponse,
} from "@/lib/server/schema-registry/answers";
import { schemaWithUsages } from "@/lib/server/schema-registry/browse";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  { permission: "schema.view", params: z.object({ cluster: z.string(), id: schemaIdParamSchema }) },
  async (_request, { params: { cluster, id } }) => {
    const unknown = unknownClusterResponse(cluster);
    if (unknown) return unknown;
    const result = await schemaWithUsages(cluster, id);
    if (!result.ok) return registryFailureResponse(cluster, result);
    return Response.json(result.data, { headers: NO_STORE });
  },
);
