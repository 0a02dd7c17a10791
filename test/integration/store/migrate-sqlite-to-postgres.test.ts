// npm run store -- migrate: a real SQLite file with every kind of state, copied into a real
// PostgreSQL; the PostgreSQL store then answers every query as the SQLite one did.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { lagHistoryTiers } from "@/lib/lag-history/tiers";
import { openPostgresStore } from "@/lib/server/store/postgres/open-postgres-store";
import { openSqliteStore } from "@/lib/server/store/sqlite/open-sqlite-store";
import { CLUSTER_TOTAL } from "@/lib/server/store/throughput-types";
import type { ConsoleStore } from "@/lib/server/store/types";
import { manualClock } from "@/test/fixtures/sqlite-stores";
import { startTestPostgres, type TestPostgres } from "@/test/support/postgres";
import { testConnection } from "@/test/support/store-implementations";

import { runStoreCli } from "../../../scripts/store";

const tiers = lagHistoryTiers(7 * 86_400);
const T0 = 1_700_000_000 - (1_700_000_000 % 3600);
let postgres: TestPostgres;
let directory: string;
beforeAll(async () => {
  postgres = await startTestPostgres();
  directory = mkdtempSync(join(tmpdir(), "console-migrate-"));
});
afterAll(async () => {
  rmSync(directory, { recursive: true, force: true });
  await postgres?.stop();
});

async function filledSqliteStore(path: string): Promise<{ store: ConsoleStore; sessionId: string }> {
  const clock = manualClock();
  const store = openSqliteStore(path, { clock: clock.now });
  const alice = await store.users.create({
    username: "alice",
    role: "admin",
    passwordHash: "scrypt$a",
    mustChangePassword: true,
  });
  await store.users.create({
    username: "sam",
    role: "viewer",
    passwordHash: "!",
    mustChangePassword: false,
    provider: "https://id",
    subject: "s1",
  });
  const session = await store.sessions.create({
    userId: alice.id,
    createdAt: "c",
    lastSeenAt: "l",
    expiresAt: "e",
    clientAddress: "192.0.2.1",
    userAgent: "ua",
  });
  await store.tokens.create({
    name: "ci",
    role: "operator",
    secretHash: "h",
    createdBy: "user:alice",
    expiresAt: null,
  });
  for (let index = 0; index < 25; index += 1) {
    clock.advance(1000);
    await store.audit.append({
      actor: `user:${index}`,
      action: "auth.sign-in",
      outcome: index % 3 ? "success" : "failure",
      details: { index },
    });
  }
  await store.certificates.putAuthority({ role: "root", certificatePem: "root-pem", encryptedKey: null });
  await store.certificates.putAuthority({
    role: "intermediate",
    certificatePem: "int-pem",
    encryptedKey: "sealed",
  });
  await store.certificates.insert({
    serialNumber: "0abc",
    commonName: "svc",
    subject: "CN=svc",
    subjectAltNames: [{ type: "ip", value: "192.0.2.9" }],
    keyAlgorithm: "ec-p256",
    serverAuth: true,
    source: "csr",
    issuedBy: "user:alice",
    issuedAt: "2025-03-01T10:00:00.000Z",
    notBefore: "2025-03-01T10:00:00.000Z",
    notAfter: "2026-03-01T10:00:00.000Z",
    certificatePem: "pem",
    fingerprint: "AA:BB",
  });
  await store.certificates.revoke("0abc", "2025-03-02T00:00:00.000Z", "keyCompromise");
  await store.certificates.saveCrl({
    id: 1,
    der: Buffer.from([0x30, 0x01, 0xff]),
    thisUpdate: "t",
    nextUpdate: "n",
  });
  const huge = 2n ** 62n + 7n;
  await store.lagHistory.record(
    T0,
    [
      {
        cluster: "local",
        groupId: "g",
        totalLag: huge,
        timeLagMs: 5,
        partitions: [{ topic: "t", partition: 0, lag: 3n }],
      },
    ],
    tiers,
  );
  await store.throughput.record(
    T0,
    [
      { cluster: "local", topic: CLUSTER_TOTAL, ms: 30_000, messages: 90, bytes: 900 },
      { cluster: "local", topic: "orders", ms: 30_000, messages: 90, bytes: 900 },
    ],
    tiers,
  );
  await store.leases.acquire("sampler", "old-process", 0, 90_000);
  await store.throttle.hit("address:192.0.2.66", 1_000, 900_000);
  return { store, sessionId: session.id };
}

