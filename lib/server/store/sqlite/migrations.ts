// The store's schema as an ordered list of steps. A step, once released, never changes: a new
// column or table is a new step at the end. Each applied step is recorded in schema_migrations.
import type { DatabaseSync } from "node:sqlite";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "users, sessions, API tokens and the audit trail",
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
        password_hash TEXT NOT NULL,
        must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        disabled_at TEXT,
        last_sign_in_at TEXT
      ) STRICT;

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        client_address TEXT,
        user_agent TEXT
      ) STRICT;
      CREATE INDEX sessions_user_id ON sessions (user_id);
      CREATE INDEX sessions_expires_at ON sessions (expires_at);

      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
        secret_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        revoked_at TEXT,
        last_used_at TEXT
      ) STRICT;

      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
        client_address TEXT,
        request_id TEXT,
        details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details) AND json_type(details) = 'object')
      ) STRICT;
      CREATE INDEX audit_events_at ON audit_events (at);
      CREATE INDEX audit_events_actor ON audit_events (actor, id);
      CREATE INDEX audit_events_action ON audit_events (action, id);
      CREATE INDEX audit_events_target ON audit_events (target, id);
      CREATE INDEX audit_events_outcome ON audit_events (outcome, id);

      -- Append-only in the database itself, whatever code or tool opens the file.
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
    `,
  },
  {
    version: 2,
    name: "the certificate authority, issued certificates and the CRL",
    sql: `
      CREATE TABLE certificate_authority (
        role TEXT PRIMARY KEY CHECK (role IN ('root', 'intermediate')),
        certificate_pem TEXT NOT NULL,
        encrypted_key TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE certificates (
        serial TEXT PRIMARY KEY,
        common_name TEXT NOT NULL,
        subject TEXT NOT NULL,
        sans TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sans) AND json_type(sans) = 'array'),
        key_algorithm TEXT NOT NULL,
        server_auth INTEGER NOT NULL CHECK (server_auth IN (0, 1)),
        source TEXT NOT NULL CHECK (source IN ('generated', 'csr')),
        issued_by TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        certificate_pem TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        revoked_at TEXT,
        revocation_reason TEXT
      ) STRICT;
      CREATE INDEX certificates_issued ON certificates (issued_at DESC, serial DESC);
      CREATE INDEX certificates_common_name ON certificates (common_name COLLATE NOCASE);
      CREATE INDEX certificates_not_after ON certificates (not_after);
      CREATE INDEX certificates_revoked_at ON certificates (revoked_at) WHERE revoked_at IS NOT NULL;

      CREATE TABLE crl (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        der BLOB NOT NULL,
        this_update TEXT NOT NULL,
        next_update TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: "audit records that count repeated refusals",
    // A summary row stands for `count` events between first_at and last_at; the trail stays
    // append-only, so a count is never raised in place: a later summary row carries it.
    sql: `
      ALTER TABLE audit_events ADD COLUMN count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1);
      ALTER TABLE audit_events ADD COLUMN first_at TEXT;
      ALTER TABLE audit_events ADD COLUMN last_at TEXT;
    `,
  },
  {
    version: 4,
    name: "consumer groups' lag history and leases",
    // Plain SQL but for STRICT and WITHOUT ROWID (SQLite's storage options): a PostgreSQL store takes
    // the same tables, keys and upserts. Times are Unix seconds (samples) and milliseconds (leases),
    // compared as numbers. A series names a group once, so its many samples carry a small integer.
    sql: `
      CREATE TABLE group_lag_series (
        id INTEGER PRIMARY KEY,
        cluster TEXT NOT NULL,
        group_id TEXT NOT NULL,
        UNIQUE (cluster, group_id)
      ) STRICT;

      -- resolution: seconds per bucket, 0 for a single sample; at: the sample's time or the bucket's start.
      -- A bucket keeps its largest and its last total lag (and time lag); partitions: a sample's lag per
      -- partition as JSON, '{}' in buckets.
      CREATE TABLE group_lag_samples (
        series_id INTEGER NOT NULL REFERENCES group_lag_series (id) ON DELETE CASCADE,
        resolution INTEGER NOT NULL,
        at INTEGER NOT NULL,
        lag_last INTEGER NOT NULL,
        lag_max INTEGER NOT NULL,
        time_lag_last_ms INTEGER,
        time_lag_max_ms INTEGER,
        partitions TEXT NOT NULL,
        PRIMARY KEY (series_id, resolution, at)
      ) STRICT, WITHOUT ROWID;

      -- One holder at a time for work that must run once per deployment (the lag sampler).
      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: "users signed in through an OpenID provider",
    // provider is the issuer URL and subject its `sub`: together they name one person for good, while a
    // user name or email may change. Local accounts have neither.
    sql: `
      ALTER TABLE users ADD COLUMN provider TEXT;
      ALTER TABLE users ADD COLUMN subject TEXT;
      CREATE UNIQUE INDEX users_provider_subject ON users (provider, subject) WHERE provider IS NOT NULL;
    `,
  },
  {
    version: 6,
    name: "topics' throughput history",
    // Like the lag history: a series names (cluster, topic) once; topic '' is the cluster's total
    // (Kafka topic names are never empty). A row holds what was produced over ms milliseconds, so a
    // bucket adds its samples up and its mean rate is messages / ms. Rows only for topics that grew
    // (the cluster's row every round): an idle topic costs nothing.
    sql: `
      CREATE TABLE throughput_series (
        id INTEGER PRIMARY KEY,
        cluster TEXT NOT NULL,
        topic TEXT NOT NULL,
        UNIQUE (cluster, topic)
      ) STRICT;

      -- resolution: seconds per bucket, 0 for a single sample; at: the sample's time or the bucket's start.
      -- peak_*: the largest per-second rate of one sample in the bucket.
      CREATE TABLE throughput_samples (
        series_id INTEGER NOT NULL REFERENCES throughput_series (id) ON DELETE CASCADE,
        resolution INTEGER NOT NULL,
        at INTEGER NOT NULL,
        ms INTEGER NOT NULL,
        messages INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        peak_messages_per_second REAL NOT NULL,
        peak_bytes_per_second REAL NOT NULL,
        PRIMARY KEY (series_id, resolution, at)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    name: "sign-in failures per throttle key",
    // Was a map in each process's memory; in the store, replicas count together. Times in Unix ms.
    sql: `
      CREATE TABLE sign_in_failures (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX sign_in_failures_last_failure_at ON sign_in_failures (last_failure_at);
    `,
  },
];

/**
 * Applies the steps not yet recorded, all in one IMMEDIATE transaction, so two processes opening the
 * store at once (the server and `npm run user`) take turns and a failed step leaves nothing behind.
 */
export function applyMigrations(
  db: DatabaseSync,
  at: string,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    const row = db.prepare("SELECT max(version) AS version FROM schema_migrations").get();
    const current = typeof row?.version === "number" ? row.version : 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (current > latest)
      throw new Error(
        `the store's schema is version ${current}, newer than this console knows (${latest}); run a newer console or restore a backup`,
      );
    const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
    const applied: number[] = [];
    for (const migration of migrations.filter(({ version }) => version > current)) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, at);
      applied.push(migration.version);
    }
    db.exec("COMMIT");
    return applied;
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}
