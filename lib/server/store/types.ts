// The console's own state. One module owns the database (lib/server/store); everything else goes
// through this interface, so a PostgreSQL implementation can replace SQLite for several replicas.
// Every call is asynchronous: a server database answers over the network.
import type { AuditOutcome, AuditQuery } from "@/lib/schemas/audit";
import type { Role } from "@/lib/schemas/auth";

import type { LagHistoryStore, LeaseStore } from "./lag-history-types";
import type { ThroughputStore } from "./throughput-types";

export type { AuditOutcome, AuditQuery } from "@/lib/schemas/audit";
export type * from "./lag-history-types";
export type * from "./throughput-types";

/** ISO-8601 timestamps in UTC throughout. */
export type Timestamp = string;

export interface UserRecord {
  id: string;
  username: string;
  role: Role;
  /** scrypt, self-describing (parameters + salt + hash); never plaintext. */
  passwordHash: string;
  mustChangePassword: boolean;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  disabledAt: Timestamp | null;
  lastSignInAt: Timestamp | null;
  /** The OpenID issuer and the user's `sub` there, for single sign-on users; null for local accounts. */
  provider: string | null;
  subject: string | null;
}

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  /** Absolute expiry; idle expiry is lastSeenAt + the configured idle time. */
  expiresAt: Timestamp;
  clientAddress: string | null;
  userAgent: string | null;
}

export interface ApiTokenRecord {
  id: string;
  name: string;
  role: Role;
  /** SHA-256 of the secret (the secret is 256 random bits, so a slow hash adds nothing). */
  secretHash: string;
  createdBy: string;
  createdAt: Timestamp;
  expiresAt: Timestamp | null;
  revokedAt: Timestamp | null;
  lastUsedAt: Timestamp | null;
}

export interface AuditEventInput {
  /** "user:alice", "token:<id> (<name>)", "anonymous", "system". */
  actor: string;
  /** Dotted verb: "auth.sign-in", "auth.sign-out", "user.create", "token.revoke", … */
  action: string;
  target?: string | null;
  outcome: AuditOutcome;
  clientAddress?: string | null;
  requestId?: string | null;
  /** Small, non-secret facts (role granted, reason of a failure). Never a password, token or key. */
  details?: Record<string, string | number | boolean | null>;
  /**
   * How many events the record stands for: 1 for one event; more for a summary of repeated
   * refusals ("N more of these between firstAt and lastAt", see lib/server/auth/refusals.ts).
   */
  count?: number;
  /** A summary's first and last event; null for a single event, which happened at `at`. */
  firstAt?: Timestamp | null;
  lastAt?: Timestamp | null;
}

export interface AuditEvent extends Required<Omit<AuditEventInput, "details">> {
  id: number;
  at: Timestamp;
  details: Record<string, string | number | boolean | null>;
}

export interface AuditPage {
  events: AuditEvent[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: number | null;
}

export interface UserStore {
  count(): Promise<number>;
  list(): Promise<UserRecord[]>;
  findById(id: string): Promise<UserRecord | undefined>;
  findByUsername(username: string): Promise<UserRecord | undefined>;
  findBySubject(provider: string, subject: string): Promise<UserRecord | undefined>;
  /** Throws StoreConflictError when the username (or the provider and subject) exists. */
  create(
    user: Pick<UserRecord, "username" | "role" | "passwordHash" | "mustChangePassword"> &
      Partial<Pick<UserRecord, "provider" | "subject">>,
  ): Promise<UserRecord>;
  update(
    id: string,
    patch: Partial<
      Pick<UserRecord, "role" | "passwordHash" | "mustChangePassword" | "disabledAt" | "lastSignInAt">
    >,
  ): Promise<UserRecord | undefined>;
  delete(id: string): Promise<boolean>;
}

export interface SessionStore {
  create(session: Omit<SessionRecord, "id"> & { id?: string }): Promise<SessionRecord>;
  find(id: string): Promise<SessionRecord | undefined>;
  touch(id: string, lastSeenAt: Timestamp): Promise<void>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string): Promise<number>;
  deleteExpired(now: Timestamp, idleBefore: Timestamp): Promise<number>;
}

export interface ApiTokenStore {
  /** The id is generated (12 base62 characters, see newApiTokenId) unless given. */
  create(
    token: Omit<ApiTokenRecord, "id" | "createdAt" | "revokedAt" | "lastUsedAt"> & { id?: string },
  ): Promise<ApiTokenRecord>;
  find(id: string): Promise<ApiTokenRecord | undefined>;
  list(): Promise<ApiTokenRecord[]>;
  revoke(id: string, at: Timestamp): Promise<ApiTokenRecord | undefined>;
  touch(id: string, at: Timestamp): Promise<void>;
}

export interface AuditStore {
  /** Append-only: there is no update or delete, and the database refuses them too. */
  append(event: AuditEventInput): Promise<AuditEvent>;
  query(query: AuditQuery): Promise<AuditPage>;
}

export type CaRole = "root" | "intermediate";

export interface CaRecord {
  role: CaRole;
  certificatePem: string;
  /** AES-256-GCM sealed PKCS#8 PEM (see lib/server/ca/key-encryption); null for an imported root. */
  encryptedKey: string | null;
  createdAt: Timestamp;
}

export interface CertificateRecord {
  /** Hexadecimal, lower case. */
  serialNumber: string;
  commonName: string;
  /** RFC 2253, CN first. */
  subject: string;
  subjectAltNames: { type: "dns" | "ip" | "email" | "uri"; value: string }[];
  keyAlgorithm: string;
  serverAuth: boolean;
  source: "generated" | "csr";
  issuedBy: string;
  issuedAt: Timestamp;
  notBefore: Timestamp;
  notAfter: Timestamp;
  certificatePem: string;
  /** SHA-256 of the DER, "AB:CD:…". */
  fingerprint: string;
  revokedAt: Timestamp | null;
  revocationReason: string | null;
}

