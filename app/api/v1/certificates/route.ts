// GET|POST /api/v1/certificates – list issued certificates (viewer); issue one with a new key (operator)
import { certificateListQuerySchema, toMorioAnswer } from "@/lib/schemas/certificates";
import { guardedRoute } from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";
import { apiError, failureResponse, validationError } from "@/lib/api-errors";
import { parseCertificateBody } from "../_lib/certificate-body";
import { readJsonBody } from "../_lib/request-body";

export const dynamic = "force-dynamic";

type Context = { params: Promise<Record<string, never>> };

export const GET = guardedRoute<Context>({ role: "viewer" }, async (request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = certificateListQuerySchema.safeParse(params);
  if (!query.success) return validationError(query.error);
  return Response.json(ca.listCertificates(query.data), { headers: { "Cache-Control": "no-store" } });
});

/**
 * Accepts our issueCertificateSchema body or Morio's {"certificate": {cn, …, san}, "notAfter"}.
 * Answers Morio's shape ({certificate: {crt, ca, certChain}, key}) with serial, notBefore, notAfter
 * and fingerprint; for our shape the whole bundle (zip, PKCS#12) as "bundle" too.
 */
export const POST = guardedRoute<Context>({ role: "operator" }, async (request, { principal }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return apiError(body.problem.status, body.problem.code, body.problem.message);
  const parsed = parseCertificateBody(body.body);
  if (!parsed.ok) return validationError(parsed.error);
  const result = await ca.issueCertificate(parsed.input, principal);
  if (!result.ok) return failureResponse(result, { 403: "RESERVED_NAME" });
  const answer = toMorioAnswer(result.data);
  return Response.json(parsed.shape === "morio" ? answer : { ...answer, bundle: result.data }, {
    status: 201,
    headers: { "Cache-Control": "no-store" },
  });
});
