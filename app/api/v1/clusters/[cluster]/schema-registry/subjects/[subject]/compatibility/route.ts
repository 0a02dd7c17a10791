// POST /api/v1/clusters/{cluster}/schema-registry/subjects/{subject}/compatibility – whether a schema may become the subject's next version, with the registry's reasons; changes nothing (viewer)
import { z } from "zod";

import { newSchemaSchema, subjectNameSchema } from "@/lib/schemas/schema-registry-evolve";
import { guardedRoute } from "@/lib/server/auth";
import {
  NO_STORE,
  registryFailureResponse,
  unknownClusterResponse,
} from "@/lib/server/schema-registry/answers";
import { checkSchema } from "@/lib/server/schema-registry/evolve";

export const dynamic = "force-dynamic";

export const POST = guardedRoute(
  {
    permission: "schema.view",
    params: z.object({ cluster: z.string(), subject: subjectNameSchema }),
    body: { schema: newSchemaSchema, limit: 4 * 1024 * 1024 },
  },
  async (_request, { params: { cluster, subject }, body }) => {
    const unknown = unknownClusterResponse(cluster);
    if (unknown) return unknown;
    const result = await checkSchema(cluster, subject, body);
    if (!result.ok) return registryFailureResponse(cluster, result);
    return Response.json(result.data, { headers: NO_STORE });
  },
);
