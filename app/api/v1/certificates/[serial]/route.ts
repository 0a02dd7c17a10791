// GET /api/v1/certificates/{serial} – one issued certificate: summary, PEM and chain (viewer)
import { z } from "zod";

import { serialNumberSchema } from "@/lib/schemas/certificates";
import { guardedRoute } from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";
import { apiError } from "@/lib/api-errors";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  { permission: "certificate.view", params: z.object({ serial: z.string() }) },
  async (_request, { params }) => {
    const serial = serialNumberSchema.safeParse(params.serial);
    if (!serial.success)
      return apiError(404, "NOT_FOUND", "No such certificate: a serial number is hexadecimal.");
    const certificate = await ca.getCertificate(serial.data);
    if (!certificate) return apiError(404, "NOT_FOUND", `No certificate with serial number ${serial.data}.`);
    return Response.json(certificate, { headers: { "Cache-Control": "no-store" } });
  },
);
