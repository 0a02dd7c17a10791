// Transactions on PostgreSQL: one pooled client runs BEGIN … COMMIT, and the store fn gets (`tx`)
// sends every statement through that client. As on SQLite (sqlite/transactions.ts):
//
// - transactions take turns, here across every replica: each holds a transaction-scoped advisory
//   lock, so a read-then-write in fn (the last admin, the next CRL number) sees no other
//   transaction's write in between, as under SQLite's BEGIN IMMEDIATE;
// - a call on the outer store from inside fn is refused: it would run on another connection and
//   could wait for fn's own locks for ever;
// - `tx.transaction` nests as a savepoint; once fn has settled, tx refuses further calls.
//
// Statements outside a transaction run at once on any pooled connection (autocommit).
import { AsyncLocalStorage } from "node:async_hooks";

import type { Pool } from "pg";

import type { Database } from "./connection";

/** Held by every store transaction until it ends. */
export const TRANSACTION_LOCK = "7106552002";

/** Runs fn with a Database inside one transaction (or a savepoint of the open one). */
export type TransactionRunner = <T>(fn: (db: Database) => Promise<T>) => Promise<T>;

interface OpenTransaction {
  open: boolean;
}

export class PostgresTransactions {
  private readonly context = new AsyncLocalStorage<OpenTransaction>();
  private savepoints = 0;

  constructor(
    private readonly pool: Pool,
    private readonly now: () => string,
  ) {}

  /** Throws when called from inside an open transaction's fn (see the top of this file). */
  refuseInsideTransaction(what: string): void {
    if (this.context.getStore()?.open)
      throw new Error(
        `${what} on the outer store inside store.transaction: use the store the transaction passes to its function`,
      );
  }

  /** BEGIN, the lock, fn on the client, COMMIT; ROLLBACK when fn rejects. */
  readonly run = async <T>(fn: (db: Database, nested: TransactionRunner) => Promise<T>): Promise<T> => {
    this.refuseInsideTransaction("store.transaction");
    const client = await this.pool.connect();
    const marker: OpenTransaction = { open: true };
    const db: Database = {
      now: this.now,
      query: (sql, values) =>
        marker.open
          ? client.query(sql, values as unknown[])
          : Promise.reject(new Error("the store transaction has ended: its store can no longer be used")),
    };
    let broken: Error | undefined;
    try {
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${TRANSACTION_LOCK})`);
      const result = await this.context.run(marker, () => fn(db, (inner) => this.savepoint(db, inner)));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      // A connection that cannot even roll back is dropped rather than reused.
      await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      marker.open = false;
      client.release(broken);
    }
  };

  private async savepoint<T>(db: Database, fn: (db: Database) => Promise<T>): Promise<T> {
    const name = `nested_${(this.savepoints += 1)}`;
    await db.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn(db);
      await db.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await db.query(`ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`);
      throw error;
    }
  }
}
