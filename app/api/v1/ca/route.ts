// GET /api/v1/ca – the root and intermediate CA certificates, the chain and their fingerprints (viewer)
import { CA_PUBLIC_PATHS } from "@/lib/schemas/certificates";
import { guardedRoute } from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";

export const dynamic = "force-dynamic";

export const GET = guardedRoute({ permission: "certificate.view" }, async () =>
  Response.json(
    { ...(await ca.getCaCertificates()), downloads: CA_PUBLIC_PATHS },
    { headers: { "Cache-Control": "no-store" } },
  ),
);
