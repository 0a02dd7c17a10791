import "server-only";

import { getStore, isStoreConflictError } from "@/lib/server/store";

import { hashPassword } from "./password";
import { randomPassword } from "./random-password";

export const INITIAL_ADMIN = "admin";

/**
 * First start with an empty store: create `admin` with a random password, printed once to the
 * log (the e2e suite reads this exact line) and stored only as a hash; it must be changed at first
 * sign-in. Later starts find users and do nothing.
 */
export async function ensureInitialAdmin(): Promise<void> {
  const store = getStore();
  if ((await store.users.count()) > 0) return;
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  const created = await store
    .transaction(async (tx) => {
      // Another process may have won the race between count() and here.
      if ((await tx.users.count()) > 0) return false;
      await tx.users.create({
        username: INITIAL_ADMIN,
        role: "admin",
        passwordHash,
        mustChangePassword: true,
      });
      await tx.audit.append({
        actor: "system",
        action: "user.create",
        target: `user:${INITIAL_ADMIN}`,
        outcome: "success",
        details: { role: "admin", initial: true },
      });
      return true;
    })
    // Replicas starting together on one database: the other's count() ran before this commit,
    // and "admin" already exists when this one creates it.
    .catch((error: unknown) => {
      if (isStoreConflictError(error)) return false;
      throw error;
    });
  if (created)
    process.stdout.write(
      `Created the first user "${INITIAL_ADMIN}" with password: ${password} (it must be changed at first sign-in)\n`,
    );
}
