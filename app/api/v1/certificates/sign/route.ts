// POST /api/v1/certificates/sign – sign a PEM certificate signing request (operator)
import { signCsrSchema } from "@/lib/schemas/certificates";
import { guardedRoute } from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";
import { failureResponse } from "@/lib/api-errors";

export const dynamic = "force-dynamic";

export const POST = guardedRoute(
  { permission: "certificate.issue", body: signCsrSchema },
  async (_request, { body, principal }) => {
    const result = await ca.signCertificateRequest(body, principal);
    if (!result.ok) return failureResponse(result, { 403: "RESERVED_NAME" });
    return Response.json(result.data, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
);
