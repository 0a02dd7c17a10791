import "server-only";

import { randomBytes } from "node:crypto";

import { cookies } from "next/headers";

import { getStore } from "@/lib/server/store";
import type { ConsoleStore, SessionRecord, UserRecord } from "@/lib/server/store/types";

import { recordAuditQuietly } from "./audit";
import { userActor } from "./principal-types";
import type { RequestFacts } from "./request-facts";
import { SESSION_COOKIE, sealSessionCookie, unsealSessionCookie } from "./session-cookie";
import { idleCutoff, sessionExpiresAt, sessionState, shouldTouch } from "./session-policy";
import { authSettings, sessionKeys } from "./settings";

export type SessionLookup =
  { kind: "none" } | { kind: "rejected" } | { kind: "active"; session: SessionRecord; user: UserRecord };

/** Reads and checks the session cookie. Every way it can fail ends as "rejected", recorded once. */
export async function lookUpSession(now = new Date()): Promise<SessionLookup> {
  const jar = await cookies();
  const value = jar.get(SESSION_COOKIE)?.value;
  if (!value) return { kind: "none" };

  const reject = async (actor: string, action: string, reason: string, target: string | null = null) => {
    await recordAuditQuietly({ actor, action, target, outcome: "failure", details: { reason } });
    await dropSessionCookie();
    return { kind: "rejected" } as const;
  };

  const unsealed = unsealSessionCookie(value, sessionKeys().cookie);
  if (!unsealed.ok) return reject("anonymous", "auth.session-rejected", unsealed.reason);

  const store = getStore();
  const session = await store.sessions.find(unsealed.sessionId);
  // Signed out, ended by a password change or reset, or swept after expiry.
  if (!session) return reject("anonymous", "auth.session-rejected", "ended");

  const user = await store.users.findById(session.userId);
  const actor = user ? userActor(user.username) : "anonymous";
  const state = sessionState(session, now, authSettings());
  if (state !== "active") {
    await store.sessions.delete(session.id);
    return reject(actor, "auth.session-expired", state === "expired" ? "absolute" : "idle");
  }
  if (!user || user.disabledAt !== null) {
    await store.sessions.delete(session.id);
    return reject(actor, "auth.session-rejected", user ? "user-disabled" : "user-deleted");
  }
  if (shouldTouch(session, now)) await store.sessions.touch(session.id, now.toISOString());
  return { kind: "active", session, user };
}

/** A fresh session id: 256 random bits, sealed into the cookie, never shown. */
const newSessionId = () => randomBytes(32).toString("base64url");

/** Creates the session record; takes the store so it can join a transaction. Set the cookie after commit. */
export function createSession(store: ConsoleStore, userId: string, facts: RequestFacts, now = new Date()) {
  const iso = now.toISOString();
  return store.sessions.create({
    id: newSessionId(),
    userId,
    createdAt: iso,
    lastSeenAt: iso,
    expiresAt: sessionExpiresAt(now, authSettings()).toISOString(),
    clientAddress: facts.clientAddress,
    userAgent: facts.userAgent,
  });
}

export async function setSessionCookie(session: SessionRecord): Promise<void> {
  const { secureCookies, absoluteHours } = authSettings();
  (await cookies()).set(SESSION_COOKIE, sealSessionCookie(session.id, sessionKeys().cookie), {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies,
    path: "/",
    // The browser drops it at the absolute expiry; idle expiry is the server's to enforce.
    maxAge: absoluteHours * 3600,
  });
}

/** Works in server actions and route handlers; during a page render cookies are read-only, so it is skipped. */
export async function dropSessionCookie(): Promise<void> {
  try {
    (await cookies()).delete(SESSION_COOKIE);
  } catch {
    // Rendering a page: the next action or route request clears it.
  }
}

/** The session id in the cookie, if it opens; for sign-out and session rotation. */
export async function sessionIdFromCookie(): Promise<string | null> {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!value) return null;
  const unsealed = unsealSessionCookie(value, sessionKeys().cookie);
  return unsealed.ok ? unsealed.sessionId : null;
}

const SWEEP = Symbol.for("kafka-console.auth.session-sweep");
const SWEEP_INTERVAL_MS = 3_600_000;
type GlobalWithSweep = typeof globalThis & { [SWEEP]?: number };

/** Expired sessions are deleted when met; this removes the ones nobody comes back for, hourly at most. */
export async function sweepExpiredSessions(store: ConsoleStore, now = new Date()): Promise<void> {
  const shared = globalThis as GlobalWithSweep;
  if (now.getTime() - (shared[SWEEP] ?? 0) < SWEEP_INTERVAL_MS) return;
  shared[SWEEP] = now.getTime();
  await store.sessions.deleteExpired(now.toISOString(), idleCutoff(now, authSettings()).toISOString());
}
