// The ConsoleStore on node:sqlite: one file, WAL journal, foreign keys on, migrations applied at open.
import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";

import type { ConsoleStore } from "../types";
import { createAuditStore } from "./audit";
import { createCertificateStore } from "./certificates";
import { createConnection } from "./connection";
import { createLagHistoryStore } from "./lag-history";
import { createLeaseStore } from "./leases";
import { applyMigrations } from "./migrations";
import { createSessionStore } from "./sessions";
import { createThroughputStore } from "./throughput";
import { createApiTokenStore } from "./tokens";
import { createUserStore } from "./users";

export interface SqliteStoreOptions {
  /** Waits this long for another process's write lock before failing with "database is locked". */
  busyTimeoutMs?: number;
  /** The store's clock for the timestamps it sets (createdAt, audit `at`); tests pass a fixed one. */
  clock?: () => Date;
}

const IN_MEMORY = ":memory:";

/** The file holds password hashes: create it (and its directory) readable by the console's user only. */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(path, "wx", 0o600));
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
  }
}

export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): ConsoleStore {
  if (path !== IN_MEMORY) createPrivately(path);
  const db = new DatabaseSync(path, { enableForeignKeyConstraints: true });
  try {
    db.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5_000)}`);
    // WAL: readers never wait for the writer. SQLite gives the -wal and -shm files the database's mode.
    const mode = db.prepare("PRAGMA journal_mode = WAL").get()?.journal_mode;
    if (mode !== "wal" && path !== IN_MEMORY)
      throw new Error(`the store could not switch to WAL mode (journal_mode is ${String(mode)})`);
    db.exec("PRAGMA foreign_keys = ON");
    const connection = createConnection(db, options.clock ?? (() => new Date()));
    applyMigrations(db, connection.now());
    return {
      users: createUserStore(connection),
      sessions: createSessionStore(connection),
      tokens: createApiTokenStore(connection),
      audit: createAuditStore(connection),
      certificates: createCertificateStore(connection),
      lagHistory: createLagHistoryStore(connection, (fn) => runInTransaction(db, fn)),
      throughput: createThroughputStore(connection, (fn) => runInTransaction(db, fn)),
      leases: createLeaseStore(connection),
      transaction: (fn) => runInTransaction(db, fn),
      ping() {
        db.prepare("SELECT 1").get();
      },
      close() {
        if (db.isOpen) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

let savepoints = 0;

/** BEGIN IMMEDIATE … COMMIT; inside another transaction, a savepoint, so calls nest. */
function runInTransaction<T>(db: DatabaseSync, fn: () => T): T {
  const nested = db.isTransaction;
  const savepoint = `nested_${(savepoints += 1)}`;
  db.exec(nested ? `SAVEPOINT ${savepoint}` : "BEGIN IMMEDIATE");
  try {
    const result = fn();
    // An async callback would commit before its awaits ran; the store's calls are synchronous.
    if (result instanceof Promise) {
      result.catch(() => {});
      throw new TypeError("store.transaction takes a synchronous function");
    }
    db.exec(nested ? `RELEASE ${savepoint}` : "COMMIT");
    return result;
  } catch (error) {
    // Some errors (a full disk, say) end the transaction inside SQLite already.
    if (db.isTransaction) db.exec(nested ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : "ROLLBACK");
    throw error;
  }
}
