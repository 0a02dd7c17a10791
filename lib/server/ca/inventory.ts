import "server-only";

// The issued certificates as the inventory shows them: status at the time of asking, keyset paging.
import {
  type CertificateDetail,
  type CertificateList,
  type CertificateListQuery,
  type CertificateStatus,
  type CertificateSummary,
  EXPIRING_WITHIN_DAYS,
} from "@/lib/schemas/certificates";
import type { CertificateRecord } from "@/lib/server/store/types";

import { authorityCertificates } from "./authority";
import { type CaContext, DAY_MS } from "./context";

export function certificateStatus(
  record: Pick<CertificateRecord, "revokedAt" | "notAfter">,
  now: Date,
): CertificateStatus {
  if (record.revokedAt) return "revoked";
  const left = Date.parse(record.notAfter) - now.getTime();
  if (left <= 0) return "expired";
  return left < EXPIRING_WITHIN_DAYS * DAY_MS ? "expiring" : "valid";
}

export function toSummary(record: CertificateRecord, now: Date): CertificateSummary {
  return {
    serialNumber: record.serialNumber,
    commonName: record.commonName,
    subject: record.subject,
    subjectAltNames: record.subjectAltNames,
    keyAlgorithm: record.keyAlgorithm,
    serverAuth: record.serverAuth,
    source: record.source,
    issuedBy: record.issuedBy,
    issuedAt: record.issuedAt,
    notBefore: record.notBefore,
    notAfter: record.notAfter,
    status: certificateStatus(record, now),
    revokedAt: record.revokedAt,
    revocationReason: record.revocationReason,
    fingerprintSha256: record.fingerprint,
  };
}

/** Serials as the URL may spell them: any case, with or without colons. */
export const normalizeSerial = (serialNumber: string) =>
  serialNumber.replaceAll(":", "").trim().toLowerCase();

interface Cursor {
  issuedAt: string;
  serialNumber: string;
}

const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify([cursor.issuedAt, cursor.serialNumber])).toString("base64url");

function decodeCursor(text: string | undefined): Cursor | undefined {
  if (!text) return undefined;
  try {
    const [issuedAt, serialNumber] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];
    return typeof issuedAt === "string" && typeof serialNumber === "string"
      ? { issuedAt, serialNumber }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Newest first. An unreadable cursor starts from the first page. */
export async function listCertificates(
  context: CaContext,
  query: CertificateListQuery,
): Promise<CertificateList> {
  const now = context.now();
  const limit = Math.min(Math.max(Math.trunc(query.limit) || 50, 1), 200);
  const { certificates, total } = await context.store.certificates.query({
    q: query.q,
    status: query.status,
    now: now.toISOString(),
    expiringBefore: new Date(now.getTime() + EXPIRING_WITHIN_DAYS * DAY_MS).toISOString(),
    after: decodeCursor(query.cursor),
    limit: limit + 1,
  });
  const page = certificates.slice(0, limit);
  const last = page.at(-1);
  return {
    certificates: page.map((record) => toSummary(record, now)),
    nextCursor: certificates.length > limit && last ? encodeCursor(last) : null,
    total,
  };
}

export async function getCertificate(
  context: CaContext,
  serialNumber: string,
): Promise<CertificateDetail | undefined> {
  const record = await context.store.certificates.find(normalizeSerial(serialNumber));
  if (!record) return undefined;
  const { intermediatePem } = await authorityCertificates(context);
  return {
    summary: toSummary(record, context.now()),
    certificatePem: record.certificatePem,
    chainPem: [record.certificatePem, intermediatePem],
  };
}
