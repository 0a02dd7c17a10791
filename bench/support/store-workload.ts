// What the console asks of its store per request, as the store benchmark runs it: the same store
// calls, in the same order and transactions, as sign-in, the session check, an audit append and a
// certificate issuance make — without Next's request around them.
import { generateKeyPairSync, randomBytes } from "node:crypto";

import forge from "node-forge";

import { caSettingsSchema } from "../../lib/schemas/config";
import { hashPassword, verifyPassword } from "../../lib/server/auth/password";
import { ensureAuthority } from "../../lib/server/ca/authority";
import type { CaContext } from "../../lib/server/ca/context";
import { signCertificateRequest } from "../../lib/server/ca/issuance";
import type { ConsoleStore, UserRecord } from "../../lib/server/store/types";

export const BENCH_PASSWORD = "bench-password-that-is-long-enough";
const ACTOR = { role: "operator" as const, actor: "user:bench" };

export async function seedUser(store: ConsoleStore, username: string): Promise<UserRecord> {
  return store.users.create({
    username,
    role: "viewer",
    passwordHash: await hashPassword(BENCH_PASSWORD),
    mustChangePassword: false,
  });
}

/** A session as sign-in makes it; returns its id. */
export async function newSession(store: ConsoleStore, userId: string): Promise<string> {
  const now = new Date();
  const session = await store.sessions.create({
    id: randomBytes(32).toString("base64url"),
    userId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 12 * 3_600_000).toISOString(),
    clientAddress: "127.0.0.1",
    userAgent: "bench",
  });
  return session.id;
}

/**
 * lib/server/auth/sign-in.ts's store work for a good password: the throttle's counts, the user, the
 * scrypt check (N=2^15, on libuv's pool: most of the time), the throttle forgotten, then the user's
 * last sign-in, its audit record and the session in one transaction.
 */
export async function signIn(store: ConsoleStore, username: string): Promise<void> {
  const keys = [`pair:${username}|127.0.0.1`, "address:127.0.0.1"];
  await store.throttle.counts(keys);
  await store.throttle.counts([`account:${username}`]);
  const user = await store.users.findByUsername(username);
  if (!user || !(await verifyPassword(BENCH_PASSWORD, user.passwordHash))) throw new Error("sign-in refused");
  await store.throttle.forget(keys[0]!);
  const now = new Date().toISOString();
  await store.transaction(async (tx) => {
    await tx.users.update(user.id, { lastSignInAt: now });
    await tx.audit.append({
      actor: `user:${username}`,
      action: "auth.sign-in",
      target: `user:${username}`,
      outcome: "success",
    });
    await newSession(tx, user.id);
  });
}

/** lib/server/auth/sessions.ts on every request: the session, then its user (the touch is rare). */
export async function checkSession(store: ConsoleStore, sessionId: string): Promise<void> {
  const session = await store.sessions.find(sessionId);
  if (!session || !(await store.users.findById(session.userId))) throw new Error("session refused");
}

export async function appendAudit(store: ConsoleStore, run: number): Promise<void> {
  await store.audit.append({
    actor: "token:bench (bench)",
    action: "topic.produce",
    target: `topic:bench-${run % 50}`,
    outcome: "success",
    clientAddress: "127.0.0.1",
    details: { records: 1 },
  });
}

/** A CA in this store (created once, as the first start does). */
export async function caIn(store: ConsoleStore, dataDir: string): Promise<CaContext> {
  const context: CaContext = {
    store,
    settings: caSettingsSchema(() => ({ ok: false, message: "unused" })).parse({}),
    dataDir,
    clusterCertificates: [],
    brokerHosts: [],
    now: () => new Date(),
    audit: async (event, into = store) => void (await into.audit.append(event)),
  };
  await ensureAuthority(context);
  return context;
}

/** CSRs of one key with distinct names: the benchmark times the CA and the store, not keygen. */
export function csrs(prefix: string, count: number): string[] {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signer = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  const subjectKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  return Array.from({ length: count }, (_, index) => {
    const csr = forge.pki.createCertificationRequest();
    csr.publicKey = subjectKey;
    csr.setSubject([{ shortName: "CN", value: `${prefix}-${index}` }]);
    csr.sign(signer, forge.md.sha256.create());
    return forge.pki.certificationRequestToPem(csr);
  });
}

/** Signs a CSR: serial, signature in the CA's worker, inventory row and audit record in one transaction. */
export async function issue(context: CaContext, csrPem: string): Promise<void> {
  const result = await signCertificateRequest(
    context,
    { csrPem, validityDays: 30, serverAuth: false, subjectAltNames: undefined },
    ACTOR,
  );
  if (!result.ok) throw new Error(result.error);
}

/** Runs `count` calls with `inFlight` at a time; calls per second and each call's milliseconds. */
export async function drive(
  count: number,
  inFlight: number,
  call: (run: number) => Promise<void>,
): Promise<{ perSecond: number; latenciesMs: number[] }> {
  let next = 0;
  const latenciesMs: number[] = [];
  const began = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (let run = next++; run < count; run = next++) {
        const start = performance.now();
        await call(run);
        latenciesMs.push(performance.now() - start);
      }
    }),
  );
  return { perSecond: count / ((performance.now() - began) / 1000), latenciesMs };
}
