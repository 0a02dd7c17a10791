// What the certificate API answers, as zod schemas: the OpenAPI document describes exactly these.
import { z } from "zod";

import { subjectAltNameSchema } from "./certificate-names";

export const CERTIFICATE_STATUSES = ["valid", "expiring", "expired", "revoked"] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
/** A certificate with fewer days left than this is "expiring". */
export const EXPIRING_WITHIN_DAYS = 14;

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

export const clusterNameUsageSchema = z.object({
  cluster: z.string(),
  bindings: z
    .number()
    .int()
    .nullable()
    .describe("ACL bindings for User:<CN>; null when the cluster could not be asked"),
  problem: z.string().optional().describe("Why the count is unknown"),
});
export type ClusterNameUsage = z.infer<typeof clusterNameUsageSchema>;

/** GET /api/v1/certificates/name-check: asked as the CN is typed, before issuing. */
export const commonNameCheckSchema = z.object({
  commonName: z.string(),
  refusal: z
    .object({ status: z.number().int(), message: z.string() })
    .optional()
    .describe("Why issuing this CN would be refused to the caller; checked again when issuing"),
  validCertificates: z
    .number()
    .int()
    .describe("Certificates for exactly this CN, neither expired nor revoked"),
  clusters: z.array(clusterNameUsageSchema),
});
export type CommonNameCheck = z.infer<typeof commonNameCheckSchema>;
