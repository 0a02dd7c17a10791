// POST /api/v1/certificates/{serial}/revoke – revoke with a reason and re-sign the CRL (admin)
import { z } from "zod";

import { revokeCertificateSchema, serialNumberSchema } from "@/lib/schemas/certificates";
import { guardedRoute } from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";
import { apiError, failureResponse } from "@/lib/api-errors";

export const dynamic = "force-dynamic";

export const POST = guardedRoute(
  {
    permission: "certificate.revoke",
    params: z.object({ serial: z.string() }),
    // An empty body revokes with reason "unspecified".
    body: { schema: revokeCertificateSchema, empty: {} },
  },
  async (_request, { params, body, principal }) => {
    const serial = serialNumberSchema.safeParse(params.serial);
    if (!serial.success)
      return apiError(404, "NOT_FOUND", "No such certificate: a serial number is hexadecimal.");
    if (!(await ca.getCertificate(serial.data)))
      return apiError(404, "NOT_FOUND", `No certificate with serial number ${serial.data}.`);
    const result = await ca.revokeCertificate(serial.data, body, principal);
    if (!result.ok) return failureResponse(result);
    return Response.json(result.data, { headers: { "Cache-Control": "no-store" } });
  },
);
