// Several console replicas on one PostgreSQL database: started together they migrate once, and what
// one writes the others see; transactions take turns across them.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openStoreFor, storeKey } from "@/lib/server/store/configured-store";
import { applyMigrations, MIGRATIONS } from "@/lib/server/store/postgres/migrations";
import { openPostgresStore } from "@/lib/server/store/postgres/open-postgres-store";
import { createPool } from "@/lib/server/store/postgres/pool";
import type { ConsoleStore } from "@/lib/server/store/types";
import { startTestPostgres, type TestPostgres } from "@/test/support/postgres";
import { testConnection } from "@/test/support/store-implementations";

let postgres: TestPostgres;
const stores: ConsoleStore[] = [];
beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await postgres?.stop();
});

const openReplica = async (url: string) => {
  const store = await openPostgresStore({ connection: testConnection(url) });
  stores.push(store);
  return store;
};

async function appliedVersions(url: string): Promise<number[]> {
  const client = new pg.Client(testConnection(url));
  await client.connect();
  try {
    const { rows } = await client.query("SELECT version FROM schema_migrations ORDER BY version");
    return rows.map((row: { version: number }) => row.version);
  } finally {
    await client.end();
  }
}

describe("PostgreSQL store replicas", () => {
  it("started at the same moment on an empty database, migrate once and all open", async () => {
    const url = await postgres.createDatabase();
    const replicas = await Promise.all([openReplica(url), openReplica(url), openReplica(url)]);
    expect(replicas).toHaveLength(3);
    expect(await appliedVersions(url)).toEqual(MIGRATIONS.map(({ version }) => version));
  });

  it("is what server.store names, keyed without its password", async () => {
    const url = await postgres.createDatabase("configured");
    const server = {
      storePath: "/nowhere/console.db",
      store: { kind: "postgres" as const, ...testConnection(url) },
    };
    const store = await openStoreFor(server);
    stores.push(store);
    await expect(store.ping()).resolves.toBeUndefined();
    expect(storeKey(server)).toBe(`postgres://console@127.0.0.1:${postgres.port}/configured`);
  });

  it("take turns at the migration lock: one applies every step, the others none", async () => {
    const url = await postgres.createDatabase();
    const pools = [createPool(testConnection(url)), createPool(testConnection(url))];
    try {
      const applied = await Promise.all(
        pools.map((pool) => applyMigrations(pool, "2025-03-01T10:00:00.000Z")),
      );
      expect(applied.map((versions) => versions.length).sort()).toEqual([0, MIGRATIONS.length]);
      // A schema newer than this console knows is refused, not half-used.
      await expect(applyMigrations(pools[0]!, "now", MIGRATIONS.slice(0, 2))).rejects.toThrow(
        /newer than this console knows/,
      );
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it("see each other's writes: a session made on one is found, and ended, on the other", async () => {
    const url = await postgres.createDatabase();
    const [a, b] = await Promise.all([openReplica(url), openReplica(url)]);
    const alice = await a.users.create({
      username: "alice",
      role: "admin",
      passwordHash: "h",
      mustChangePassword: false,
    });
    const session = await a.sessions.create({
      userId: alice.id,
      createdAt: "2025-03-01T10:00:00.000Z",
      lastSeenAt: "2025-03-01T10:00:00.000Z",
      expiresAt: "2025-03-01T22:00:00.000Z",
      clientAddress: null,
      userAgent: null,
    });
    expect(await b.sessions.find(session.id)).toEqual(session);
    await b.sessions.delete(session.id);
    expect(await a.sessions.find(session.id)).toBeUndefined();
  });

  it("sign CRLs at once with distinct numbers: the transactions take turns", async () => {
    const url = await postgres.createDatabase();
    const [a, b] = await Promise.all([openReplica(url), openReplica(url)]);
    const sign = (replica: ConsoleStore, der: number) =>
      replica.transaction(async (tx) => {
        const id = await tx.certificates.nextCrlNumber();
        return (
          await tx.certificates.saveCrl({ id, der: Buffer.from([der]), thisUpdate: "t", nextUpdate: "n" })
        ).id;
      });
    const numbers = await Promise.all([1, 2, 3, 4, 5, 6].map((der) => sign(der % 2 ? a : b, der)));
    expect([...numbers].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await b.certificates.latestCrl())?.id).toBe(6);
  });

  it("append audit records from both, each with its own id", async () => {
    const url = await postgres.createDatabase();
    const [a, b] = await Promise.all([openReplica(url), openReplica(url)]);
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        (index % 2 ? a : b).audit.append({
          actor: `replica-${index % 2}`,
          action: "auth.sign-in",
          outcome: "success",
        }),
      ),
    );
    const { events } = await a.audit.query({ limit: 100 });
    expect(new Set(events.map(({ id }) => id)).size).toBe(40);
  });

  it("reports its pool for /metrics: open, idle and waiting connections against the maximum", async () => {
    const store = await openReplica(await postgres.createDatabase("pooled"));
    expect(store.poolStats?.()).toMatchObject({ max: 5, waiting: 0 });
    await Promise.all(Array.from({ length: 12 }, () => store.ping()));
    const stats = store.poolStats?.();
    expect(stats?.total).toBeGreaterThan(0);
    expect(stats?.total).toBeLessThanOrEqual(5);
    expect(stats?.idle).toBe(stats?.total);
  });
});
