import { beforeEach, describe, expect, it, vi } from "vitest";

import type { ConsoleStore } from "@/lib/server/store/types";

import { hashPassword } from "./password";
import { getPrincipal } from "./principal";
import { SESSION_COOKIE } from "./session-cookie";
import { changeOwnPassword, signIn, signOut, WRONG_CREDENTIALS } from "./sign-in";
import { harness, newRequest, resetProcessState } from "@/test/fixtures/auth-harness";

vi.mock("next/headers", async () => (await import("@/test/fixtures/auth-harness")).nextHeadersMock);
vi.mock("@/lib/server/config", async () => (await import("@/test/fixtures/auth-harness")).configMock);
vi.mock("@/lib/server/store", async (importActual) => {
  const { harness: shared } = await import("@/test/fixtures/auth-harness");
  return { ...(await importActual<typeof import("@/lib/server/store")>()), getStore: () => shared.store };
});

let store: ConsoleStore;
const events = async (action: string) => (await store.audit.query({ action, limit: 50 })).events;

beforeEach(async () => {
  const { openStore } = await vi.importActual<typeof import("@/lib/server/store")>("@/lib/server/store");
  store = harness.store = openStore(":memory:");
  resetProcessState();
  harness.request.cookies.clear();
  newRequest();
  const passwordHash = await hashPassword("alice-password-1");
  await store.users.create({ username: "alice", role: "operator", passwordHash, mustChangePassword: false });
  await store.users.create({ username: "dora", role: "viewer", passwordHash, mustChangePassword: false });
  await store.users.update((await store.users.findByUsername("dora"))!.id, {
    disabledAt: new Date().toISOString(),
  });
});

describe("signIn", () => {
  it("answers unknown user, disabled user and wrong password alike, and records each with its reason", async () => {
    for (const [username, password] of [
      ["alice", "wrong"] as const,
      ["nobody", "alice-password-1"],
      ["dora", "alice-password-1"],
    ]) {
      expect(await signIn({ username, password })).toEqual({
        ok: false,
        status: 401,
        error: WRONG_CREDENTIALS,
      });
    }
    expect(harness.request.cookies.has(SESSION_COOKIE)).toBe(false);
    const failures = await events("auth.sign-in");
    expect(failures.map((event) => [event.target, event.outcome, event.details.reason])).toEqual([
      ["user:dora", "failure", "user-disabled"],
      ["user:nobody", "failure", "unknown-user"],
      ["user:alice", "failure", "wrong-password"],
    ]);
    expect(
      failures.every((event) => event.clientAddress === "127.0.0.1" && event.requestId === "req-test-1"),
    ).toBe(true);
    expect(JSON.stringify(failures)).not.toContain("alice-password-1");
  });

  it("creates a session, sets the cookie and records the sign-in", async () => {
    expect(await signIn({ username: " Alice ", password: "alice-password-1" })).toEqual({
      ok: true,
      data: { mustChangePassword: false },
    });
    expect(harness.request.cookies.get(SESSION_COOKIE)).toMatch(/^[A-Za-z0-9_-]{60,}$/);
    expect((await store.users.findByUsername("alice"))?.lastSignInAt).not.toBeNull();
    expect((await events("auth.sign-in"))[0]).toMatchObject({ actor: "user:alice", outcome: "success" });

    newRequest();
    expect(await getPrincipal()).toMatchObject({ kind: "user", role: "operator", actor: "user:alice" });
  });

  it("holds an account at one address after five failures, refusing even the right password without checking it", async () => {
    for (let attempt = 0; attempt < 6; attempt++) await signIn({ username: "alice", password: "wrong" });
    const locked = await signIn({ username: "alice", password: "alice-password-1" });
    expect(locked).toMatchObject({ ok: false, status: 429 });
    expect(locked.ok || locked.error).toMatch(/^Too many sign-in attempts; try again in \d+ seconds?$/);
    expect((await events("auth.sign-in"))[0]).toMatchObject({
      outcome: "denied",
      details: { reason: "throttled" },
    });
  });

  it("keeps the owner's address open while an attacker elsewhere guesses the password", async () => {
    newRequest({ "x-console-socket-address": "203.0.113.66" });
    for (let attempt = 0; attempt < 20; attempt++) await signIn({ username: "alice", password: "wrong" });
    expect(await signIn({ username: "alice", password: "alice-password-1" })).toMatchObject({ status: 429 });

    newRequest();
    expect(await signIn({ username: "alice", password: "alice-password-1" })).toMatchObject({ ok: true });
  });

  it("replaces a session planted before sign-in", async () => {
    await signIn({ username: "alice", password: "alice-password-1" });
    const planted = (await getPrincipal()) as { sessionId: string };
    newRequest();
    await signIn({ username: "alice", password: "alice-password-1" });
    expect(await store.sessions.find(planted.sessionId)).toBeUndefined();
  });
});

