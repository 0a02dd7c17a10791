// What the guards write to the server's log: an ordinary refusal thrown from deep down (a name
// taken, a record gone) is one line with the request id; only the unexpected gets a stack trace.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import type { ConsoleStore } from "@/lib/server/store/types";

import { guardedAction } from "./action-guard";
import { hashPassword } from "./password";
import { getPrincipal } from "./principal";
import type { Principal } from "./principal-types";
import { guardedRoute } from "./route-guard";
import { signIn } from "./sign-in";
import { harness, newRequest, resetProcessState } from "@/test/fixtures/auth-harness";
import { createUser } from "./users";

vi.mock("next/headers", async () => (await import("@/test/fixtures/auth-harness")).nextHeadersMock);
vi.mock("@/lib/server/config", async () => (await import("@/test/fixtures/auth-harness")).configMock);
vi.mock("@/lib/server/store", async (importActual) => {
  const { harness: shared } = await import("@/test/fixtures/auth-harness");
  return { ...(await importActual<typeof import("@/lib/server/store")>()), getStore: () => shared.store };
});

// Next bundles a module once per layer, so the class a store method throws may not be the one the
// caller imported: the same name from another copy is what reaches the guards in production.
class StoreConflictError extends Error {
  override name = "StoreConflictError";
}

let store: ConsoleStore;
let admin: Principal;
let logged: { error: unknown[][]; warn: unknown[][] };
const STACK_FRAME = /\n\s+at /;
// console prints an Error with its stack, so that is what a logged Error counts as here.
const everything = () =>
  [...logged.error, ...logged.warn].map((args) =>
    args.map((arg) => (arg instanceof Error ? (arg.stack ?? String(arg)) : String(arg))).join(" "),
  );

beforeEach(async () => {
  const { openStore } = await vi.importActual<typeof import("@/lib/server/store")>("@/lib/server/store");
  store = harness.store = openStore(":memory:");
  resetProcessState();
  harness.request.cookies.clear();
  const passwordHash = await hashPassword("a-password-123");
  await store.users.create({ username: "root", role: "admin", passwordHash, mustChangePassword: false });
  newRequest();
  await signIn({ username: "root", password: "a-password-123" });
  newRequest({ host: "console.test", "x-request-id": "req-refusal-1" });
  admin = (await getPrincipal())!;
  logged = { error: [], warn: [] };
  vi.spyOn(console, "error").mockImplementation((...args) => void logged.error.push(args));
  vi.spyOn(console, "warn").mockImplementation((...args) => void logged.warn.push(args));
});

afterEach(() => vi.restoreAllMocks());

describe("an ordinary refusal thrown inside a guard", () => {
  it("answers an action with its status and logs one line with the request id, no stack", async () => {
    const action = guardedAction({ permission: "user.manage", schema: z.object({}) }, async () => {
      throw new StoreConflictError("a user named x already exists");
    });
    expect(await action(null, {})).toMatchObject({
      ok: false,
      status: 409,
      error: "a user named x already exists",
    });
    const lines = everything();
    expect(lines.join("\n")).not.toMatch(STACK_FRAME);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("req-refusal-1");
  });

  it("answers a route with 409 CONFLICT, logged the same way", async () => {
    const route = guardedRoute({ permission: "cluster.view" }, async () => {
      throw new StoreConflictError("a certificate with serial 01 already exists");
    });
    const response = await route(new Request("http://console.test/api/v1/things"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: "CONFLICT" } });
    expect(everything().join("\n")).not.toMatch(STACK_FRAME);
    expect(everything()).toHaveLength(1);
  });

  it("creating a user who exists is a 409 with the field marked, and nothing in the log", async () => {
    expect(await createUser({ username: "root", role: "viewer" }, admin)).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: { username: ["This name is taken"] },
    });
    expect(everything()).toEqual([]);
  });
});

describe("an unexpected error", () => {
  it("keeps its stack trace in the log and tells the caller nothing", async () => {
    const action = guardedAction({ permission: "user.manage", schema: z.object({}) }, async () => {
      throw new TypeError("cannot read properties of undefined");
    });
    expect(await action(null, {})).toMatchObject({ ok: false, status: 500 });
    expect(everything().join("\n")).toMatch(STACK_FRAME);
  });
});
