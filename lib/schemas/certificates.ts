// Certificate forms and REST bodies: one set of schemas for the page, the server actions, the REST
// API and its OpenAPI document. No Node-only imports: client components validate with it too.
import { z } from "zod";

import { CERTIFICATE_STATUSES } from "./certificate-answers";
import {
  commonNameSchema,
  emptyToUndefined,
  normalizeSans,
  parseSubjectAltName,
  subjectAltNameSchema,
  subjectAltNamesSchema,
  subjectAttribute,
  type SubjectAltName,
} from "./certificate-names";

export * from "./certificate-answers";
export * from "./certificate-names";

/** Form checkboxes send "on"; JSON sends booleans. */
const booleanField = z.preprocess(
  (value) => (typeof value === "string" ? ["on", "true", "1", "yes"].includes(value.toLowerCase()) : value),
  z.boolean(),
);

export const validityDaysSchema = z.coerce
  .number({ error: "Enter the validity in days" })
  .int("Whole days")
  .min(1, "At least 1 day");

export const KEY_TYPES = ["rsa-2048", "rsa-3072", "rsa-4096"] as const;
export type KeyType = (typeof KEY_TYPES)[number];

export const issueCertificateSchema = z.object({
  commonName: commonNameSchema,
  organization: subjectAttribute("O"),
  organizationalUnit: subjectAttribute("OU"),
  country: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z]{2}$/, "Two letters (ISO 3166), such as BE")
      .transform((value) => value.toUpperCase())
      .optional(),
  ),
  state: subjectAttribute("ST"),
  locality: subjectAttribute("L"),
  subjectAltNames: subjectAltNamesSchema.default([]),
  /** The maximum comes from the configuration (ca.maxValidityDays) and is checked on the server. */
  validityDays: validityDaysSchema.default(90),
  keyType: z.preprocess(emptyToUndefined, z.enum(KEY_TYPES).default("rsa-2048")),
  serverAuth: booleanField.default(false),
  /** When given, the answer includes a PKCS#12 file protected by it. */
  pkcs12Password: z.preprocess(
    emptyToUndefined,
    z.string().min(8, "At least 8 characters").max(128, "At most 128 characters").optional(),
  ),
});
export type IssueCertificateInput = z.output<typeof issueCertificateSchema>;

/** 1 MiB of PEM is far more than any CSR; REST refuses larger bodies with 413 before parsing. */
export const signCsrSchema = z.object({
  csrPem: z
    .string()
    .trim()
    .min(1, "Paste a certificate signing request (PEM)")
    .max(65_536, "A CSR is a few kilobytes; this is too long")
    .refine(
      (value) =>
        value.includes("-----BEGIN CERTIFICATE REQUEST-----") ||
        value.includes("-----BEGIN NEW CERTIFICATE REQUEST-----"),
      {
        message: "Not a PEM certificate request: it should start with -----BEGIN CERTIFICATE REQUEST-----",
      },
    ),
  validityDays: validityDaysSchema.default(90),
  serverAuth: booleanField.default(false),
  /**
   * When given (even empty in JSON: []), these replace the SANs the CSR asks for; when absent, the
   * CSR's own SANs (extensionRequest) are used. Either way they pass the same checks.
   */
  subjectAltNames: z.preprocess(
    (value) => (value === undefined || value === "" ? undefined : normalizeSans(value)),
    z.array(subjectAltNameSchema).max(100).optional(),
  ),
});
export type SignCsrInput = z.output<typeof signCsrSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Morio's "notAfter": an ISO date, or a duration such as "720h" or "90d". */
export function validityDaysFromNotAfter(notAfter: string, now = Date.now()): number | undefined {
  const duration = /^(\d+)\s*([hd])$/i.exec(notAfter.trim());
  if (duration) {
    const hours = Number(duration[1]) * (duration[2]!.toLowerCase() === "d" ? 24 : 1);
    return Math.max(1, Math.ceil(hours / 24));
  }
  const date = Date.parse(notAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.ceil((date - now) / DAY_MS);
}

/** Morio's POST /ca/certificate body, so its clients can use this console's CA unchanged. */
export const morioGenerateSchema = z.object({
  certificate: z.object({
    cn: commonNameSchema,
    c: z.string().optional(),
    st: z.string().optional(),
    l: z.string().optional(),
    o: z.string().optional(),
    ou: z.string().optional(),
    san: z.array(z.string()).max(100).optional(),
  }),
  notAfter: z
    .string()
    .refine((value) => validityDaysFromNotAfter(value) !== undefined, {
      message: "An ISO date (2027-01-31T00:00:00Z) or a duration such as 720h",
    })
    .optional(),
});
export type MorioGenerateInput = z.output<typeof morioGenerateSchema>;

/** The Morio body as our own: re-validated by issueCertificateSchema, so the same rules apply. */
export function morioToIssueInput(
  body: MorioGenerateInput,
  now = Date.now(),
): z.input<typeof issueCertificateSchema> {
  const { certificate } = body;
  return {
    commonName: certificate.cn,
    country: certificate.c,
    state: certificate.st,
    locality: certificate.l,
    organization: certificate.o,
    organizationalUnit: certificate.ou,
    subjectAltNames: (certificate.san ?? []).map(parseSubjectAltName) as SubjectAltName[],
    ...(body.notAfter ? { validityDays: validityDaysFromNotAfter(body.notAfter, now) } : {}),
  };
}

export const REVOCATION_REASONS = [
  "unspecified",
  "keyCompromise",
  "affiliationChanged",
  "superseded",
  "cessationOfOperation",
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export const revokeCertificateSchema = z.object({
  reason: z.enum(REVOCATION_REASONS, { error: "Choose a reason" }).default("unspecified"),
  comment: z.preprocess(emptyToUndefined, z.string().max(500, "At most 500 characters").optional()),
});
export type RevokeCertificateInput = z.output<typeof revokeCertificateSchema>;

export const certificateListQuerySchema = z.object({
  /** Substring of the CN, the serial (hex) or a SAN. */
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  status: z.preprocess(emptyToUndefined, z.enum(CERTIFICATE_STATUSES).optional()),
  /** Opaque: the nextCursor of the previous page. */
  cursor: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CertificateListQuery = z.output<typeof certificateListQuerySchema>;

/** Hex serial as the URL and the API name it: lower case, no colons. */
export const serialNumberSchema = z
  .string()
  .trim()
  .transform((value) => value.replaceAll(":", "").toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{1,40}$/, "A serial number is up to 40 hexadecimal digits"));
