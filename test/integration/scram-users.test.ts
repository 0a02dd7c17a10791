// SCRAM users through the console's functions against a real Kafka: a user created with a generated
// password signs in with kafkajs over the SASL_SSL listener with SCRAM-SHA-256 and SCRAM-SHA-512; after
// a password change the old one is refused and the new one accepted; deleting one mechanism keeps the
// other; after deletion the user is refused. No password reaches the audit trail.
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Principal } from "@/lib/server/auth";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";
import type { ScramMechanismName } from "@/lib/schemas/scram-users";

import { eventually, mtls } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";

const shared = vi.hoisted(() => ({ pool: undefined as ClusterPool | undefined, audit: [] as unknown[] }));

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));
vi.mock("@/lib/server/auth", () => ({
  recordAudit: async (event: unknown) => void shared.audit.push(event),
}));

const { deleteScramUser, listScramUsers, upsertScramUser } = await import("@/lib/server/kafka");

const ACTOR = { actor: "user:admin" } as Principal;
let broker: TestBroker;
let pool: ClusterPool;

/** Whether kafkajs signs in over SASL_SSL with these credentials (and reads metadata). */
async function signsIn(mechanism: ScramMechanismName, username: string, password: string): Promise<boolean> {
  const admin = new Kafka({
    clientId: "scram-users-test",
    brokers: [broker.saslBootstrap],
    ssl: { ca: [broker.ca], servername: "localhost" },
    sasl:
      mechanism === "SCRAM-SHA-256"
        ? { mechanism: "scram-sha-256", username, password }
        : { mechanism: "scram-sha-512", username, password },
    logLevel: logLevel.NOTHING,
    connectionTimeout: 5_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch (error) {
    // Whatever kafkajs says about a refused sign-in; anything else fails the test.
    if (/authentication failed|SASL|SCRAM/i.test(String((error as Error).message))) return false;
    throw error;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/** Credentials reach the broker through the metadata log: wait (≤ 15 s) until it answers as expected. */
const settles = (check: () => Promise<boolean>) => eventually(check, 15_000);

beforeAll(async () => {
  broker = await startTestBroker({ scramSha256: true });
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  shared.pool = pool;
});

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
});

describe.each(["SCRAM-SHA-256", "SCRAM-SHA-512"] as const)("a %s user", (mechanism) => {
  const user = `app-${mechanism.slice(-3)}`;

  it("signs in with the generated password, is listed, and after a change only the new password works", async () => {
    const created = await upsertScramUser(
      "local",
      { user, mechanism, iterations: 8192, password: undefined },
      ACTOR,
    );
    if (!created.ok) throw new Error(created.error);
    expect(created.data).toMatchObject({ user, mechanism, iterations: 8192, created: true });
    const first = created.data.generatedPassword!;
    expect(first).toMatch(/^[\w-]{32}$/);
    expect(await settles(() => signsIn(mechanism, user, first))).toBe(true);

    const listed = await listScramUsers("local");
    if (!listed.ok) throw new Error(listed.problem.title);
    expect(listed.data.find((found) => found.user === user)?.credentials).toEqual([
      { mechanism, iterations: 8192 },
    ]);

    const second = "a typed password, changed";
    const changed = await upsertScramUser(
      "local",
      { user, mechanism, iterations: 4096, password: second },
      ACTOR,
    );
    if (!changed.ok) throw new Error(changed.error);
    expect(changed.data).toMatchObject({ created: false, iterations: 4096 });
    expect(changed.data.generatedPassword).toBeUndefined();
    expect(await settles(async () => !(await signsIn(mechanism, user, first)))).toBe(true);
    expect(await signsIn(mechanism, user, second)).toBe(true);

    const deleted = await deleteScramUser("local", { user }, ACTOR);
    if (!deleted.ok) throw new Error(deleted.error);
    expect(deleted.data.deleted).toEqual([{ mechanism, iterations: 4096 }]);
    expect(await settles(async () => !(await signsIn(mechanism, user, second)))).toBe(true);

    const audited = JSON.stringify(shared.audit);
    expect(audited).not.toContain(first);
    expect(audited).not.toContain(second);
  });
});

describe("one user with both mechanisms", () => {
  it("loses only the mechanism deleted, and a missing one is 404 RESOURCE_NOT_FOUND", async () => {
    const password = "both mechanisms here";
    for (const mechanism of ["SCRAM-SHA-256", "SCRAM-SHA-512"] as const) {
      const result = await upsertScramUser(
        "local",
        { user: "dual", mechanism, iterations: 8192, password },
        ACTOR,
      );
      expect(result.ok).toBe(true);
    }
    const partly = await deleteScramUser("local", { user: "dual", mechanism: "SCRAM-SHA-256" }, ACTOR);
    if (!partly.ok) throw new Error(partly.error);
    expect(partly.data.remaining).toEqual([{ mechanism: "SCRAM-SHA-512", iterations: 8192 }]);
    expect(await settles(async () => !(await signsIn("SCRAM-SHA-256", "dual", password)))).toBe(true);
    expect(await signsIn("SCRAM-SHA-512", "dual", password)).toBe(true);

    const again = await deleteScramUser("local", { user: "dual", mechanism: "SCRAM-SHA-256" }, ACTOR);
    expect(again).toMatchObject({ ok: false, status: 404, code: "RESOURCE_NOT_FOUND" });
    const unknown = await deleteScramUser("local", { user: "nobody-here" }, ACTOR);
    expect(unknown).toMatchObject({ ok: false, status: 404 });
    expect(shared.audit).toContainEqual(
      expect.objectContaining({ action: "scramUser.delete", target: "dual", outcome: "success" }),
    );
    expect(JSON.stringify(shared.audit)).not.toContain(password);
  });
});
