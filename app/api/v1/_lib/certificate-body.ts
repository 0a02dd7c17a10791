// Which of the two accepted bodies POST /api/v1/certificates received, validated by the shared schemas.
import type { z } from "zod";
import {
  issueCertificateSchema,
  morioGenerateSchema,
  morioToIssueInput,
  type IssueCertificateInput,
} from "@/lib/schemas/certificates";

export type CertificateBody =
  { ok: true; shape: "morio" | "console"; input: IssueCertificateInput } | { ok: false; error: z.ZodError };

/** Morio's shape has a "certificate" object; anything else is read as ours. */
export function parseCertificateBody(body: unknown, now = Date.now()): CertificateBody {
  const morio = typeof body === "object" && body !== null && !Array.isArray(body) && "certificate" in body;
  if (!morio) {
    const parsed = issueCertificateSchema.safeParse(body);
    return parsed.success
      ? { ok: true, shape: "console", input: parsed.data }
      : { ok: false, error: parsed.error };
  }
  const outer = morioGenerateSchema.safeParse(body);
  if (!outer.success) return { ok: false, error: outer.error };
  // Re-validated as our own shape, so SANs and subject attributes face the same rules either way.
  const parsed = issueCertificateSchema.safeParse(morioToIssueInput(outer.data, now));
  return parsed.success
    ? { ok: true, shape: "morio", input: parsed.data }
    : { ok: false, error: parsed.error };
}
