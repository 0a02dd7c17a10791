import "server-only";

// The one module that owns the console's database. Everything else goes through ConsoleStore, so
// a PostgreSQL implementation can take SQLite's place later.
import { getConfig } from "@/lib/server/config";

import { openSqliteStore, type SqliteStoreOptions } from "./sqlite/open-sqlite-store";
import type { ConsoleStore } from "./types";

export * from "./types";
export { newApiTokenId } from "./ids";
export type { SqliteStoreOptions as StoreOptions } from "./sqlite/open-sqlite-store";

const STORE = Symbol.for("kafka-console.store");
const CLOSE_HOOKED = Symbol.for("kafka-console.store.close-hooked");

interface StoreSlot {
  path: string;
  store: ConsoleStore;
}

// Next.js dev reloads modules on every change: the open database lives on globalThis so a reload
// reuses it instead of opening (and leaking) another connection.
type GlobalWithStore = typeof globalThis & { [STORE]?: StoreSlot; [CLOSE_HOOKED]?: boolean };
const shared = globalThis as GlobalWithStore;

/** Opens (creating when absent) the store at path and applies pending migrations. For tests and the CLI. */
export function openStore(path: string, options?: SqliteStoreOptions): ConsoleStore {
  return openSqliteStore(path, options);
}

/** The server's store at the configured server.storePath, opened once per process. */
export function getStore(): ConsoleStore {
  const path = getConfig().server.storePath;
  const slot = shared[STORE];
  if (slot?.path === path) return slot.store;
  slot?.store.close();
  shared[STORE] = undefined;
  const store = openStore(path);
  shared[STORE] = { path, store };
  closeOnExit();
  return store;
}

/** Closes the process-wide store (tests, shutdown); the next getStore() opens it again. */
export function closeStore(): void {
  const slot = shared[STORE];
  shared[STORE] = undefined;
  slot?.store.close();
}

// Closing checkpoints the WAL into the database file; committed data is safe either way.
function closeOnExit(): void {
  if (shared[CLOSE_HOOKED]) return;
  shared[CLOSE_HOOKED] = true;
  process.once("exit", closeStore);
}
