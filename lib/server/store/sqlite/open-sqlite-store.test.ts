import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";

import { describe, expect, it } from "vitest";

import { MIGRATIONS } from "./migrations";
import { openSqliteStore } from "./open-sqlite-store";
import { tempStores } from "@/test/fixtures/sqlite-stores";

const temp = tempStores();

describe("openSqliteStore", () => {
  it("creates the file and its directory privately, in WAL mode with foreign keys on", () => {
    const { store, path } = temp.open();
    store.users.count();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
    const db = new DatabaseSync(path);
    expect(db.prepare("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" });
    db.close();
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
  });

  it("applies each migration once and keeps the data when reopened", () => {
    const { store, path } = temp.open();
    store.users.create({ username: "alice", role: "admin", passwordHash: "h", mustChangePassword: false });
    store.close();
    const reopened = temp.open(path).store;
    expect(reopened.users.list().map(({ username }) => username)).toEqual(["alice"]);
    reopened.close();
    const db = new DatabaseSync(path);
    expect(db.prepare("SELECT version FROM schema_migrations ORDER BY version").all()).toEqual(
      MIGRATIONS.map(({ version }) => ({ version })),
    );
    db.close();
  });

  it("waits for another process's write lock (the server and npm run user share the file)", async () => {
    const { store, path } = temp.open();
    // Another process takes the write lock, holds it for a moment, then commits one event.
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require("node:sqlite").DatabaseSync)(process.argv[1]);
         db.exec("BEGIN IMMEDIATE");
         db.exec("INSERT INTO audit_events (at, actor, action, outcome) VALUES ('2025-03-01T09:00:00.000Z', 'other', 'other.write', 'success')");
         process.stdout.write("locked\\n");
         setTimeout(() => { db.exec("COMMIT"); db.close(); }, 400);`,
        path,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = new Promise((resolve) => holder.once("exit", resolve));
    await new Promise((resolve) => holder.stdout.once("data", resolve));
    const started = performance.now();
    const event = store.audit.append({ actor: "system", action: "test.after-lock", outcome: "success" });
    expect(performance.now() - started).toBeGreaterThan(200);
    expect(event.id).toBe(2);
    expect(await exited).toBe(0);
  });

  it("refuses a store written by a newer console", () => {
    const { store, path } = temp.open();
    store.close();
    const db = new DatabaseSync(path);
    db.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)").run(999, "from the future", "2030-01-01");
    db.close();
    expect(() => openSqliteStore(path)).toThrow(/schema is version 999, newer than this console knows/);
  });
});

describe("store.transaction", () => {
  const alice = { username: "alice", role: "viewer", passwordHash: "h", mustChangePassword: false } as const;

  it("commits, or rolls everything back when the function throws", () => {
    const { store } = temp.open();
    expect(() =>
      store.transaction(() => {
        store.users.create(alice);
        throw new Error("changed my mind");
      }),
    ).toThrow("changed my mind");
    expect(store.users.count()).toBe(0);
    const created = store.transaction(() => store.users.create(alice));
    expect(store.users.findById(created.id)?.username).toBe("alice");
  });

  it("nests with savepoints: an inner failure undoes only the inner work", () => {
    const { store } = temp.open();
    store.transaction(() => {
      store.users.create(alice);
      expect(() =>
        store.transaction(() => {
          store.users.create({ ...alice, username: "bob" });
          throw new Error("inner");
        }),
      ).toThrow("inner");
    });
    expect(store.users.list().map(({ username }) => username)).toEqual(["alice"]);
  });

  it("refuses an async function instead of committing before its awaits", () => {
    const { store } = temp.open();
    expect(() =>
      store.transaction(async () => {
        store.users.create(alice);
      }),
    ).toThrow(/synchronous/);
    expect(store.users.count()).toBe(0);
  });
});