describe("the session cookie", () => {
  async function signedIn() {
    await signIn({ username: "alice", password: "alice-password-1" });
    newRequest();
    return (await getPrincipal()) as { sessionId: string };
  }

  it("is refused when forged, recorded once, and cleared", async () => {
    await signedIn();
    const cookie = harness.request.cookies.get(SESSION_COOKIE)!;
    harness.request.cookies.set(SESSION_COOKIE, `${cookie.slice(0, -4)}AAAA`);
    expect(await getPrincipal()).toBeNull();
    expect((await events("auth.session-rejected"))[0]).toMatchObject({
      actor: "anonymous",
      details: { reason: "forged" },
    });
    expect(harness.request.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it("ends after the idle time, deleting the session", async () => {
    const { sessionId } = await signedIn();
    await store.sessions.touch(sessionId, new Date(Date.now() - 31 * 60_000).toISOString());
    expect(await getPrincipal()).toBeNull();
    expect(await store.sessions.find(sessionId)).toBeUndefined();
    expect((await events("auth.session-expired"))[0]).toMatchObject({
      actor: "user:alice",
      details: { reason: "idle" },
    });
  });

  it("ends when the user is disabled", async () => {
    const { sessionId } = await signedIn();
    await store.users.update((await store.users.findByUsername("alice"))!.id, {
      disabledAt: new Date().toISOString(),
    });
    expect(await getPrincipal()).toBeNull();
    expect(await store.sessions.find(sessionId)).toBeUndefined();
  });

  it("is worthless after sign-out", async () => {
    await signedIn();
    const cookie = harness.request.cookies.get(SESSION_COOKIE)!;
    await signOut();
    expect(harness.request.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await events("auth.sign-out"))[0]).toMatchObject({ actor: "user:alice", outcome: "success" });
    harness.request.cookies.set(SESSION_COOKIE, cookie);
    expect(await getPrincipal()).toBeNull();
  });
});

describe("changeOwnPassword", () => {
  it("checks the current password, then ends every other session and keeps this browser signed in", async () => {
    await signIn({ username: "alice", password: "alice-password-1" });
    const otherBrowser = harness.request.cookies.get(SESSION_COOKIE)!;
    newRequest();
    await signIn({ username: "alice", password: "alice-password-1" });
    newRequest();
    const principal = (await getPrincipal())!;

    expect(
      await changeOwnPassword(principal, { currentPassword: "wrong", newPassword: "a-new-password-2" }),
    ).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { currentPassword: ["Wrong password"] },
    });
    expect(
      await changeOwnPassword(principal, { currentPassword: "alice-password-1", newPassword: "short" }),
    ).toMatchObject({ ok: false, status: 400 });
    expect(
      await changeOwnPassword(principal, {
        currentPassword: "alice-password-1",
        newPassword: "a-new-password-2",
      }),
    ).toEqual({ ok: true, data: null });

    newRequest();
    expect(await getPrincipal()).toMatchObject({ actor: "user:alice" });
    harness.request.cookies.set(SESSION_COOKIE, otherBrowser);
    expect(await getPrincipal()).toBeNull();
    newRequest();
    expect(await signIn({ username: "alice", password: "a-new-password-2" })).toMatchObject({ ok: true });
  });
});
