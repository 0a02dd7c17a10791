// POST /api/v1/certificates/sign – sign a PEM certificate signing request (operator)
import { signCsrSchema } from "@/lib/schemas/certificates";
import { guardedRoute } from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";
import { apiError, failureResponse, validationError } from "@/lib/api-errors";
import { readJsonBody } from "../../_lib/request-body";

export const dynamic = "force-dynamic";

export const POST = guardedRoute<{ params: Promise<Record<string, never>> }>(
  { role: "operator" },
  async (request, { principal }) => {
    const body = await readJsonBody(request);
    if (!body.ok) return apiError(body.problem.status, body.problem.code, body.problem.message);
    const parsed = signCsrSchema.safeParse(body.body);
    if (!parsed.success) return validationError(parsed.error);
    const result = await ca.signCertificateRequest(parsed.data, principal);
    if (!result.ok) return failureResponse(result, { 403: "RESERVED_NAME" });
    return Response.json(result.data, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
);
