import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { actionOk } from "@/lib/errors";
import type { ConsoleStore } from "@/lib/server/store/types";

import { guardedAction } from "./action-guard";
import { hashPassword } from "./password";
import { getPrincipal } from "./principal";
import type { Principal } from "./principal-types";
import { guardedRoute } from "./route-guard";
import { SESSION_COOKIE } from "./session-cookie";
import { signIn } from "./sign-in";
import { harness, newRequest, resetProcessState } from "@/test/fixtures/auth-harness";
import { createApiToken, revokeApiToken } from "./tokens";
import { createUser, deleteUser, resetUserPassword, setUserDisabled, setUserRole } from "./users";

vi.mock("next/headers", async () => (await import("@/test/fixtures/auth-harness")).nextHeadersMock);
vi.mock("@/lib/server/config", async () => (await import("@/test/fixtures/auth-harness")).configMock);
vi.mock("@/lib/server/store", async (importActual) => {
  const { harness: shared } = await import("@/test/fixtures/auth-harness");
  return { ...(await importActual<typeof import("@/lib/server/store")>()), getStore: () => shared.store };
});

let store: ConsoleStore;
let admin: Principal;
const events = async (action: string) => (await store.audit.query({ action, limit: 50 })).events;
const ORIGIN = "http://console.test";

async function signInAs(username: string, role: "viewer" | "operator" | "admin") {
  harness.request.cookies.clear();
  await store.users.create({
    username,
    role,
    passwordHash: await hashPassword("a-password-123"),
    mustChangePassword: false,
  });
  newRequest();
  await signIn({ username, password: "a-password-123" });
  newRequest({ host: "console.test" });
  return (await getPrincipal())!;
}

beforeEach(async () => {
  const { openStore } = await vi.importActual<typeof import("@/lib/server/store")>("@/lib/server/store");
  store = harness.store = openStore(":memory:");
  resetProcessState();
  admin = await signInAs("root", "admin");
});

// message.produce: an operator's permission (lib/permissions.ts).
const route = guardedRoute(
  { permission: "message.produce", params: z.object({ id: z.string() }) },
  async (_request, { params, principal }) => Response.json({ id: params.id, actor: principal.actor }),
);
const call = (method: string, headers: Record<string, string> = {}) => {
  const sent = { host: "console.test", ...headers };
  const request = new Request(`${ORIGIN}/api/v1/things/7`, { method, headers: sent });
  newRequest(sent);
  return route(request, { params: Promise.resolve({ id: "7" }) });
};
const body = async (response: Response) => [response.status, await response.json()];

