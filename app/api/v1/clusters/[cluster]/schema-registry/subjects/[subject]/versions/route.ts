// GET /api/v1/clusters/{cluster}/schema-registry/subjects/{subject}/versions – the subject's live and soft-deleted versions (viewer)
// POST /api/v1/clusters/{cluster}/schema-registry/subjects/{subject}/versions – register a schema as the subject's next version (operator)
import { z } from "zod";

import { newSchemaSchema, subjectNameSchema } from "@/lib/schemas/schema-registry-evolve";
import { guardedRoute } from "@/lib/server/auth";
import {
  NO_STORE,
  registryFailureResponse,
  unknownClusterResponse,
} from "@/lib/server/schema-registry/answers";
import { subjectVersions } from "@/lib/server/schema-registry/browse";
import { registerSchema } from "@/lib/server/schema-registry/evolve";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: z.string(), subject: subjectNameSchema });

export const GET = guardedRoute(
  { permission: "schema.view", params },
  async (_request, { params: { cluster, subject } }) => {
    const unknown = unknownClusterResponse(cluster);
    if (unknown) return unknown;
    const result = await subjectVersions(cluster, subject);
    if (!result.ok) return registryFailureResponse(cluster, result);
    return Response.json(result.data, { headers: NO_STORE });
  },
);

export const POST = guardedRoute(
  { permission: "schema.register", params, body: { schema: newSchemaSchema, limit: 4 * 1024 * 1024 } },
  async (_request, { params: { cluster, subject }, body, principal }) => {
    const unknown = unknownClusterResponse(cluster);
    if (unknown) return unknown;
    const result = await registerSchema(cluster, subject, body, principal);
    if (!result.ok) return registryFailureResponse(cluster, result);
    return Response.json(result.data, { status: 201, headers: NO_STORE });
  },
);
