// The store's two implementations, opened the same way for the behavioural suite
// (test/integration/store/*): SQLite on a file in a temp dir, PostgreSQL on a fresh database of one
// throwaway cluster per test file. `raw` runs SQL past the store, as another tool would.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

import pg from "pg";
import { afterAll } from "vitest";

import { parsePostgresUrl } from "@/lib/schemas/store-config";
import { openPostgresStore } from "@/lib/server/store/postgres/open-postgres-store";
import { openSqliteStore } from "@/lib/server/store/sqlite/open-sqlite-store";
import type { ConsoleStore } from "@/lib/server/store/types";
import { manualClock } from "@/test/fixtures/sqlite-stores";

import { startTestPostgres, type TestPostgres } from "./postgres";

export type ManualClock = ReturnType<typeof manualClock>;

export interface StoreUnderTest {
  store: ConsoleStore;
  clock: ManualClock;
  /** Another store on the same database: a second replica (PostgreSQL) or process (SQLite). */
  openAnother(): Promise<ConsoleStore>;
  /** Runs SQL on the database directly, not through the store. */
  raw(sql: string): Promise<void>;
}

export interface StoreImplementation {
  name: "sqlite" | "postgres";
  open(): Promise<StoreUnderTest>;
}

/** A PostgreSQL connection for a test database's URL. */
export function testConnection(url: string, poolMax = 5) {
  const parsed = parsePostgresUrl(url);
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...parsed.parts, pool: { max: poolMax } };
}

/** Registers cleanup for the calling test file. */
export function storeImplementations(): StoreImplementation[] {
  const stores: ConsoleStore[] = [];
  const directories: string[] = [];
  let postgres: Promise<TestPostgres> | undefined;
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close().catch(() => {})));
    directories.forEach((directory) => rmSync(directory, { recursive: true, force: true }));
    await (await postgres)?.stop();
  });
  const keep = (store: ConsoleStore) => {
    stores.push(store);
    return store;
  };

  const sqlite: StoreImplementation = {
    name: "sqlite",
    async open() {
      const directory = mkdtempSync(join(tmpdir(), "console-store-"));
      directories.push(directory);
      const path = join(directory, "console.db");
      const clock = manualClock();
      return {
        store: keep(openSqliteStore(path, { clock: clock.now })),
        clock,
        openAnother: async () => keep(openSqliteStore(path, { clock: clock.now })),
        async raw(sql) {
          const db = new DatabaseSync(path);
          try {
            db.exec(sql);
          } finally {
            db.close();
          }
        },
      };
    },
  };

  const postgresImplementation: StoreImplementation = {
    name: "postgres",
    async open() {
      postgres ??= startTestPostgres();
      const url = await (await postgres).createDatabase();
      const clock = manualClock();
      const open = async () =>
        keep(await openPostgresStore({ connection: testConnection(url), clock: clock.now }));
      return {
        store: await open(),
        clock,
        openAnother: open,
        async raw(sql) {
          const client = new pg.Client({ ...testConnection(url) });
          await client.connect();
          try {
            await client.query(sql);
          } finally {
            await client.end();
          }
        },
      };
    },
  };

  return [sqlite, postgresImplementation];
}
