// GET /api/v1/clusters/{cluster}/schema-registry/config/{subject} – the level that applies to the subject, whether inherited from the global one, and the mode (viewer)
// PUT /api/v1/clusters/{cluster}/schema-registry/config/{subject} – set the subject's own level, {"compatibility": "FULL"} (admin)
// DELETE /api/v1/clusters/{cluster}/schema-registry/config/{subject} – remove the subject's own level: the global one applies (admin)
import { z } from "zod";

import { compatibilityBodySchema, subjectNameSchema } from "@/lib/schemas/schema-registry-evolve";
import { guardedRoute } from "@/lib/server/auth";
import {
  NO_STORE,
  registryFailureResponse,
  unknownClusterResponse,
} from "@/lib/server/schema-registry/answers";
import { appliedCompatibility, registryMode } from "@/lib/server/schema-registry/browse";
import { inheritCompatibilityLevel, setCompatibilityLevel } from "@/lib/server/schema-registry/evolve";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: z.string(), subject: subjectNameSchema });

export const GET = guardedRoute(
  { permission: "schema.view", params },
  async (_request, { params: { cluster, subject } }) => {
    const unknown = unknownClusterResponse(cluster);
    if (unknown) return unknown;
    const [level, mode] = await Promise.all([
      appliedCompatibility(cluster, subject),
      registryMode(cluster, subject),
    ]);
    if (!level.ok) return registryFailureResponse(cluster, level);
    return Response.json({ ...level.data, mode: mode.ok ? mode.data : null }, { headers: NO_STORE });
  },
);

export const PUT = guardedRoute(
  { permission: "schema.config", params, body: compatibilityBodySchema },
  async (_request, { params: { cluster, subject }, body, principal }) => {
    const unknown = unknownClusterResponse(cluster);
    if (unknown) return unknown;
    const result = await setCompatibilityLevel(cluster, body.compatibility, subject, principal);
    if (!result.ok) return registryFailureResponse(cluster, result);
    return Response.json(result.data, { headers: NO_STORE });
  },
);

export const DELETE = guardedRoute(
  { permission: "schema.config", params },
  async (_request, { params: { cluster, subject }, principal }) => {
    const unknown = unknownClusterResponse(cluster);
    if (unknown) return unknown;
    const result = await inheritCompatibilityLevel(cluster, subject, principal);
    if (!result.ok) return registryFailureResponse(cluster, result);
    return Response.json(result.data, { headers: NO_STORE });
  },
);
