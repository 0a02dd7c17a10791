import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";

import { describe, expect, it } from "vitest";

import type { ConsoleStore } from "../types";
import { MIGRATIONS } from "./migrations";
import { openSqliteStore } from "./open-sqlite-store";
import { tempStores } from "@/test/fixtures/sqlite-stores";

const temp = tempStores();

describe("openSqliteStore", () => {
  it("creates the file and its directory privately, in WAL mode with foreign keys on", async () => {
    const { store, path } = temp.open();
    await store.users.count();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
    const db = new DatabaseSync(path);
    expect(db.prepare("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" });
    db.close();
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
  });

  it("applies each migration once and keeps the data when reopened", async () => {
    const { store, path } = temp.open();
    await store.users.create({
      username: "alice",
      role: "admin",
      passwordHash: "h",
      mustChangePassword: false,
    });
    await store.close();
    const reopened = temp.open(path).store;
    expect((await reopened.users.list()).map(({ username }) => username)).toEqual(["alice"]);
    await reopened.close();
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
    const event = await store.audit.append({
      actor: "system",
      action: "test.after-lock",
      outcome: "success",
    });
    expect(performance.now() - started).toBeGreaterThan(200);
    expect(event.id).toBe(2);
    expect(await exited).toBe(0);
  });

  it("refuses a store written by a newer console", async () => {
    const { store, path } = temp.open();
    await store.close();
    const db = new DatabaseSync(path);
    db.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)").run(999, "from the future", "2030-01-01");
    db.close();
    expect(() => openSqliteStore(path)).toThrow(/schema is version 999, newer than this console knows/);
  });
});

describe("store.transaction", () => {
  const alice = { username: "alice", role: "viewer", passwordHash: "h", mustChangePassword: false } as const;
  const names = async (store: ConsoleStore) => (await store.users.list()).map(({ username }) => username);

  it("commits, or rolls everything back when the function rejects", async () => {
    const { store } = temp.open();
    await expect(
      store.transaction(async (tx) => {
        await tx.users.create(alice);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await store.users.count()).toBe(0);
    const created = await store.transaction((tx) => tx.users.create(alice));
    expect((await store.users.findById(created.id))?.username).toBe("alice");
  });

  it("nests with savepoints: an inner failure undoes only the inner work", async () => {
    const { store } = temp.open();
    await store.transaction(async (tx) => {
      await tx.users.create(alice);
      await expect(
        tx.transaction(async (inner) => {
          await inner.users.create({ ...alice, username: "bob" });
          throw new Error("inner");
        }),
      ).rejects.toThrow("inner");
    });
    expect(await names(store)).toEqual(["alice"]);
  });

  it("keeps other calls out of an open transaction: they wait for its commit or rollback", async () => {
    const { store } = temp.open();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = store.transaction(async (tx) => {
      await tx.users.create(alice);
      await held;
      throw new Error("rolled back");
    });
    // Started while the transaction is open: neither sees its row nor lands in it.
    const seen = store.users.count();
    const written = store.users.create({ ...alice, username: "bob" });
    release();
    await expect(transaction).rejects.toThrow("rolled back");
    expect(await seen).toBe(0);
    await written;
    expect(await names(store)).toEqual(["bob"]);
  });

  it("runs transactions one at a time, in the order they were asked for", async () => {
    const { store } = temp.open();
    const order: string[] = [];
    await Promise.all(
      ["first", "second", "third"].map((name) =>
        store.transaction(async (tx) => {
          order.push(`${name} begins`);
          await tx.users.create({ ...alice, username: name });
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(`${name} ends`);
        }),
      ),
    );
    expect(order).toEqual([
      "first begins",
      "first ends",
      "second begins",
      "second ends",
      "third begins",
      "third ends",
    ]);
  });

  it("refuses the outer store inside the function, which would wait for the function itself", async () => {
    const { store } = temp.open();
    await expect(store.transaction(async () => store.users.count())).rejects.toThrow(
      /outer store inside store.transaction/,
    );
    await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(
      /outer store inside store.transaction/,
    );
    // Not a lasting state: after the transaction, the store answers again.
    expect(await store.users.count()).toBe(0);
  });

  it("refuses the transaction's store once the transaction has ended", async () => {
    const { store } = temp.open();
    let leaked: ConsoleStore | undefined;
    await store.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.users.count()).rejects.toThrow(/transaction has ended/);
  });
});
