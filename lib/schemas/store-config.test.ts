import { describe, expect, it } from "vitest";

import { consoleConfigSchema, serverSettingsSchema } from "./config";
import type { ValueResolver } from "./config-values";
import { parsePostgresUrl, storeSettingsSchema } from "./store-config";

const CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUb3Jk\n-----END CERTIFICATE-----\n";
const PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEG\n-----END PRIVATE KEY-----\n";
const values: Record<string, string> = {
  "ca.pem": CERTIFICATE,
  "client.pem": CERTIFICATE,
  "client-key.pem": PRIVATE_KEY,
  PGPASSWORD: "s3cret-from-env",
  DATABASE_URL: "postgresql://console:p%40ss@db.example.com:6432/kafka_console?sslmode=verify-full",
};
const resolve: ValueResolver = (reference) => {
  const key = "file" in reference ? reference.file : reference.env;
  const value = values[key];
  return value === undefined ? { ok: false, message: `${key} is missing` } : { ok: true, value };
};
const schema = storeSettingsSchema(resolve);

function problemsOf(input: unknown) {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("storeSettingsSchema", () => {
  it("takes sqlite as it is", () => {
    expect(schema.parse({ kind: "sqlite" })).toEqual({ kind: "sqlite" });
  });

  it("takes host, port, database and user with a password and TLS from their sources", () => {
    expect(
      schema.parse({
        kind: "postgres",
        host: "db.example.com",
        database: "console",
        user: "console",
        password: { env: "PGPASSWORD" },
        tls: { ca: { file: "ca.pem" }, cert: { file: "client.pem" }, key: { file: "client-key.pem" } },
        pool: { max: "20" },
      }),
    ).toEqual({
      kind: "postgres",
      host: "db.example.com",
      port: 5432,
      database: "console",
      user: "console",
      password: "s3cret-from-env",
      tls: {
        ca: CERTIFICATE,
        cert: CERTIFICATE,
        key: PRIVATE_KEY,
        rejectUnauthorized: true,
        checkHostname: true,
      },
      pool: { max: 20 },
    });
  });

  it("takes a URL from the environment, its password decoded and its sslmode as TLS", () => {
    expect(schema.parse({ kind: "postgres", url: { env: "DATABASE_URL" } })).toEqual({
      kind: "postgres",
      host: "db.example.com",
      port: 6432,
      database: "kafka_console",
      user: "console",
      password: "p@ss",
      tls: { rejectUnauthorized: true, checkHostname: true },
      pool: { max: 10 },
    });
  });

  it("names what is missing or given twice, never echoing a URL", () => {
    expect(problemsOf({ kind: "postgres" })).toEqual(["url: give url, or host with database and user"]);
    expect(problemsOf({ kind: "postgres", host: "db", user: "u" })).toEqual([
      "database: is needed with host",
    ]);
    expect(
      problemsOf({ kind: "postgres", url: { env: "DATABASE_URL" }, host: "db", password: "x", tls: {} }),
    ).toEqual([
      "host: is part of url; give url or host, port, database and user",
      "password: url carries a password already",
      "tls: url's sslmode says how to use TLS already; give one of them",
    ]);
    expect(problemsOf({ kind: "postgres", url: "mysql://u:secret@h/db" })).toEqual([
      "url: the inline value must start with postgres:// or postgresql://; to read a file, write { file: path }",
    ]);
    expect(
      problemsOf({
        kind: "postgres",
        host: "h",
        database: "d",
        user: "u",
        tls: { cert: { file: "client.pem" } },
      }),
    ).toEqual(["tls.key: cert and key go together for client authentication"]);
    expect(problemsOf({ kind: "mysql" })).toEqual([
      "kind: expected { kind: sqlite } or { kind: postgres, url | host, … }",
    ]);
    expect(problemsOf({ kind: "postgres", host: "h", database: "d", user: "u", pool: { max: 0 } })).toEqual([
      "pool.max: must be at least 1",
    ]);
  });
});

describe("parsePostgresUrl", () => {
  it("reads the parts, IPv6 hosts and sslmodes, and refuses what the console does not read", () => {
    expect(parsePostgresUrl("postgres://u@[::1]/d")).toEqual({
      ok: true,
      parts: { host: "::1", port: 5432, database: "d", user: "u" },
    });
    expect(parsePostgresUrl("postgres://u@h/d?sslmode=require")).toMatchObject({
      parts: { tls: { rejectUnauthorized: false, checkHostname: false } },
    });
    expect(parsePostgresUrl("postgres://u@h/d?sslmode=disable")).toEqual({
      ok: true,
      parts: { host: "h", port: 5432, database: "d", user: "u" },
    });
    expect(parsePostgresUrl("postgres://u@h/d?sslmode=prefer")).toMatchObject({ ok: false });
    expect(parsePostgresUrl("postgres://u@h/d?application_name=x")).toEqual({
      ok: false,
      message: "has parameters the console does not read (application_name); only sslmode",
    });
    expect(parsePostgresUrl("postgres://h/d")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no user/),
    });
    expect(parsePostgresUrl("postgres://u:secret@h")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no database/),
    });
    expect(JSON.stringify(parsePostgresUrl("not a url secret"))).not.toContain("secret");
  });
});

describe("server.store", () => {
  const server = serverSettingsSchema(resolve, (...segments) => `/config/${segments.join("/")}`);
  const postgres = { kind: "postgres", host: "db", database: "console", user: "console" };

  it("is sqlite unless set", () => {
    expect(server.parse({}).store).toEqual({ kind: "sqlite" });
  });

  it("needs a configured session secret with postgres: replicas must seal cookies alike", () => {
    const result = server.safeParse({ store: postgres });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join("."))).toEqual([
      "sessionSecret",
    ]);
    expect(server.parse({ store: postgres, sessionSecret: "x".repeat(48) }).store).toMatchObject({
      kind: "postgres",
    });
  });
});

describe("a postgres store in the whole configuration", () => {
  const config = consoleConfigSchema(resolve, (...segments) => `/config/${segments.join("/")}`);
  const base = {
    clusters: [{ name: "local", bootstrapBrokers: ["127.0.0.1:9092"] }],
    server: {
      sessionSecret: "s".repeat(48),
      store: { kind: "postgres", host: "db", database: "console", user: "console" },
    },
  };

  it("needs ca.keyEncryptionKey: every replica unseals the CA's keys alike", () => {
    const result = config.safeParse(base);
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join("."))).toEqual([
      "ca.keyEncryptionKey",
    ]);
    expect(config.safeParse({ ...base, ca: { keyEncryptionKey: "k".repeat(48) } }).success).toBe(true);
  });
});