export interface CertificateQuery {
  /** Substring of the CN, the serial or a SAN (case-insensitive). */
  q?: string;
  /** Filters on the state at `now`: expiring = valid with fewer than expiringWithinDays left. */
  status?: "valid" | "expiring" | "expired" | "revoked";
  now: Timestamp;
  /** Now + the expiring window; "expiring" means notAfter before this. */
  expiringBefore: Timestamp;
  /** Keyset paging, newest first: the (issuedAt, serial) of the last row of the previous page. */
  after?: { issuedAt: Timestamp; serialNumber: string };
  limit: number;
}

export interface CrlRecord {
  id: number;
  der: Buffer;
  thisUpdate: Timestamp;
  nextUpdate: Timestamp;
}

export interface CertificateStore {
  /** The CA's certificates; each role is written once (create or import). */
  getAuthority(role: CaRole): Promise<CaRecord | undefined>;
  /** Throws StoreConflictError when the role exists. */
  putAuthority(record: Omit<CaRecord, "createdAt">): Promise<CaRecord>;
  /** Throws StoreConflictError when the serial exists (the caller draws a new one). */
  insert(record: Omit<CertificateRecord, "revokedAt" | "revocationReason">): Promise<CertificateRecord>;
  serialExists(serialNumber: string): Promise<boolean>;
  find(serialNumber: string): Promise<CertificateRecord | undefined>;
  query(query: CertificateQuery): Promise<{ certificates: CertificateRecord[]; total: number }>;
  /** Undefined when unknown; a second revocation keeps the first one's time and reason. */
  revoke(serialNumber: string, at: Timestamp, reason: string): Promise<CertificateRecord | undefined>;
  /** Every revoked certificate (the CRL's entries), oldest revocation first. */
  listRevoked(): Promise<CertificateRecord[]>;
  /**
   * Stores a newly signed CRL under its CRL number (`id`, from nextCrlNumber in the same
   * transaction). Throws StoreConflictError when that number is taken: each number is signed once.
   */
  saveCrl(crl: CrlRecord): Promise<CrlRecord>;
  latestCrl(): Promise<CrlRecord | undefined>;
  /**
   * The number the next CRL gets (the highest stored + 1). Called inside the transaction that signs
   * and saves it, and first in it: the store holds off other CRL signers there until the commit
   * (PostgreSQL: pg_advisory_xact_lock; SQLite: BEGIN IMMEDIATE serializes writers already), so a
   * second replica then reads the first's CRL instead of signing the same number.
   */
  nextCrlNumber(): Promise<number>;
}

/** A key's failed sign-ins (see lib/server/auth/sign-in-throttle.ts): how many, and the last one's time. */
export interface SignInFailureCount {
  key: string;
  failures: number;
  /** Unix milliseconds. */
  lastFailureAt: number;
}

/**
 * The sign-in throttle's counts, shared by every replica: a guesser spreading attempts over them
 * meets one count. The lock-out is computed from a count by the caller's policy.
 */
export interface SignInThrottleStore {
  /**
   * Counts one failure at `key` in one statement (atomic across replicas): the count starts over at 1
   * when the key's last failure is `windowMs` or more before `nowMs`, else grows by 1; the last
   * failure's time becomes max(stored, nowMs). Returns the new count.
   */
  hit(key: string, nowMs: number, windowMs: number): Promise<number>;
  /** The counts of these keys; keys without failures are left out. */
  counts(keys: readonly string[]): Promise<SignInFailureCount[]>;
  /** After a successful sign-in: the key starts over. */
  forget(key: string): Promise<void>;
  /** Deletes the keys whose last failure is before `beforeMs`; returns how many. */
  prune(beforeMs: number): Promise<number>;
}

export interface ConsoleStore {
  users: UserStore;
  sessions: SessionStore;
  tokens: ApiTokenStore;
  audit: AuditStore;
  certificates: CertificateStore;
  lagHistory: LagHistoryStore;
  throughput: ThroughputStore;
  leases: LeaseStore;
  throttle: SignInThrottleStore;
  /**
   * Runs fn in one transaction: COMMIT when its promise resolves, ROLLBACK when it rejects. fn gets
   * the store to use inside: every call in the transaction goes through `tx` (PostgreSQL: one
   * pooled client in BEGIN … COMMIT; SQLite: the connection, held for fn alone). fn does store work
   * only — no Kafka, no network, nothing slow: other requests' store calls wait for it. Calling the
   * outer store (or starting another transaction on it) inside fn is a programming error: on
   * PostgreSQL that is another connection that can wait on fn's locks forever; SQLite throws.
   * `tx.transaction` nests (a savepoint).
   */
  transaction<T>(fn: (tx: ConsoleStore) => Promise<T>): Promise<T>;
  /** A trivial query (SELECT 1); rejects when the database does not answer. For /readyz. */
  ping(): Promise<void>;
  /** The connection pool's state, for stores that pool connections (PostgreSQL); absent on SQLite. */
  poolStats?(): StorePoolStats;
  close(): Promise<void>;
}

export interface StorePoolStats {
  /** Connections open, idle among them, and callers waiting for one. */
  total: number;
  idle: number;
  waiting: number;
  /** The configured maximum. */
  max: number;
}

export class StoreConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreConflictError";
  }
}

/**
 * By name: Next bundles this module once per layer, and the store opened at start-up throws the
 * instrumentation layer's class, which `instanceof` in a page or action does not recognise.
 */
export function isStoreConflictError(error: unknown): error is StoreConflictError {
  return error instanceof Error && error.name === "StoreConflictError";
}
