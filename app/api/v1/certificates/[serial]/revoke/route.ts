// POST /api/v1/certificates/{serial}/revoke – revoke with a reason and re-sign the CRL (admin)
import { revokeCertificateSchema, serialNumberSchema } from "@/lib/schemas/certificates";
import { guardedRoute } from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";
import { apiError, failureResponse, validationError } from "@/lib/api-errors";
import { readJsonBody } from "../../../_lib/request-body";

export const dynamic = "force-dynamic";

export const POST = guardedRoute<{ params: Promise<{ serial: string }> }>(
  { role: "admin" },
  async (request, { params, principal }) => {
    const serial = serialNumberSchema.safeParse((await params).serial);
    if (!serial.success)
      return apiError(404, "NOT_FOUND", "No such certificate: a serial number is hexadecimal.");
    // An empty body revokes with reason "unspecified".
    const body = await readJsonBody(request, { empty: {} });
    if (!body.ok) return apiError(body.problem.status, body.problem.code, body.problem.message);
    const input = revokeCertificateSchema.safeParse(body.body);
    if (!input.success) return validationError(input.error);
    if (!ca.getCertificate(serial.data))
      return apiError(404, "NOT_FOUND", `No certificate with serial number ${serial.data}.`);
    const result = await ca.revokeCertificate(serial.data, input.data, principal);
    if (!result.ok) return failureResponse(result);
    return Response.json(result.data, { headers: { "Cache-Control": "no-store" } });
  },
);
