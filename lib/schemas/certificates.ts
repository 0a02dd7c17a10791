// Certificate forms, REST bodies and answers: one set of schemas for the page, the server actions,
// the REST API and its OpenAPI document. No Node-only imports: client components validate with it too.
import { z } from "zod";

/** Shown next to the CN field: why some characters are refused. */
export const COMMON_NAME_RULES =
  'Up to 64 characters, without , + = " \\ < > ; # or control characters and without leading or trailing spaces: ' +
  "those would change the distinguished name, and so the principal (User:<CN>) the broker sees.";

const FORBIDDEN_IN_NAME = /[,+="\\<>;#\u0000-\u001f\u007f]/;

export const commonNameSchema = z
  .string()
  .min(1, "Enter a common name (CN)")
  .max(64, "At most 64 characters")
  .refine((value) => !FORBIDDEN_IN_NAME.test(value), {
    message: `The CN may not contain , + = " \\ < > ; # or control characters: they would change the principal User:<CN> the broker derives from it`,
  })
  .refine((value) => value.trim() === value, { message: "No leading or trailing spaces in the CN" });

/** Optional subject attributes: empty form fields count as absent. */
const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const subjectAttribute = (label: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .max(64, `${label}: at most 64 characters`)
      .refine((value) => !FORBIDDEN_IN_NAME.test(value), {
        message: `${label} may not contain , + = " \\ < > ; # or control characters`,
      })
      .refine((value) => value.trim() === value, { message: `${label}: no leading or trailing spaces` })
      .optional(),
  );

// A DNS label: letters, digits and hyphens, not starting or ending with a hyphen, 1-63 characters.
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Host names, with "*" allowed only as the whole leftmost label ("*.kafka.example.com"). */
export function isValidDnsName(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  const labels = value.split(".");
  return labels.every(
    (label, index) => DNS_LABEL.test(label) || (index === 0 && label === "*" && labels.length > 1),
  );
}

export function isValidIpAddress(value: string): boolean {
  return z.ipv4().safeParse(value).success || z.ipv6().safeParse(value).success;
}

export function isValidEmailAddress(value: string): boolean {
  const at = value.lastIndexOf("@");
  if (at < 1 || value.length > 254) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  return (
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/.test(local) && !domain.includes("*") && isValidDnsName(domain)
  );
}

/** An absolute URI with a scheme ("spiffe://cluster/ns/app", "https://…", "urn:…"). */
export function isValidUri(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(value) || value.length > 2048) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export const SAN_TYPES = ["dns", "ip", "email", "uri"] as const;
export type SanType = (typeof SAN_TYPES)[number];

export const subjectAltNameSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("dns"),
    value: z.string().trim().refine(isValidDnsName, {
      message: "Not a DNS name: labels of letters, digits and '-', '*' only as the whole leftmost label",
    }),
  }),
  z.object({
    type: z.literal("ip"),
    value: z.string().trim().refine(isValidIpAddress, { message: "Not an IPv4 or IPv6 address" }),
  }),
  z.object({
    type: z.literal("email"),
    value: z
      .string()
      .trim()
      .refine(isValidEmailAddress, { message: "Not an e-mail address (name@example.com)" }),
  }),
  z.object({
    type: z.literal("uri"),
    value: z
      .string()
      .trim()
      .refine(isValidUri, { message: "Not an absolute URI with a scheme (such as spiffe://… or https://…)" }),
  }),
]);
export type SubjectAltName = z.infer<typeof subjectAltNameSchema>;

const SAN_PREFIXES: Record<string, SanType> = { dns: "dns", ip: "ip", email: "email", uri: "uri" };

/**
 * A SAN written as text: "DNS:host", "IP:10.0.0.1", "email:a@b.c", "URI:spiffe://…", or bare (then
 * an IP address is an IP, something with "@" an e-mail, something with "://" a URI, else a DNS name).
 */
export function parseSubjectAltName(text: string): { type: SanType | string; value: string } {
  const trimmed = text.trim();
  const match = /^([a-z]+):(?!\/\/)(.*)$/i.exec(trimmed);
  const prefix = match?.[1]?.toLowerCase();
  if (match && prefix && prefix in SAN_PREFIXES)
    return { type: SAN_PREFIXES[prefix]!, value: match[2]!.trim() };
  if (isValidIpAddress(trimmed)) return { type: "ip", value: trimmed };
  if (trimmed.includes("://") || /^urn:/i.test(trimmed)) return { type: "uri", value: trimmed };
  if (trimmed.includes("@")) return { type: "email", value: trimmed };
  return { type: "dns", value: trimmed };
}

