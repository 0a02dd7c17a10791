// GET /api/v1/clusters/{cluster}/schema-registry/config – the global compatibility level and mode (viewer)
// PUT /api/v1/clusters/{cluster}/schema-registry/config – set the global compatibility level, {"compatibility": "BACKWARD"} (admin)
import { z } from "zod";

import { compatibilityBodySchema } from "@/lib/schemas/schema-registry-evolve";
import { guardedRoute } from "@/lib/server/auth";
import {
  NO_STORE,
  registryFailureResponse,
  unknownClusterResponse,
} from "@/lib/server/schema-registry/answers";
import { appliedCompatibility, registryMode } from "@/lib/server/schema-registry/browse";
import { setCompatibilityLevel } from "@/lib/server/schema-registry/evolve";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: z.string() });

export const GET = guardedRoute(
  { permission: "schema.view", params },
  async (_request, { params: { cluster } }) => {
    const unknown = unknownClusterResponse(cluster);
    if (unknown) return unknown;
    const [level, mode] = await Promise.all([appliedCompatibility(cluster), registryMode(cluster)]);
    if (!level.ok) return registryFailureResponse(cluster, level);
    return Response.json({ ...level.data, mode: mode.ok ? mode.data : null }, { headers: NO_STORE });
  },
);

export const PUT = guardedRoute(
  { permission: "schema.config", params, body: compatibilityBodySchema },
  async (_request, { params: { cluster }, body, principal }) => {
    const unknown = unknownClusterResponse(cluster);
    if (unknown) return unknown;
    const result = await setCompatibilityLevel(cluster, body.compatibility, undefined, principal);
    if (!result.ok) return registryFailureResponse(cluster, result);
    return Response.json(result.data, { headers: NO_STORE });
  },
);