describe("guardedRoute", () => {
  it("answers 401 with a Bearer challenge, recording refused writes but not plain anonymous reads", async () => {
    harness.request.cookies.clear();
    const read = await call("GET");
    expect(read.headers.get("www-authenticate")).toBe('Bearer realm="kafka-console"');
    expect(await body(read)).toEqual([
      401,
      { error: { code: "UNAUTHENTICATED", message: expect.any(String) } },
    ]);
    expect(await events("access.denied")).toHaveLength(0);
    expect((await call("POST")).status).toBe(401);
    expect((await events("access.denied"))[0]).toMatchObject({
      actor: "anonymous",
      target: "POST /api/v1/things/7",
      details: { status: 401 },
    });
  });

  it("accepts API tokens as Bearer and as Basic, and refuses them once revoked", async () => {
    const created = await createApiToken({ name: "ci", role: "operator" }, admin);
    if (!created.ok) throw new Error(created.error);
    harness.request.cookies.clear();
    const { secret } = created.data;
    const [id, tokenSecret] = [created.data.token.id, secret.slice(`kc_${created.data.token.id}_`.length)];
    expect(await body(await call("POST", { authorization: `Bearer ${secret}` }))).toEqual([
      200,
      { id: "7", actor: `token:${id} (ci)` },
    ]);
    const basic = `Basic ${Buffer.from(`${id}:${tokenSecret}`).toString("base64")}`;
    expect((await call("GET", { authorization: basic })).status).toBe(200);
    expect((await store.tokens.find(id))?.lastUsedAt).not.toBeNull();

    const wrong = await call("GET", {
      authorization: `Basic ${Buffer.from(`${id}:${"x".repeat(43)}`).toString("base64")}`,
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Basic /);
    await revokeApiToken(id, admin);
    expect((await call("GET", { authorization: `Bearer ${secret}` })).status).toBe(401);
    expect((await events("auth.token-rejected")).map((event) => event.details.reason)).toEqual([
      "revoked",
      "wrong-secret",
    ]);
  });

  it("refuses a role too low with 403, recorded as denied", async () => {
    const viewer = await signInAs("vic", "viewer");
    expect(await body(await call("GET"))).toEqual([
      403,
      { error: { code: "FORBIDDEN", message: expect.stringContaining("viewer") } },
    ]);
    expect((await events("access.denied"))[0]).toMatchObject({
      actor: viewer.actor,
      outcome: "denied",
      details: { reason: "role", required: "operator" },
    });
  });

  it("lets a session cookie change things only from the console's own origin", async () => {
    expect(await body(await call("POST"))).toEqual([
      403,
      { error: { code: "CROSS_ORIGIN", message: expect.any(String) } },
    ]);
    expect((await call("POST", { origin: "https://evil.example" })).status).toBe(403);
    expect((await call("POST", { origin: ORIGIN })).status).toBe(200);
    expect((await call("DELETE", { "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await call("GET")).status).toBe(200);
  });

  it("turns an unexpected throw into a 500 that tells nothing", async () => {
    const failing = guardedRoute({ permission: "cluster.view" }, async () => {
      throw new Error("database password is hunter2");
    });
    newRequest({ host: "console.test" });
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await failing(new Request(`${ORIGIN}/api/v1/x`), { params: Promise.resolve({}) });
    spy.mockRestore();
    const [status, json] = await body(response);
    expect(status).toBe(500);
    expect(json.error.code).toBe("INTERNAL");
    expect(JSON.stringify(json)).not.toContain("hunter2");
  });
});

describe("guardedAction", () => {
  const schema = z.object({ name: z.string().min(1, "Name it"), tags: z.array(z.string()).optional() });
  const action = guardedAction(
    { permission: "message.produce", schema, action: "thing.create" },
    async (input, principal) => actionOk({ ...input, actor: principal.actor }),
  );
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [name, value] of entries) data.append(name, value);
    return data;
  };

  it("checks who and which role before it looks at the input", async () => {
    harness.request.cookies.clear();
    newRequest();
    expect(await action(null, form([]))).toMatchObject({ ok: false, status: 401 });
    await signInAs("vic", "viewer");
    expect(await action(null, form([]))).toMatchObject({ ok: false, status: 403 });
    expect((await events("access.denied")).map((event) => [event.target, event.details.status])).toEqual([
      ["action thing.create on ?", 403],
      ["action thing.create on ?", 401],
    ]);
  });

  it("validates form fields (repeated names become lists) and objects alike", async () => {
    await signInAs("otto", "operator");
    expect(await action(null, form([]))).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { name: [expect.any(String)] },
    });
    expect(
      await action(
        null,
        form([
          ["name", "a"],
          ["tags", "x"],
          ["tags", "y"],
          ["$ACTION_ID_1", ""],
        ]),
      ),
    ).toEqual({
      ok: true,
      data: { name: "a", tags: ["x", "y"], actor: "user:otto" },
    });
    expect(await action(null, { name: "b" })).toMatchObject({ ok: true, data: { name: "b" } });
  });

  it("sends a user who must change their password there first", async () => {
    const user = await signInAs("neu", "admin");
    await store.users.update(user.kind === "user" ? user.user.id : "", { mustChangePassword: true });
    expect(await action(null, { name: "a" })).toMatchObject({
      ok: false,
      status: 403,
      error: "Change your password first.",
    });
  });
});

describe("user administration", () => {
  const rootId = async () => (await store.users.findByUsername("root"))!.id;

  it("never leaves the console without an enabled admin, and nobody disables or deletes themselves", async () => {
    const created = await createUser({ username: "ada", role: "admin" }, admin);
    if (!created.ok) throw new Error(created.error);
    expect(created.data.initialPassword).toMatch(/^[\w-]{27}$/);
    expect(created.data.user).not.toHaveProperty("passwordHash");
    expect(await setUserDisabled(await rootId(), true, admin)).toMatchObject({ ok: false, status: 409 });
    expect(await deleteUser(await rootId(), admin)).toMatchObject({ ok: false, status: 409 });
    expect(await deleteUser(created.data.user.id, admin)).toEqual({ ok: true, data: null });
    expect(await setUserRole(await rootId(), "operator", admin)).toMatchObject({
      ok: false,
      status: 409,
      error: expect.stringContaining("admin"),
    });
    expect((await events("user.set-role"))[0]).toMatchObject({ outcome: "failure", target: "user:root" });
  });

  it("refuses duplicates and non-admin actors", async () => {
    expect(await createUser({ username: "root", role: "viewer" }, admin)).toMatchObject({
      ok: false,
      status: 409,
    });
    const viewer = await signInAs("vic", "viewer");
    expect(await createUser({ username: "eve", role: "admin" }, viewer)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await createApiToken({ name: "x", role: "admin" }, viewer)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it("ends a user's sessions when their password is reset", async () => {
    const otto = await signInAs("otto", "operator");
    const cookie = harness.request.cookies.get(SESSION_COOKIE)!;
    const reset = await resetUserPassword(otto.kind === "user" ? otto.user.id : "", admin);
    expect(reset).toMatchObject({ ok: true, data: { password: expect.any(String) } });
    harness.request.cookies.set(SESSION_COOKIE, cookie);
    newRequest();
    expect(await getPrincipal()).toBeNull();
    expect((await events("user.reset-password"))[0]).toMatchObject({
      actor: "user:root",
      target: "user:otto",
      details: { sessionsEnded: 1 },
    });
    expect(JSON.stringify(await events("user.reset-password"))).not.toContain(
      reset.ok ? reset.data.password : "?",
    );
  });
});
