import "server-only";

import { can } from "@/lib/permissions";
import { type Role, roleSchema } from "@/lib/schemas/auth";
import { actionError, actionOk, type ActionResult } from "@/lib/errors";
import { type ConsoleStore, getStore } from "@/lib/server/store";

import { appendAudit } from "./audit";
import { type Principal, type PublicApiToken, publicToken, tokenActor, userActor } from "./principal-types";
import { currentRequestFacts } from "./request-context";
import type { RequestFacts } from "./request-facts";
import { type CreatorStanding, creatorStanding } from "./token-creator";
import { formatToken, generateTokenSecret, hashTokenSecret } from "./token-credentials";

const DAY_MS = 86_400_000;

export async function listApiTokens(): Promise<PublicApiToken[]> {
  return (await getStore().tokens.list()).map(publicToken);
}

/** For the tokens page: whether each token's creator still stands behind it (token-creator.ts). */
export function apiTokenCreatorStanding(token: Pick<PublicApiToken, "createdBy">): Promise<CreatorStanding> {
  return creatorStanding(token.createdBy, getStore());
}

/** The full `kc_<id>_<secret>` value is returned once; the store keeps only the secret's SHA-256. */
export async function createApiToken(
  input: { name: string; role: Role; expiresInDays?: number },
  actor: Principal,
): Promise<ActionResult<{ token: PublicApiToken; secret: string }>> {
  if (!can(actor.role, "token.manage")) return actionError(403, "Only admins manage API tokens.");
  const name = input.name.trim();
  const days = input.expiresInDays;
  if (name === "" || name.length > 80)
    return actionError(400, "Name the token (at most 80 characters).", { name: ["Name the token"] });
  if (!roleSchema.safeParse(input.role).success)
    return actionError(400, "Choose viewer, operator or admin.", { role: ["Choose a role"] });
  if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 3650))
    return actionError(400, "Expiry is 1 to 3650 days, or none.", { expiresInDays: ["1 to 3650 days"] });

  const store = getStore();
  const facts = await currentRequestFacts();
  const secret = generateTokenSecret();
  const expiresAt = days === undefined ? null : new Date(Date.now() + days * DAY_MS).toISOString();
  const token = await store.transaction(async (tx) => {
    const created = await tx.tokens.create({
      name,
      role: input.role,
      secretHash: hashTokenSecret(secret),
      createdBy: actor.actor,
      expiresAt,
    });
    await appendAudit(
      tx,
      {
        actor: actor.actor,
        action: "token.create",
        target: tokenActor(created),
        outcome: "success",
        details: { role: created.role, expiresAt },
      },
      facts,
    );
    return created;
  });
  return actionOk({ token: publicToken(token), secret: formatToken({ id: token.id, secret }) });
}

export async function revokeApiToken(id: string, actor: Principal): Promise<ActionResult<PublicApiToken>> {
  if (!can(actor.role, "token.manage")) return actionError(403, "Only admins manage API tokens.");
  const store = getStore();
  const facts = await currentRequestFacts();
  return store.transaction(async (tx) => {
    const token = await tx.tokens.find(id);
    if (!token) return actionError(404, "There is no such API token.");
    if (token.revokedAt !== null) return actionOk(publicToken(token));
    const revoked = await tx.tokens.revoke(id, new Date().toISOString());
    if (!revoked) return actionError(404, "There is no such API token.");
    await appendAudit(
      tx,
      { actor: actor.actor, action: "token.revoke", target: tokenActor(token), outcome: "success" },
      facts,
    );
    return actionOk(publicToken(revoked));
  });
}

/**
 * Inside the transaction that deletes a user: revokes every live token they created, each with its
 * own "token.revoke" record, so the trail says why automation stopped. Returns how many.
 */
export async function revokeTokensCreatedBy(
  store: ConsoleStore,
  username: string,
  actor: Principal,
  facts: RequestFacts,
): Promise<number> {
  const now = new Date().toISOString();
  const theirs = (await store.tokens.list()).filter(
    (token) => token.createdBy === userActor(username) && token.revokedAt === null,
  );
  for (const token of theirs) {
    await store.tokens.revoke(token.id, now);
    await appendAudit(
      store,
      {
        actor: actor.actor,
        action: "token.revoke",
        target: tokenActor(token),
        outcome: "success",
        details: { reason: "creator-deleted", creator: userActor(username) },
      },
      facts,
    );
  }
  return theirs.length;
}
