// Moving from SQLite to PostgreSQL (npm run store -- migrate): every row of the SQLite store, as it
// is, into an empty PostgreSQL store, in one transaction. Audit records keep their ids, times and
// order (the append-only triggers refuse UPDATE and DELETE, not INSERT); identity sequences move
// past the copied ids so new rows follow on.
import { existsSync } from "node:fs";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";

import type { PoolClient } from "pg";

import type { PostgresConnection } from "@/lib/schemas/store-config";

import { applyMigrations as applyPostgresMigrations } from "../postgres/migrations";
import { createPool } from "../postgres/pool";
import { applyMigrations as applySqliteMigrations } from "../sqlite/migrations";

interface CopiedTable {
  name: string;
  columns: string[];
  /** SQLite's 0/1 that PostgreSQL keeps as boolean. */
  booleans?: string[];
  /** An identity column whose sequence must continue after the copied ids. */
  identity?: string;
  /** The primary key: rows are copied in its order (audit records oldest first). */
  key: string;
}

// Parents before children (foreign keys). Not copied: schema_migrations (each store has its own)
// and leases (they name the processes working now; the replicas take them anew).
export const COPIED_TABLES: readonly CopiedTable[] = [
  {
    name: "users",
    key: "id",
    columns: [
      "id",
      "username",
      "role",
      "password_hash",
      "must_change_password",
      "created_at",
      "updated_at",
      "disabled_at",
      "last_sign_in_at",
      "provider",
      "subject",
    ],
    booleans: ["must_change_password"],
  },
  {
    name: "sessions",
    key: "id",
    columns: ["id", "user_id", "created_at", "last_seen_at", "expires_at", "client_address", "user_agent"],
  },
  {
    name: "api_tokens",
    key: "id",
    columns: [
      "id",
      "name",
      "role",
      "secret_hash",
      "created_by",
      "created_at",
      "expires_at",
      "revoked_at",
      "last_used_at",
    ],
  },
  {
    name: "audit_events",
    key: "id",
    columns: [
      "id",
      "at",
      "actor",
      "action",
      "target",
      "outcome",
      "client_address",
      "request_id",
      "details",
      "count",
      "first_at",
      "last_at",
    ],
    identity: "id",
  },
  {
    name: "certificate_authority",
    key: "role",
    columns: ["role", "certificate_pem", "encrypted_key", "created_at"],
  },
  {
    name: "certificates",
    key: "serial",
    columns: [
      "serial",
      "common_name",
      "subject",
      "sans",
      "key_algorithm",
      "server_auth",
      "source",
      "issued_by",
      "issued_at",
      "not_before",
      "not_after",
      "certificate_pem",
      "fingerprint",
      "revoked_at",
      "revocation_reason",
    ],
    booleans: ["server_auth"],
  },
  { name: "crl", key: "id", columns: ["id", "der", "this_update", "next_update"] },
  { name: "group_lag_series", key: "id", columns: ["id", "cluster", "group_id"], identity: "id" },
  {
    name: "group_lag_samples",
    key: "series_id, resolution, at",
    columns: [
      "series_id",
      "resolution",
      "at",
      "lag_last",
      "lag_max",
      "time_lag_last_ms",
      "time_lag_max_ms",
      "partitions",
    ],
  },
  { name: "throughput_series", key: "id", columns: ["id", "cluster", "topic"], identity: "id" },
  {
    name: "throughput_samples",
    key: "series_id, resolution, at",
    columns: [
      "series_id",
      "resolution",
      "at",
      "ms",
      "messages",
      "bytes",
      "peak_messages_per_second",
      "peak_bytes_per_second",
    ],
  },
  { name: "sign_in_failures", key: "key", columns: ["key", "failures", "last_failure_at"] },
];

/** Refused before anything is written; the message says what to do. */
export class MigrationRefusal extends Error {}

export interface TableCount {
  table: string;
  rows: number;
}

// PostgreSQL takes at most 65,535 parameters per statement.
const MAX_PARAMETERS = 60_000;

/** Copies the SQLite store at sqlitePath into the (empty) PostgreSQL database; returns rows per table. */
export async function copySqliteToPostgres(
  sqlitePath: string,
  target: PostgresConnection,
  at: string = new Date().toISOString(),
): Promise<TableCount[]> {
  if (!existsSync(sqlitePath)) throw new MigrationRefusal(`there is no SQLite store at ${sqlitePath}`);
  const source = new DatabaseSync(sqlitePath);
  const pool = createPool({ ...target, pool: { max: 1 } });
  try {
    // Brings an older file to this console's schema first, so both stores have the same columns.
    applySqliteMigrations(source, at);
    await applyPostgresMigrations(pool, at);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      // One snapshot of the file for the whole copy, even if a console still writes to it.
      source.exec("BEGIN");
      try {
        await refuseUnlessEmpty(client);
        const counts: TableCount[] = [];
        for (const table of COPIED_TABLES)
          counts.push({ table: table.name, rows: await copyTable(source, client, table) });
        await client.query("COMMIT");
        return counts;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        source.exec("COMMIT");
      }
    } finally {
      client.release();
    }
  } finally {
    source.close();
    await pool.end();
  }
}

async function refuseUnlessEmpty(client: PoolClient): Promise<void> {
  const held: string[] = [];
  for (const { name } of [...COPIED_TABLES, { name: "leases" }]) {
    const { rows } = await client.query(`SELECT count(*) AS n FROM ${name}`);
    const count = Number(rows[0]?.n ?? 0);
    if (count > 0) held.push(`${count} in ${name}`);
  }
  if (held.length > 0)
    throw new MigrationRefusal(
      `the PostgreSQL database holds a console's data already (${held.join(", ")}); migrate into an empty database`,
    );
}

function toPostgres(value: SQLInputValue | null, isBoolean: boolean): unknown {
  if (isBoolean) return value === 1n || value === 1;
  // 64-bit integers as text: PostgreSQL reads them exactly, a JavaScript number would not.
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value;
}

async function copyTable(source: DatabaseSync, client: PoolClient, table: CopiedTable): Promise<number> {
  const select = source.prepare(
    `SELECT ${table.columns.join(", ")} FROM ${table.name} ORDER BY ${table.key}`,
  );
  select.setReadBigInts(true);
  const booleans = new Set(table.booleans ?? []);
  const batchRows = Math.min(1000, Math.floor(MAX_PARAMETERS / table.columns.length));
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.flat();
    const tuples = batch.map(
      (_, row) =>
        `(${table.columns.map((__, column) => `$${row * table.columns.length + column + 1}`).join(", ")})`,
    );
    await client.query(
      `INSERT INTO ${table.name} (${table.columns.join(", ")}) VALUES ${tuples.join(", ")}`,
      values,
    );
    copied += batch.length;
    batch = [];
  };
  for (const row of select.iterate()) {
    batch.push(
      table.columns.map((column) => toPostgres(row[column] as SQLInputValue | null, booleans.has(column))),
    );
    if (batch.length >= batchRows) await flush();
  }
  await flush();
  if (table.identity)
    await client.query(
      `SELECT setval(pg_get_serial_sequence('${table.name}', '${table.identity}'), max(${table.identity}))
       FROM ${table.name} HAVING count(*) > 0`,
    );
  return copied;
}
