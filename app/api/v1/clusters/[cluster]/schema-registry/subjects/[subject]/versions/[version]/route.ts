// GET /api/v1/clusters/{cluster}/schema-registry/subjects/{subject}/versions/{version} – one version (a number or latest; soft-deleted ones too) (viewer)
// DELETE /api/v1/clusters/{cluster}/schema-registry/subjects/{subject}/versions/{version}?permanent= – soft-delete the version, or hard-delete a soft-deleted one (admin)
import { z } from "zod";

import {
  permanentQuerySchema,
  subjectNameSchema,
  versionParamSchema,
} from "@/lib/schemas/schema-registry-evolve";
import { guardedRoute } from "@/lib/server/auth";
import {
  NO_STORE,
  registryFailureResponse,
  unknownClusterResponse,
} from "@/lib/server/schema-registry/answers";
import { subjectVersion } from "@/lib/server/schema-registry/browse";
import { deleteSchemaVersion } from "@/lib/server/schema-registry/evolve";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  {
    permission: "schema.view",
    params: z.object({
      cluster: z.string(),
      subject: subjectNameSchema,
      version: z.union([z.literal("latest"), versionParamSchema]),
    }),
  },
  async (_request, { params: { cluster, subject, version } }) => {
    const unknown = unknownClusterResponse(cluster);
    if (unknown) return unknown;
    const result = await subjectVersion(cluster, subject, version);
    if (!result.ok) return registryFailureResponse(cluster, result);
    return Response.json(result.data, { headers: NO_STORE });
  },
);

export const DELETE = guardedRoute(
  {
    permission: "schema.delete",
    params: z.object({ cluster: z.string(), subject: subjectNameSchema, version: versionParamSchema }),
    query: permanentQuerySchema,
  },
  async (_request, { params: { cluster, subject, version }, query: { permanent }, principal }) => {
    const unknown = unknownClusterResponse(cluster);
    if (unknown) return unknown;
    const result = await deleteSchemaVersion(cluster, subject, version, permanent, principal);
    if (!result.ok) return registryFailureResponse(cluster, result);
    return Response.json(result.data, { headers: NO_STORE });
  },
);