/**
 * Accepts an array of {type, value}, or text (a form's textarea or repeated fields): one SAN per
 * line or comma, each as parseSubjectAltName reads it.
 */
function normalizeSans(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return [];
  const entries = Array.isArray(value) ? value : [value];
  return entries.flatMap((entry) =>
    typeof entry === "string"
      ? entry
          .split(/[\n,]/)
          .filter((part) => part.trim() !== "")
          .map(parseSubjectAltName)
      : [entry],
  );
}

export const subjectAltNamesSchema = z.preprocess(
  normalizeSans,
  z.array(subjectAltNameSchema).max(100, "At most 100 subject alternative names"),
);

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

export const CERTIFICATE_STATUSES = ["valid", "expiring", "expired", "revoked"] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
/** A certificate with fewer days left than this is "expiring". */
export const EXPIRING_WITHIN_DAYS = 14;

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

// Answers. Zod too, so the OpenAPI document describes exactly what the handlers return.

export const certificateSummarySchema = z.object({
  serialNumber: z.string().describe("Hexadecimal, lower case"),
  commonName: z.string(),
  subject: z.string().describe("RFC 2253, CN first"),
  subjectAltNames: z.array(subjectAltNameSchema),
  keyAlgorithm: z.string().describe("rsa-2048, rsa-3072, rsa-4096"),
  serverAuth: z.boolean(),
  source: z.enum(["generated", "csr"]),
  issuedBy: z.string(),
  issuedAt: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  fingerprintSha256: z.string().describe("AB:CD:… (SHA-256 of the DER)"),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

export const issuedCertificateBundleSchema = z.object({
  certificate: certificateSummarySchema,
  certificatePem: z.string(),
  chainPem: z.array(z.string()).describe("[leaf, intermediate]"),
  caPem: z.string().describe("The root CA"),
  privateKeyPem: z.string().optional().describe("Only for generated keys; returned once, never stored"),
  pkcs12Base64: z.string().optional(),
  zipBase64: z.string().describe("cert.pem, key.pem (if generated), chain.pem, ca.pem, README.txt"),
});
export type IssuedCertificateBundle = z.infer<typeof issuedCertificateBundleSchema>;

export const certificateDetailSchema = z.object({
  summary: certificateSummarySchema,
  certificatePem: z.string(),
  chainPem: z.array(z.string()),
});
export type CertificateDetail = z.infer<typeof certificateDetailSchema>;

export const certificateListSchema = z.object({
  certificates: z.array(certificateSummarySchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type CertificateList = z.infer<typeof certificateListSchema>;

export const caCertificateInfoSchema = z.object({
  pem: z.string(),
  subject: z.string(),
  fingerprintSha256: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
});
export type CaCertificateInfo = z.infer<typeof caCertificateInfoSchema>;

export const caCertificatesSchema = z.object({
  root: caCertificateInfoSchema,
  intermediate: caCertificateInfoSchema,
  chainPem: z.string().describe("Intermediate then root"),
});
export type CaCertificates = z.infer<typeof caCertificatesSchema>;

/** Morio's answer shape, plus our own fields. */
export const morioGenerateAnswerSchema = z.object({
  certificate: z.object({ crt: z.string(), ca: z.string(), certChain: z.array(z.string()) }),
  key: z.string(),
  serial: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  fingerprint: z.string(),
});
export type MorioGenerateAnswer = z.infer<typeof morioGenerateAnswerSchema>;

export function toMorioAnswer(bundle: IssuedCertificateBundle): MorioGenerateAnswer {
  return {
    certificate: { crt: bundle.certificatePem, ca: bundle.caPem, certChain: bundle.chainPem },
    key: bundle.privateKeyPem ?? "",
    serial: bundle.certificate.serialNumber,
    notBefore: bundle.certificate.notBefore,
    notAfter: bundle.certificate.notAfter,
    fingerprint: bundle.certificate.fingerprintSha256,
  };
}

/** Public URLs of the CA files (no sign-in), relative to the console's base URL. */
export const CA_PUBLIC_PATHS = {
  root: "/tools/ca/root.pem",
  intermediate: "/tools/ca/intermediate.pem",
  chain: "/tools/ca/chain.pem",
  crlDer: "/tools/ca/crl.der",
  crlPem: "/tools/ca/crl.pem",
} as const;
