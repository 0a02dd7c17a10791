// What every table module gets: the open database, a cache of prepared statements and the clock.
import type { DatabaseSync, SQLOutputValue, StatementSync } from "node:sqlite";

import { StoreConflictError } from "../types";

export interface Connection {
  db: DatabaseSync;
  /** The prepared statement for this SQL text, compiled once per connection. */
  statement(sql: string): StatementSync;
  /** ISO-8601 UTC, from the store's clock. */
  now(): string;
}

export type Row = Record<string, SQLOutputValue>;

export function createConnection(db: DatabaseSync, clock: () => Date): Connection {
  const statements = new Map<string, StatementSync>();
  return {
    db,
    statement(sql) {
      // SQLite's own message after close ("statement has been finalized") would not say why.
      if (!db.isOpen) throw new Error("the console store is closed");
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    now: () => clock().toISOString(),
  };
}

// SQLite's extended result codes for UNIQUE and PRIMARY KEY violations.
const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;

/** Runs a write; a unique violation becomes a StoreConflictError with the caller's message. */
export function withConflict<T>(conflictMessage: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = error instanceof Error && "errcode" in error ? error.errcode : undefined;
    if (code === SQLITE_CONSTRAINT_UNIQUE || code === SQLITE_CONSTRAINT_PRIMARYKEY)
      throw new StoreConflictError(conflictMessage);
    throw error;
  }
}

// Rows come back as loosely typed values; the readers both stores share turn a column into the
// record's field.
export { flag, nullableText, text } from "../rows";
