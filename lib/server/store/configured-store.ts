// Which store the configuration names (server.store) and how to open it: SQLite at server.storePath
// by default, or a PostgreSQL database shared by several replicas.
import type { ServerSettings } from "@/lib/schemas/config";

import { openPostgresStore } from "./postgres/open-postgres-store";
import { openSqliteStore } from "./sqlite/open-sqlite-store";
import type { ConsoleStore } from "./types";

/** server.store may be absent in settings built by hand (tests, scripts): SQLite then. */
export type StoreServerSettings = Pick<ServerSettings, "storePath"> & Partial<Pick<ServerSettings, "store">>;

export interface OpenStoreOptions {
  /** The store's clock for the timestamps it sets; tests pass a fixed one. */
  clock?: () => Date;
}

/** Names the configured database, without secrets: the same key, the same store. */
export function storeKey(server: StoreServerSettings): string {
  const store = server.store;
  if (store?.kind !== "postgres") return server.storePath;
  const host = store.host.includes(":") ? `[${store.host}]` : store.host;
  return `postgres://${encodeURIComponent(store.user)}@${host}:${store.port}/${encodeURIComponent(store.database)}`;
}

/** True for SQLite, which opens synchronously; a server database connects and migrates first. */
export const opensSynchronously = (server: StoreServerSettings): boolean => server.store?.kind !== "postgres";

/** Opens the configured store and applies pending migrations (PostgreSQL: once across replicas). */
export async function openStoreFor(
  server: StoreServerSettings,
  options: OpenStoreOptions = {},
): Promise<ConsoleStore> {
  const store = server.store;
  if (store?.kind === "postgres") return openPostgresStore({ connection: store, ...options });
  return openSqliteStore(server.storePath, options);
}
