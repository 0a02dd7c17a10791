// What every table module gets: something that runs a query (the pool, or a transaction's client)
// and the store's clock.
import type { QueryResultRow } from "pg";

import { StoreConflictError } from "../types";

export type Row = QueryResultRow;

export interface Database {
  /** Runs one statement with $1, $2… parameters. */
  query(sql: string, values?: readonly unknown[]): Promise<{ rows: Row[]; rowCount: number | null }>;
  /** ISO-8601 UTC, from the store's clock. */
  now(): string;
}

/** The first row, or undefined. */
export async function one(db: Database, sql: string, values?: readonly unknown[]): Promise<Row | undefined> {
  return (await db.query(sql, values)).rows[0];
}

/** Rows a write changed. */
export async function changed(db: Database, sql: string, values?: readonly unknown[]): Promise<number> {
  return (await db.query(sql, values)).rowCount ?? 0;
}

// PostgreSQL's SQLSTATE for a unique (or primary key) violation.
const UNIQUE_VIOLATION = "23505";

/**
 * An INSERT (given without ON CONFLICT or RETURNING) that answers the new row, or throws a
 * StoreConflictError with the caller's message when a unique key holds the values already. DO
 * NOTHING rather than catching the error: inside a transaction an error would abort it, while SQLite
 * lets the caller go on (draw another serial, say). A unique violation that gets through anyway
 * (SQLSTATE 23505) is a conflict too.
 */
export async function insertOrConflict(
  db: Database,
  conflictMessage: string,
  insert: string,
  values: readonly unknown[],
): Promise<Row> {
  let row: Row | undefined;
  try {
    row = await one(db, `${insert} ON CONFLICT DO NOTHING RETURNING *`, values);
  } catch (error) {
    if (isUniqueViolation(error)) throw new StoreConflictError(conflictMessage);
    throw error;
  }
  if (!row) throw new StoreConflictError(conflictMessage);
  return row;
}

export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Error && "code" in error && error.code === UNIQUE_VIOLATION;

// Rows come back as loosely typed values (bigint and numeric as strings: they may exceed a double;
// counts and ids fit one); the readers both stores share turn a column into the record's field.
export { nullableText, numeric, text } from "../rows";
