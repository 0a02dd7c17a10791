// server.store in the configuration: SQLite in the data directory (the default, nothing to set) or a
// PostgreSQL database that several console replicas share. Secrets come from the usual value
// sources and are never echoed in messages.
import { z } from "zod";

import { flag, wholeNumber } from "./config-scalars";
import {
  certificateCheck,
  type ContentCheck,
  evenIfFieldsAreInvalid,
  privateKeyCheck,
  resolvedValueSchema,
  type ValueResolver,
} from "./config-values";

export const DEFAULT_POSTGRES_PORT = 5432;
export const DEFAULT_POSTGRES_POOL_MAX = 10;

export interface PostgresTls {
  ca?: string;
  cert?: string;
  key?: string;
  /** Refuse a server certificate the CA does not vouch for (default true). */
  rejectUnauthorized: boolean;
  /** False for sslmode=verify-ca: the chain is checked, the host name is not. */
  checkHostname: boolean;
}

/** Where the PostgreSQL store connects, secrets resolved. */
export interface PostgresConnection {
  /** A host name or address, or a directory holding the server's unix socket. */
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  tls?: PostgresTls;
  pool: { max: number };
}

export type StoreSettings = { kind: "sqlite" } | ({ kind: "postgres" } & PostgresConnection);

type UrlParts = Pick<PostgresConnection, "host" | "port" | "database" | "user" | "password" | "tls">;

const SSL_MODES: Record<string, PostgresTls | null> = {
  disable: null,
  // libpq's require encrypts without checking the certificate.
  require: { rejectUnauthorized: false, checkHostname: false },
  "verify-ca": { rejectUnauthorized: true, checkHostname: false },
  "verify-full": { rejectUnauthorized: true, checkHostname: true },
};

/**
 * postgres://user[:password]@host[:port]/database[?sslmode=…] as connection parts, or why it is not
 * one. Messages never repeat the URL: it may carry a password.
 */
export function parsePostgresUrl(
  value: string,
): { ok: true; parts: UrlParts } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return fail("is not a URL (e.g. postgres://console@db.example.com:5432/console)");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:")
    return fail("must start with postgres:// or postgresql://");
  if (!url.hostname) return fail("names no host");
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!database || database.includes("/")) return fail("names no database (…/database after the host)");
  if (!url.username) return fail("names no user (postgres://user@host/database)");
  const unknown = [...url.searchParams.keys()].filter((key) => key !== "sslmode");
  if (unknown.length > 0)
    return fail(`has parameters the console does not read (${unknown.join(", ")}); only sslmode`);
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode !== null && !(sslmode in SSL_MODES))
    return fail(
      "has an sslmode the console does not support; use disable, require, verify-ca or verify-full",
    );
  const tls = sslmode === null ? undefined : (SSL_MODES[sslmode] ?? undefined);
  return {
    ok: true,
    parts: {
      host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port ? Number(url.port) : DEFAULT_POSTGRES_PORT,
      database,
      user: decodeURIComponent(url.username),
      ...(url.password && { password: decodeURIComponent(url.password) }),
      ...(tls && { tls }),
    },
  };
}

const urlCheck: ContentCheck = (text) => {
  const parsed = parsePostgresUrl(text);
  return parsed.ok ? undefined : parsed.message;
};

function postgresSchema(resolve: ValueResolver) {
  const tls = z
    .strictObject({
      ca: resolvedValueSchema(resolve, certificateCheck).optional(),
      cert: resolvedValueSchema(resolve, certificateCheck).optional(),
      key: resolvedValueSchema(resolve, privateKeyCheck).optional(),
      rejectUnauthorized: flag.default(true),
    })
    .superRefine((value, ctx) => {
      if ((value.cert === undefined) === (value.key === undefined)) return;
      ctx.addIssue({
        code: "custom",
        path: [value.cert === undefined ? "cert" : "key"],
        message: "cert and key go together for client authentication",
      });
    }, evenIfFieldsAreInvalid);
  return z
    .strictObject({
      kind: z.literal("postgres"),
      // A value source, so a DATABASE_URL-style secret can come from the environment or a file.
      url: resolvedValueSchema(resolve, urlCheck).optional(),
      host: z.string().trim().min(1, "must not be empty").optional(),
      port: wholeNumber(1, 65535).optional(),
      database: z.string().min(1, "must not be empty").optional(),
      user: z.string().min(1, "must not be empty").optional(),
      password: resolvedValueSchema(resolve).optional(),
      tls: tls.optional(),
      pool: z.strictObject({ max: wholeNumber(1, 1000).default(DEFAULT_POSTGRES_POOL_MAX) }).prefault({}),
    })
    .superRefine((value, ctx) => {
      const problem = (path: string, message: string) =>
        ctx.addIssue({ code: "custom", path: [path], message });
      const hostFields = (["host", "port", "database", "user"] as const).filter(
        (key) => value[key] !== undefined,
      );
      if (value.url !== undefined) {
        for (const key of hostFields)
          problem(key, "is part of url; give url or host, port, database and user");
        const parts = parsePostgresUrl(value.url);
        if (!parts.ok) return;
        if (parts.parts.password !== undefined && value.password !== undefined)
          problem("password", "url carries a password already");
        if (parts.parts.tls !== undefined && value.tls !== undefined)
          problem("tls", "url's sslmode says how to use TLS already; give one of them");
        return;
      }
      if (value.host === undefined) {
        problem("url", "give url, or host with database and user");
        return;
      }
      if (value.database === undefined) problem("database", "is needed with host");
      if (value.user === undefined) problem("user", "is needed with host");
    }, evenIfFieldsAreInvalid)
    .transform(({ url, host, port, database, user, password, tls, pool }): StoreSettings => {
      const parts: UrlParts = url
        ? (parsePostgresUrl(url) as { ok: true; parts: UrlParts }).parts
        : { host: host!, port: port ?? DEFAULT_POSTGRES_PORT, database: database!, user: user! };
      const configuredTls: PostgresTls | undefined = tls && {
        ...(tls.ca !== undefined && { ca: tls.ca }),
        ...(tls.cert !== undefined && { cert: tls.cert, key: tls.key }),
        rejectUnauthorized: tls.rejectUnauthorized,
        checkHostname: tls.rejectUnauthorized,
      };
      const resolvedPassword = parts.password ?? password;
      const resolvedTls = parts.tls ?? configuredTls;
      return {
        kind: "postgres",
        host: parts.host,
        port: parts.port,
        database: parts.database,
        user: parts.user,
        ...(resolvedPassword !== undefined && { password: resolvedPassword }),
        ...(resolvedTls && { tls: resolvedTls }),
        pool,
      };
    });
}

/** server.store: `{ kind: sqlite }` (the default) or `{ kind: postgres, … }`. */
export function storeSettingsSchema(resolve: ValueResolver) {
  return z.discriminatedUnion(
    "kind",
    [z.strictObject({ kind: z.literal("sqlite") }), postgresSchema(resolve)],
    {
      error: "expected { kind: sqlite } or { kind: postgres, url | host, … }",
    },
  );
}
