// The ConsoleStore on PostgreSQL, for several console replicas sharing one database: a pool sized by
// the configuration, migrations applied at open (once, under an advisory lock), the same tables and
// answers as the SQLite store.
import type { PostgresConnection } from "@/lib/schemas/store-config";

import type { ConsoleStore } from "../types";
import { createAuditStore } from "./audit";
import { createCertificateStore } from "./certificates";
import type { Database } from "./connection";
import { createLagHistoryStore } from "./lag-history";
import { createLeaseStore } from "./leases";
import { applyMigrations } from "./migrations";
import { createPool } from "./pool";
import { createSessionStore } from "./sessions";
import { createSignInThrottleStore } from "./throttle";
import { createThroughputStore } from "./throughput";
import { createApiTokenStore } from "./tokens";
import { PostgresTransactions, type TransactionRunner } from "./transactions";
import { createUserStore } from "./users";

export interface PostgresStoreOptions {
  connection: PostgresConnection;
  /** The store's clock for the timestamps it sets (createdAt, audit `at`); tests pass a fixed one. */
  clock?: () => Date;
}

type Tables = Omit<ConsoleStore, "transaction" | "ping" | "close">;

function createTables(db: Database, transaction: TransactionRunner): Tables {
  return {
    users: createUserStore(db),
    sessions: createSessionStore(db),
    tokens: createApiTokenStore(db),
    audit: createAuditStore(db),
    certificates: createCertificateStore(db),
    lagHistory: createLagHistoryStore(db, transaction),
    throughput: createThroughputStore(db, transaction),
    leases: createLeaseStore(db),
    throttle: createSignInThrottleStore(db),
  };
}

/** The store inside a transaction: every call on its client; transaction() nests as a savepoint. */
function transactionStore(db: Database, nested: TransactionRunner): ConsoleStore {
  const tx: ConsoleStore = {
    ...createTables(db, nested),
    transaction: (fn) => nested(() => fn(tx)),
    ping: async () => void (await db.query("SELECT 1")),
    close: () => Promise.reject(new Error("the store cannot be closed inside a transaction")),
  };
  return tx;
}

export async function openPostgresStore(options: PostgresStoreOptions): Promise<ConsoleStore> {
  const clock = options.clock ?? (() => new Date());
  const now = () => clock().toISOString();
  const pool = createPool(options.connection);
  try {
    await applyMigrations(pool, now());
  } catch (error) {
    await pool.end();
    throw error;
  }
  const transactions = new PostgresTransactions(pool, now);
  let closed = false;
  const outer: Database = {
    now,
    async query(sql, values) {
      // pg's own message after end ("Cannot use a pool after calling end") would not say why.
      if (closed) throw new Error("the console store is closed");
      transactions.refuseInsideTransaction("a store call");
      return pool.query(sql, values as unknown[]);
    },
  };
  return {
    ...createTables(outer, (fn) => transactions.run((db) => fn(db))),
    transaction: (fn) => transactions.run((db, nested) => fn(transactionStore(db, nested))),
    ping: async () => void (await outer.query("SELECT 1")),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: pool.options.max ?? 10,
    }),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
