import "server-only";

// The one module that owns the console's database. Everything else goes through ConsoleStore, which
// is SQLite (the default) or PostgreSQL (server.store, for several replicas): see configured-store.ts.
import { getConfig } from "@/lib/server/config";

import { openStoreFor, opensSynchronously, storeKey, type StoreServerSettings } from "./configured-store";
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

/** Opens (creating when absent) the SQLite store at path and applies pending migrations. For tests and benches. */
export function openStore(path: string, options?: SqliteStoreOptions): ConsoleStore {
  return openSqliteStore(path, options);
}

/** What identifies the configured store: a second open of the same one reuses it. */
function configuredKey(): string {
  return storeKey(getConfig().server);
}

/**
 * Opens the store the configuration names, not shared (the CLI; startStore for the server). Async
 * because a server database connects and migrates first; SQLite opens at once.
 */
export async function openConfiguredStore(
  server: StoreServerSettings = getConfig().server,
): Promise<ConsoleStore> {
  return openStoreFor(server);
}

/**
 * Opens the configured store for this process, once: the server calls it at start-up
 * (instrumentation.ts), before anything calls getStore().
 */
export async function startStore(): Promise<ConsoleStore> {
  const key = configuredKey();
  const slot = shared[STORE];
  if (slot?.path === key) return slot.store;
  await closeStore();
  const store = await openConfiguredStore();
  shared[STORE] = { path: key, store };
  closeOnExit();
  return store;
}

/**
 * The server's store, opened once per process. startStore() opens it at start-up; SQLite, which
 * opens synchronously, is also opened here on first use (tests, scripts), so the default needs
 * nothing. A store that must connect first (a server database) cannot be: getStore() throws until
 * startStore() has run.
 */
export function getStore(): ConsoleStore {
  const path = configuredKey();
  const slot = shared[STORE];
  if (slot?.path === path) return slot.store;
  const server = getConfig().server;
  if (!opensSynchronously(server))
    throw new Error("the console's PostgreSQL store is opened at start-up (startStore) and is not open yet");
  shared[STORE] = undefined;
  void slot?.store.close();
  const store = openStore(server.storePath);
  shared[STORE] = { path, store };
  closeOnExit();
  return store;
}

/** Closes the process-wide store (tests, shutdown); the next getStore() opens it again. */
export async function closeStore(): Promise<void> {
  const slot = shared[STORE];
  shared[STORE] = undefined;
  await slot?.store.close();
}

// Closing checkpoints the WAL into the database file; committed data is safe either way. At exit
// only synchronous work runs: SQLite's close starts at once when no transaction holds the store.
function closeOnExit(): void {
  if (shared[CLOSE_HOOKED]) return;
  shared[CLOSE_HOOKED] = true;
  process.once("exit", () => void closeStore());
}
