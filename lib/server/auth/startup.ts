import "server-only";

import { startStore } from "@/lib/server/store";

import { ensureInitialAdmin } from "./initial-admin";
import { sessionKeys } from "./settings";

/**
 * At server start (instrumentation.ts): open the store, read or create the session secret, create
 * the first admin. A data directory that cannot be written fails the start, not the first sign-in.
 */
export async function prepareAuthAtStart(): Promise<void> {
  // Before anything calls getStore(): a store that connects first (PostgreSQL) is opened here.
  await startStore();
  sessionKeys();
  await ensureInitialAdmin();
}
