import "server-only";

import { getStore } from "@/lib/server/store";

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
  if (store.users.count() > 0) return;
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  const created = store.transaction(() => {
    // Another process may have won the race between count() and here.
    if (store.users.count() > 0) return false;
    store.users.create({ username: INITIAL_ADMIN, role: "admin", passwordHash, mustChangePassword: true });
    store.audit.append({
      actor: "system",
      action: "user.create",
      target: `user:${INITIAL_ADMIN}`,
      outcome: "success",
      details: { role: "admin", initial: true },
    });
    return true;
  });
  if (created)
    process.stdout.write(
      `Created the first user "${INITIAL_ADMIN}" with password: ${password} (it must be changed at first sign-in)\n`,
    );
}
