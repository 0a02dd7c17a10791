// An API token acts with its creator's authority, so it cannot outlive it: while the creator is
// disabled the token is refused (and works again once they are enabled: disabling is the
// undoable step), and deleting the creator revokes their tokens (users.ts). Otherwise disabling an
// admin who was let go would leave their automation, or whoever copied its token, an admin.
import type { ConsoleStore } from "@/lib/server/store/types";

export type CreatorStanding = "ok" | "disabled" | "deleted";

// A token made by a token (one can call the token actions) answers for the person at the chain's start.
const MAX_CHAIN = 8;

/**
 * From the token's `createdBy` actor: "user:<name>" must be an enabled user; "token:<id> (…)" is
 * followed to its own creator; anyone else ("system (cli)") stands. A user gone from the store
 * without the revocation (an older delete, the CLI) counts as deleted.
 */
export async function creatorStanding(
  createdBy: string,
  store: Pick<ConsoleStore, "users" | "tokens">,
): Promise<CreatorStanding> {
  let actor = createdBy;
  for (let step = 0; step < MAX_CHAIN; step++) {
    const username = /^user:(.+)$/.exec(actor)?.[1];
    if (username !== undefined) {
      const user = await store.users.findByUsername(username);
      if (!user) return "deleted";
      return user.disabledAt === null ? "ok" : "disabled";
    }
    const tokenId = /^token:(\S+)/.exec(actor)?.[1];
    if (tokenId === undefined) return "ok";
    const parent = await store.tokens.find(tokenId);
    if (!parent) return "deleted";
    actor = parent.createdBy;
  }
  return "deleted";
}

/** What the 401 says: past the secret check, so only to someone who holds the token. */
export const creatorRefusal: Record<Exclude<CreatorStanding, "ok">, string> = {
  disabled:
    "The token's creator is disabled, so the token is refused until an admin enables them again; or ask an admin for a new token.",
  deleted: "The token's creator no longer exists, so the token is refused; ask an admin for a new token.",
};
