// GET /api/v1/openapi.json – the REST API's OpenAPI 3.1 document, generated from the zod schemas (viewer)
import { guardedRoute } from "@/lib/server/auth";
import { buildOpenApiDocument } from "@/lib/server/openapi";

export const dynamic = "force-dynamic";

export const GET = guardedRoute({ permission: "api.describe" }, async () =>
  Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "no-store" } }),
);
