import "server-only";

import { headers } from "next/headers";
import { cache } from "react";

import { getStore } from "@/lib/server/store";

import { recordAuditQuietly } from "./audit";
import { type Principal, publicToken, publicUser, tokenActor, userActor } from "./principal-types";
import { lookUpSession } from "./sessions";
import { creatorRefusal, creatorStanding } from "./token-creator";
import { type PresentedCredentials, readAuthorizationHeader, tokenSecretMatches } from "./token-credentials";

/** How the request tried to authenticate, for the guards' answers and audit records. */
export type Authentication =
  | { principal: Principal; via: "session" | "bearer" | "basic" }
  | { principal: null; via: "none" }
  /** Credentials were sent and refused (already recorded in the audit trail); `message` when the caller may know why. */
  | {
      principal: null;
      via: "rejected";
      scheme: "session" | "bearer" | "basic" | "other";
      message?: string;
    };

const TOKEN_TOUCH_INTERVAL_MS = 60_000;

/**
 * Once per request (React cache): an Authorization header decides alone, so a bad token is refused
 * even when a session cookie rides along; without one, the session cookie.
 */
export const authenticateRequest = cache(async (): Promise<Authentication> => {
  const presented = readAuthorizationHeader((await headers()).get("authorization"));
  if (presented.kind !== "none") return authenticateToken(presented);
  const session = await lookUpSession();
  if (session.kind === "none") return { principal: null, via: "none" };
  if (session.kind === "rejected") return { principal: null, via: "rejected", scheme: "session" };
  const { user } = session;
  return {
    via: "session",
    principal: {
      kind: "user",
      role: user.role,
      actor: userActor(user.username),
      user: publicUser(user),
      sessionId: session.session.id,
    },
  };
});

export async function getPrincipal(): Promise<Principal | null> {
  return (await authenticateRequest()).principal;
}

async function authenticateToken(
  presented: Exclude<PresentedCredentials, { kind: "none" }>,
): Promise<Authentication> {
  const reject = async (reason: string, target: string | null, message?: string) => {
    await recordAuditQuietly({
      actor: "anonymous",
      action: "auth.token-rejected",
      target,
      outcome: "failure",
      details: { reason, scheme: presented.scheme },
    });
    return { principal: null, via: "rejected", scheme: presented.scheme, message } as const;
  };
  if (presented.kind === "malformed") return reject("malformed", null);

  const { id, secret } = presented.credentials;
  const store = getStore();
  const token = await store.tokens.find(id);
  if (!token) return reject("unknown-token", `token:${id}`);
  const target = tokenActor(token);
  // The secret is checked first: what a token's state is stays private to those who hold it.
  if (!tokenSecretMatches(secret, token.secretHash)) return reject("wrong-secret", target);
  if (token.revokedAt !== null) return reject("revoked", target);
  const now = new Date();
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime())
    return reject("expired", target);
  const standing = await creatorStanding(token.createdBy, store);
  if (standing !== "ok") return reject(`creator-${standing}`, target, creatorRefusal[standing]);

  if (token.lastUsedAt === null || now.getTime() - Date.parse(token.lastUsedAt) >= TOKEN_TOUCH_INTERVAL_MS)
    await store.tokens.touch(token.id, now.toISOString());
  return {
    via: presented.scheme,
    principal: { kind: "token", role: token.role, actor: target, token: publicToken(token) },
  };
}
