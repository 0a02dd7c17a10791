// GET|POST /api/v1/certificates – list issued certificates (viewer); issue one with a new key (operator)
import { certificateListQuerySchema, toMorioAnswer } from "@/lib/schemas/certificates";
import { guardedRoute } from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";
import { z } from "zod";

import { failureResponse, validationError } from "@/lib/api-errors";
import { parseCertificateBody } from "../_lib/certificate-body";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  { permission: "certificate.view", query: certificateListQuerySchema },
  async (_request, { query }) =>
    Response.json(await ca.listCertificates(query), { headers: { "Cache-Control": "no-store" } }),
);

/**
 * Accepts our issueCertificateSchema body or Morio's {"certificate": {cn, …, san}, "notAfter"}.
 * Answers Morio's shape ({certificate: {crt, ca, certChain}, key}) with serial, notBefore, notAfter
 * and fingerprint; for our shape the whole bundle (zip, PKCS#12) as "bundle" too.
 */
// Either shape: parseCertificateBody tells them apart.
export const POST = guardedRoute(
  { permission: "certificate.issue", body: z.unknown() },
  async (_request, { body, principal }) => {
    const parsed = parseCertificateBody(body);
    if (!parsed.ok) return validationError(parsed.error);
    const result = await ca.issueCertificate(parsed.input, principal);
    if (!result.ok) return failureResponse(result, { 403: "RESERVED_NAME" });
    const answer = toMorioAnswer(result.data);
    return Response.json(parsed.shape === "morio" ? answer : { ...answer, bundle: result.data }, {
      status: 201,
      headers: { "Cache-Control": "no-store" },
    });
  },
);
