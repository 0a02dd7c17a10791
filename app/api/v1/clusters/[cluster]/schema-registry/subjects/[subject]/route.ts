// DELETE /api/v1/clusters/{cluster}/schema-registry/subjects/{subject}?permanent= – soft-delete the subject (all its versions), or hard-delete a soft-deleted one (admin)
import { z } from "zod";

import { permanentQuerySchema, subjectNameSchema } from "@/lib/schemas/schema-registry-evolve";
import { guardedRoute } from "@/lib/server/auth";
import {
  NO_STORE,
  registryFailureResponse,
  unknownClusterResponse,
} from "@/lib/server/schema-registry/answers";
import { deleteSchemaSubject } from "@/lib/server/schema-registry/evolve";

export const dynamic = "force-dynamic";

export const DELETE = guardedRoute(
  {
    permission: "schema.delete",
    params: z.object({ cluster: z.string(), subject: subjectNameSchema }),
    query: permanentQuerySchema,
  },
  async (_request, { params: { cluster, subject }, query: { permanent }, principal }) => {
    const unknown = unknownClusterResponse(cluster);
    if (unknown) return unknown;
    const result = await deleteSchemaSubject(cluster, subject, permanent, principal);
    if (!result.ok) return registryFailureResponse(cluster, result);
    return Response.json(result.data, { headers: NO_STORE });
  },
);
