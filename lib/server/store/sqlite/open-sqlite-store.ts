// The ConsoleStore on node:sqlite: one file, WAL journal, foreign keys on, migrations applied at open.
// Opening is synchronous (the default store needs nothing at start-up); calls are asynchronous
// views of node:sqlite's synchronous ones.
import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";

import type { ConsoleStore } from "../types";
import { createAuditStore } from "./audit";
import { createCertificateStore } from "./certificates";
import { type Connection, createConnection } from "./connection";
import { createLagHistoryStore } from "./lag-history";
import { createLeaseStore } from "./leases";
import { applyMigrations } from "./migrations";
import { createSessionStore } from "./sessions";
import { createSignInThrottleStore } from "./throttle";
import { createThroughputStore } from "./throughput";
import { createApiTokenStore } from "./tokens";
import type { Sync } from "./sync";
import { asyncStore, StoreMutex } from "./transactions";
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
    return createAsyncStore(db, createTables(db, connection));
  } catch (error) {
    db.close();
    throw error;
  }
}

type Tables = Omit<ConsoleStore, "transaction" | "ping" | "close">;
type SyncTables = { [Name in keyof Tables]: Sync<Tables[Name]> };

function createTables(db: DatabaseSync, connection: Connection): SyncTables {
  const transaction = <T>(fn: () => T) => runInTransaction(db, fn);
  return {
    users: createUserStore(connection),
    sessions: createSessionStore(connection),
    tokens: createApiTokenStore(connection),
    audit: createAuditStore(connection),
    certificates: createCertificateStore(connection),
    lagHistory: createLagHistoryStore(connection, transaction),
    throughput: createThroughputStore(connection, transaction),
    leases: createLeaseStore(connection),
    throttle: createSignInThrottleStore(connection),
  };
}

/** The tables' asynchronous views, each call let through by `gate`. */
function viewOf(tables: SyncTables, gate: <T>(call: () => T) => Promise<T>): Tables {
  return Object.fromEntries(
    Object.entries(tables).map(([name, table]) => [name, asyncStore(table, gate)]),
  ) as unknown as Tables;
}

/** The ConsoleStore over one connection; transactions take turns (see transactions.ts for why). */
function createAsyncStore(db: DatabaseSync, tables: SyncTables): ConsoleStore {
  const mutex = new StoreMutex();
  // Outside a transaction: at once when the connection is free, else after the transactions ahead.
  const outerGate = <T>(call: () => T) =>
    new Promise<T>((resolve) => {
      mutex.refuseInsideTransaction("a store call");
      resolve(mutex.busy ? mutex.exclusive(call) : call());
    });
  return {
    ...viewOf(tables, outerGate),
    transaction: (fn) =>
      new Promise((resolve) => {
        mutex.refuseInsideTransaction("store.transaction");
        resolve(mutex.exclusive(() => mutex.inTransaction(() => runAsyncTransaction(db, tables, fn))));
      }),
    ping: () => outerGate(() => void db.prepare("SELECT 1").get()),
    close: () => outerGate(() => void (db.isOpen && db.close())),
  };
}

let savepoints = 0;

/**
 * BEGIN IMMEDIATE (or, nested, a savepoint) … fn(tx) … COMMIT, ROLLBACK when fn rejects. The caller
 * holds the mutex; tx's calls run at once and are refused once the transaction has ended.
 */
async function runAsyncTransaction<T>(
  db: DatabaseSync,
  tables: SyncTables,
  fn: (tx: ConsoleStore) => Promise<T>,
): Promise<T> {
  const nested = db.isTransaction;
  const savepoint = `nested_${(savepoints += 1)}`;
  let open = true;
  const txGate = <R>(call: () => R) =>
    new Promise<R>((resolve) => {
      if (!open) throw new Error("the store transaction has ended: its store can no longer be used");
      resolve(call());
    });
  const tx: ConsoleStore = {
    ...viewOf(tables, txGate),
    transaction: (inner) => txGate(() => runAsyncTransaction(db, tables, inner)).then((result) => result),
    ping: () => txGate(() => void db.prepare("SELECT 1").get()),
    close: () => Promise.reject(new Error("the store cannot be closed inside a transaction")),
  };
  db.exec(nested ? `SAVEPOINT ${savepoint}` : "BEGIN IMMEDIATE");
  try {
    const result = await fn(tx);
    db.exec(nested ? `RELEASE ${savepoint}` : "COMMIT");
    return result;
  } catch (error) {
    // Some errors (a full disk, say) end the transaction inside SQLite already.
    if (db.isTransaction) db.exec(nested ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : "ROLLBACK");
    throw error;
  } finally {
    open = false;
  }
}

/** Synchronous BEGIN IMMEDIATE … COMMIT for the tables' own multi-statement writes; nests as a savepoint. */
function runInTransaction<T>(db: DatabaseSync, fn: () => T): T {
  const nested = db.isTransaction;
  const savepoint = `nested_${(savepoints += 1)}`;
  db.exec(nested ? `SAVEPOINT ${savepoint}` : "BEGIN IMMEDIATE");
  try {
    const result = fn();
    db.exec(nested ? `RELEASE ${savepoint}` : "COMMIT");
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec(nested ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : "ROLLBACK");
    throw error;
  }
}