/** What the console reads from a store, for comparing two. */
async function everything(store: ConsoleStore) {
  const certificates = {
    now: "2025-03-05T00:00:00.000Z",
    expiringBefore: "2025-03-19T00:00:00.000Z",
    limit: 10,
  };
  return {
    users: await store.users.list(),
    sso: await store.users.findBySubject("https://id", "s1"),
    tokens: await store.tokens.list(),
    audit: await store.audit.query({ limit: 100 }),
    failures: await store.audit.query({ limit: 100, outcome: "failure" }),
    authorities: [
      await store.certificates.getAuthority("root"),
      await store.certificates.getAuthority("intermediate"),
    ],
    certificates: await store.certificates.query(certificates),
    revoked: await store.certificates.listRevoked(),
    crl: await store.certificates.latestCrl(),
    lag: await store.lagHistory.series("local", "g", 0, 0, { partitions: true }),
    lagHourly: await store.lagHistory.series("local", "g", 3600, 0),
    throughput: await store.throughput.series("local", "orders", 300, 0),
    topTopics: await store.throughput.topTopics("local", 0, 5),
    throttle: await store.throttle.counts(["address:192.0.2.66"]),
  };
}

describe("npm run store -- migrate", () => {
  it("copies a SQLite store into an empty PostgreSQL database, audit ids and order kept, and refuses a second time", async () => {
    const path = join(directory, "console.db");
    const { store: sqlite, sessionId } = await filledSqliteStore(path);
    const session = await sqlite.sessions.find(sessionId);
    const expected = await everything(sqlite);
    await sqlite.close();

    const url = await postgres.createDatabase();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line), env: {} };
    expect(await runStoreCli(["migrate", "--from", `sqlite:${path}`, "--to", `postgres:${url}`], io)).toBe(0);
    expect(err).toEqual([]);
    const report = out.join("\n");
    expect(report).not.toContain(postgres.password);
    expect(report).toMatch(/users\s+2\n/);
    expect(report).toMatch(/audit_events\s+25\n/);
    expect(report).toMatch(/certificates\s+1\n/);
    expect(report).toMatch(/group_lag_samples\s+3\n/);

    const target = await openPostgresStore({ connection: testConnection(url) });
    try {
      expect(await everything(target)).toEqual(expected);
      expect(await target.sessions.find(sessionId)).toEqual(session);
      expect(expected.audit.events.map(({ id }) => id)).toEqual(
        Array.from({ length: 25 }, (_, index) => 25 - index),
      );
      // New rows follow the copied ones; leases are not copied.
      expect(
        (await target.audit.append({ actor: "system", action: "store.migrate", outcome: "success" })).id,
      ).toBe(26);
      expect(await target.leases.holder("sampler")).toBeUndefined();
      expect(await target.certificates.nextCrlNumber()).toBe(2);
    } finally {
      await target.close();
    }

    out.length = 0;
    expect(await runStoreCli(["migrate", "--from", `sqlite:${path}`, "--to", `postgres:${url}`], io)).toBe(1);
    expect(err.join("\n")).toMatch(/holds a console's data already \(2 in users, .*26 in audit_events/);
  });

  it("refuses a missing file and a malformed command without touching the target", async () => {
    const url = await postgres.createDatabase();
    const err: string[] = [];
    const io = { out: () => {}, err: (line: string) => err.push(line), env: {} };
    expect(
      await runStoreCli(["migrate", "--from", `sqlite:${join(directory, "absent.db")}`, "--to", url], io),
    ).toBe(1);
    expect(err.pop()).toMatch(/there is no SQLite store at .*absent\.db/);
    expect(await runStoreCli(["migrate", "--from", "mysql:x", "--to", url], io)).toBe(2);
    expect(await runStoreCli(["migrate", "--from", "sqlite:x"], io)).toBe(2);
    expect(err.pop()).toMatch(/--to is missing/);
  });
});
