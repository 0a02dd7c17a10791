// A flood of refused requests through the real guards and sign-in into a real SQLite store: the
// audit trail grows by a bounded number of rows, and their counts add up to every refusal.
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { ConsoleStore } from "@/lib/server/store/types";

import { hashPassword } from "./password";
import { flushRefusals, REFUSAL_LIMITS, refusalLedger } from "./refusals";
import { guardedRoute } from "./route-guard";
import { SESSION_COOKIE } from "./session-cookie";
import { signIn } from "./sign-in";
import { harness, newRequest, resetProcessState } from "@/test/fixtures/auth-harness";

vi.mock("next/headers", async () => (await import("@/test/fixtures/auth-harness")).nextHeadersMock);
vi.mock("@/lib/server/config", async () => (await import("@/test/fixtures/auth-harness")).configMock);
vi.mock("@/lib/server/store", async (importActual) => {
  const { harness: shared } = await import("@/test/fixtures/auth-harness");
  return { ...(await importActual<typeof import("@/lib/server/store")>()), getStore: () => shared.store };
});

const FLOOD = 1_000;
const BOGUS_TOKEN = `kc_AAAAbogus123_${"x".repeat(43)}`;

let store: ConsoleStore;
const trail = async () => (await store.audit.query({ limit: 1_000 })).events;

beforeEach(async () => {
  const { openStore } = await vi.importActual<typeof import("@/lib/server/store")>("@/lib/server/store");
  store = harness.store = openStore(":memory:");
  resetProcessState();
  harness.request.cookies.clear();
});

const route = guardedRoute({ permission: "cluster.view" }, async () => Response.json({ ok: true }));
function send(method: string, headers: Record<string, string>) {
  newRequest(headers);
  return route(new Request("http://console.test/api/v1/clusters/local/status", { method, headers }), {
    params: Promise.resolve({}),
  });
}

/** The rows the flood added, once its window is closed; their counts must add up to the flood. */
async function closeWindowAndCount(action: string) {
  await flushRefusals();
  const rows = (await trail()).filter((event) => event.action === action);
  return { rows: rows.length, refusals: rows.reduce((sum, event) => sum + event.count, 0) };
}

describe("a flood of refusals from one client", () => {
  it("records 1,000 requests with a bogus bearer token as two rows counting 1,000", async () => {
    for (let request = 0; request < FLOOD; request++)
      expect((await send("GET", { authorization: `Bearer ${BOGUS_TOKEN}` })).status).toBe(401);
    // The first refusal is in the trail at once, before any window closes.
    expect(await trail()).toMatchObject([
      { action: "auth.token-rejected", count: 1, clientAddress: "127.0.0.1" },
    ]);
    expect(await closeWindowAndCount("auth.token-rejected")).toEqual({ rows: 2, refusals: FLOOD });
    const [summary] = await trail();
    expect(summary).toMatchObject({
      count: FLOOD - 1,
      target: "token:AAAAbogus123",
      details: { reason: "unknown-token", scheme: "bearer" },
      firstAt: expect.any(String),
      lastAt: expect.any(String),
    });
  });

  it("does the same for bogus session cookies and anonymous writes", async () => {
    for (let request = 0; request < FLOOD; request++) {
      harness.request.cookies.set(SESSION_COOKIE, "not-a-sealed-cookie");
      expect((await send("GET", {})).status).toBe(401);
      expect((await send("POST", {})).status).toBe(401);
    }
    expect(await closeWindowAndCount("auth.session-rejected")).toEqual({ rows: 2, refusals: FLOOD });
    expect(await closeWindowAndCount("access.denied")).toEqual({ rows: 2, refusals: FLOOD });
  });

  it("does the same for throttled sign-ins, and for the failures before the lock", async () => {
    const passwordHash = await hashPassword("alice-password-1");
    await store.users.create({ username: "alice", role: "viewer", passwordHash, mustChangePassword: false });
    newRequest();
    for (let attempt = 0; attempt < 6; attempt++) await signIn({ username: "alice", password: "wrong" });
    for (let attempt = 0; attempt < FLOOD; attempt++)
      expect(await signIn({ username: "alice", password: "wrong" })).toMatchObject({ status: 429 });
    await flushRefusals();
    const signIns = (await trail()).filter((event) => event.action === "auth.sign-in");
    const denied = signIns.filter((event) => event.outcome === "denied");
    const failed = signIns.filter((event) => event.outcome === "failure");
    expect(denied.map((event) => event.count).reduce((sum, count) => sum + count)).toBe(FLOOD);
    expect(failed.map((event) => event.count).reduce((sum, count) => sum + count)).toBe(6);
    expect(signIns.length).toBeLessThanOrEqual(4);
  });
});

describe("a flood from many sources", () => {
  it("keeps the rows and the tallies in memory bounded, folding extra sources in with their counts", async () => {
    for (let request = 0; request < FLOOD; request++) {
      const address = `198.51.${Math.floor(request / 256)}.${request % 256}`;
      await send("GET", { authorization: `Bearer ${BOGUS_TOKEN}`, "x-console-socket-address": address });
      expect(refusalLedger().size).toBeLessThanOrEqual(REFUSAL_LIMITS.maxTallies + 1);
    }
    const { rows, refusals } = await closeWindowAndCount("auth.token-rejected");
    expect(refusals).toBe(FLOOD);
    expect(rows).toBeLessThanOrEqual(REFUSAL_LIMITS.maxTallies + 2);
    expect((await trail())[0]).toMatchObject({
      clientAddress: null,
      count: FLOOD - REFUSAL_LIMITS.maxTallies - 1,
      details: { otherSources: true },
    });
  });
});
