import "server-only";

import { newPasswordSchema } from "@/lib/schemas/auth";
import { actionError, actionOk, type ActionResult } from "@/lib/errors";
import { getConfig } from "@/lib/server/config";
import { type ConsoleStore, getStore } from "@/lib/server/store";

import { appendAudit } from "./audit";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";
import type { Principal } from "./principal-types";
import { currentRequestFacts } from "./request-context";
import {
  createSession,
  dropSessionCookie,
  sessionIdFromCookie,
  setSessionCookie,
  sweepExpiredSessions,
} from "./sessions";
import { setTimeout as sleep } from "node:timers/promises";

import { defaultThrottlePolicy, SignInThrottle, signInKeys } from "./sign-in-throttle";

export const WRONG_CREDENTIALS = "Wrong user name or password";

// The counts are in the store, shared by every replica; the throttle on globalThis only remembers
// when this process last pruned them (dev reloads keep it).
const THROTTLE = Symbol.for("kafka-console.auth.sign-in-throttle");
type GlobalWithThrottle = typeof globalThis & { [THROTTLE]?: SignInThrottle };
const shared = globalThis as GlobalWithThrottle;
export function signInThrottle(): SignInThrottle {
  return (shared[THROTTLE] ??= new SignInThrottle(() => getStore().throttle, defaultThrottlePolicy));
}

function tooManyAttempts(retryAfterMs: number) {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return actionError<never>(
    429,
    `Too many sign-in attempts; try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}`,
  );
}

/**
 * Unknown user, disabled user and wrong password get the same answer after the same work (one
 * scrypt verification). A throttled attempt is refused before any password is looked at.
 */
export async function signIn(input: {
  username: string;
  password: string;
}): Promise<ActionResult<{ mustChangePassword: boolean }>> {
  const store = getStore();
  const facts = await currentRequestFacts();
  const username = input.username.trim().toLowerCase();
  const keys = signInKeys(username, facts.clientAddress);
  const audit = (
    outcome: "success" | "failure" | "denied",
    details: Record<string, string | boolean>,
    into: ConsoleStore = store,
  ) =>
    appendAudit(
      into,
      {
        actor: outcome === "success" ? `user:${username}` : "anonymous",
        action: "auth.sign-in",
        target: `user:${username}`,
        outcome,
        details,
      },
      facts,
    );

  const retryAfterMs = await signInThrottle().retryAfterMs([keys.pair, keys.address]);
  if (retryAfterMs > 0) {
    await audit("denied", { reason: "throttled" });
    return tooManyAttempts(retryAfterMs);
  }
  // Failures at this account from everywhere: a short wait, never a refusal (see sign-in-throttle.ts).
  const accountDelayMs = await signInThrottle().retryAfterMs([keys.account]);
  if (accountDelayMs > 0) await sleep(accountDelayMs);

  if (!getConfig().auth.localAccounts) {
    await audit("denied", { reason: "local-accounts-off" });
    return actionError(403, "Password sign-in is turned off; use single sign-on.");
  }
  const user = await store.users.findByUsername(username);
  // Single sign-on users have no password: their provider signs them in.
  const usable = user !== undefined && user.disabledAt === null && user.provider === null;
  const matches = usable
    ? await verifyPassword(input.password, user.passwordHash)
    : await verifyAgainstDummy(input.password);
  if (!usable || !matches) {
    await signInThrottle().recordFailure([keys.pair, keys.address, keys.account]);
    const reason = !user
      ? "unknown-user"
      : user.provider !== null
        ? "single-sign-on-user"
        : user.disabledAt !== null
          ? "user-disabled"
          : "wrong-password";
    await audit("failure", { reason });
    return actionError(401, WRONG_CREDENTIALS);
  }

  await signInThrottle().forget(keys.pair);
  // A session id planted before sign-in (fixation) must not survive it.
  const previousSessionId = await sessionIdFromCookie();
  const now = new Date();
  const session = await store.transaction(async (tx) => {
    if (previousSessionId) await tx.sessions.delete(previousSessionId);
    await tx.users.update(user.id, { lastSignInAt: now.toISOString() });
    await audit("success", { mustChangePassword: user.mustChangePassword }, tx);
    return createSession(tx, user.id, facts, now);
  });
  await setSessionCookie(session);
  await sweepExpiredSessions(store, now);
  return actionOk({ mustChangePassword: user.mustChangePassword });
}

/**
 * Ends the current session (if any) and clears the cookie; recorded when there was a session. Tells
 * whether the user came through single sign-on, whose provider may end its own session too.
 */
export async function signOut(): Promise<{ singleSignOn: boolean }> {
  const store = getStore();
  const sessionId = await sessionIdFromCookie();
  const session = sessionId ? await store.sessions.find(sessionId) : undefined;
  const user = session ? await store.users.findById(session.userId) : undefined;
  if (session) {
    const facts = await currentRequestFacts();
    await store.transaction(async (tx) => {
      await tx.sessions.delete(session.id);
      await appendAudit(
        tx,
        { actor: user ? `user:${user.username}` : "anonymous", action: "auth.sign-out", outcome: "success" },
        facts,
      );
    });
  }
  await dropSessionCookie();
  return { singleSignOn: user !== undefined && user.provider !== null };
}

/**
 * The signed-in user's own password. Checks the current one (throttled like sign-in), clears a
 * forced change, and ends every session of the user: this browser gets a fresh one, others sign in again.
 */
export async function changeOwnPassword(
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
): Promise<ActionResult<null>> {
  if (principal.kind !== "user") return actionError(403, "API tokens have no password to change.");
  const store = getStore();
  const facts = await currentRequestFacts();
  const target = `user:${principal.user.username}`;
  const audit = (outcome: "success" | "failure" | "denied", details?: Record<string, string>) =>
    appendAudit(
      store,
      { actor: principal.actor, action: "auth.change-password", target, outcome, details },
      facts,
    );

  // Signed in already, so no account-wide slow-down: only this pair and this address count.
  const { pair, address } = signInKeys(principal.user.username, facts.clientAddress);
  const keys = [pair, address];
  const retryAfterMs = await signInThrottle().retryAfterMs(keys);
  if (retryAfterMs > 0) {
    await audit("denied", { reason: "throttled" });
    return tooManyAttempts(retryAfterMs);
  }
  const user = await store.users.findById(principal.user.id);
  if (!user) return actionError(401, "Your account no longer exists.");
  if (user.provider !== null)
    return actionError(
      403,
      "You sign in through single sign-on; your password is kept by your identity provider.",
    );
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await signInThrottle().recordFailure(keys);
    await audit("failure", { reason: "wrong-password" });
    return actionError(400, "Your current password is not correct.", { currentPassword: ["Wrong password"] });
  }
  const checked = newPasswordSchema.safeParse(input.newPassword);
  if (!checked.success)
    return actionError(400, "Choose another new password.", {
      newPassword: checked.error.issues.map((issue) => issue.message),
    });
  if (input.newPassword === input.currentPassword)
    return actionError(400, "Choose another new password.", {
      newPassword: ["Choose a password different from the current one"],
    });

  const passwordHash = await hashPassword(input.newPassword);
  const session = await store.transaction(async (tx) => {
    await tx.users.update(user.id, { passwordHash, mustChangePassword: false });
    const ended = await tx.sessions.deleteForUser(user.id);
    await appendAudit(
      tx,
      {
        actor: principal.actor,
        action: "auth.change-password",
        target,
        outcome: "success",
        details: { sessionsEnded: ended },
      },
      facts,
    );
    return createSession(tx, user.id, facts);
  });
  await setSessionCookie(session);
  return actionOk(null);
}
