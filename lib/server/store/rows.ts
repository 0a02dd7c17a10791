// Rows of either database (node:sqlite, pg) as the records the interface gives: one mapping per
// table for both stores. The column readers take what each driver answers: SQLite's flags are 0/1
// and its blobs Uint8Array, PostgreSQL's booleans true/false and its bytea Buffers.
import type { Role } from "@/lib/schemas/auth";

import type { ThroughputPointRecord } from "./throughput-types";
import type {
  ApiTokenRecord,
  AuditEvent,
  AuditOutcome,
  CaRecord,
  CaRole,
  CertificateRecord,
  CrlRecord,
  SessionRecord,
  UserRecord,
} from "./types";

export type Row = Readonly<Record<string, unknown>>;

export const text = (row: Row, column: string): string => String(row[column]);
export const nullableText = (row: Row, column: string): string | null =>
  row[column] === null || row[column] === undefined ? null : String(row[column]);
export const numeric = (row: Row, column: string): number => Number(row[column]);
export const flag = (row: Row, column: string): boolean => row[column] === true || row[column] === 1;
const bytes = (row: Row, column: string): Buffer => {
  const value = row[column] as Uint8Array;
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
};

export function toUser(row: Row): UserRecord {
  return {
    id: text(row, "id"),
    username: text(row, "username"),
    role: text(row, "role") as Role,
    passwordHash: text(row, "password_hash"),
    mustChangePassword: flag(row, "must_change_password"),
    createdAt: text(row, "created_at"),
    updatedAt: text(row, "updated_at"),
    disabledAt: nullableText(row, "disabled_at"),
    lastSignInAt: nullableText(row, "last_sign_in_at"),
    provider: nullableText(row, "provider"),
    subject: nullableText(row, "subject"),
  };
}

export function toSession(row: Row): SessionRecord {
  return {
    id: text(row, "id"),
    userId: text(row, "user_id"),
    createdAt: text(row, "created_at"),
    lastSeenAt: text(row, "last_seen_at"),
    expiresAt: text(row, "expires_at"),
    clientAddress: nullableText(row, "client_address"),
    userAgent: nullableText(row, "user_agent"),
  };
}

export function toToken(row: Row): ApiTokenRecord {
  return {
    id: text(row, "id"),
    name: text(row, "name"),
    role: text(row, "role") as Role,
    secretHash: text(row, "secret_hash"),
    createdBy: text(row, "created_by"),
    createdAt: text(row, "created_at"),
    expiresAt: nullableText(row, "expires_at"),
    revokedAt: nullableText(row, "revoked_at"),
    lastUsedAt: nullableText(row, "last_used_at"),
  };
}

export function toAuditEvent(row: Row): AuditEvent {
  return {
    id: numeric(row, "id"),
    at: text(row, "at"),
    actor: text(row, "actor"),
    action: text(row, "action"),
    target: nullableText(row, "target"),
    outcome: text(row, "outcome") as AuditOutcome,
    clientAddress: nullableText(row, "client_address"),
    requestId: nullableText(row, "request_id"),
    details: JSON.parse(text(row, "details")) as AuditEvent["details"],
    count: numeric(row, "count"),
    firstAt: nullableText(row, "first_at"),
    lastAt: nullableText(row, "last_at"),
  };
}

export function toAuthority(row: Row): CaRecord {
  return {
    role: text(row, "role") as CaRole,
    certificatePem: text(row, "certificate_pem"),
    encryptedKey: nullableText(row, "encrypted_key"),
    createdAt: text(row, "created_at"),
  };
}

export function toCertificate(row: Row): CertificateRecord {
  return {
    serialNumber: text(row, "serial"),
    commonName: text(row, "common_name"),
    subject: text(row, "subject"),
    subjectAltNames: JSON.parse(text(row, "sans")) as CertificateRecord["subjectAltNames"],
    keyAlgorithm: text(row, "key_algorithm"),
    serverAuth: flag(row, "server_auth"),
    source: text(row, "source") as CertificateRecord["source"],
    issuedBy: text(row, "issued_by"),
    issuedAt: text(row, "issued_at"),
    notBefore: text(row, "not_before"),
    notAfter: text(row, "not_after"),
    certificatePem: text(row, "certificate_pem"),
    fingerprint: text(row, "fingerprint"),
    revokedAt: nullableText(row, "revoked_at"),
    revocationReason: nullableText(row, "revocation_reason"),
  };
}

export function toCrl(row: Row): CrlRecord {
  return {
    id: numeric(row, "id"),
    der: bytes(row, "der"),
    thisUpdate: text(row, "this_update"),
    nextUpdate: text(row, "next_update"),
  };
}

export function toThroughputPoint(row: Row): ThroughputPointRecord {
  return {
    at: Number(row.at),
    ms: Number(row.ms),
    messages: Number(row.messages),
    bytes: Number(row.bytes),
    peakMessagesPerSecond: Number(row.peak_messages_per_second),
    peakBytesPerSecond: Number(row.peak_bytes_per_second),
  };
}
