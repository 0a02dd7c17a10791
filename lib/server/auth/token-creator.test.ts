// An API token carries its creator's authority: it stops while the creator is disabled, and dies
// with them when they are deleted.
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { ConsoleStore } from "@/lib/server/store/types";

import { hashPassword } from "./password";
import { getPrincipal } from "./principal";
import { type Principal, publicToken, tokenActor } from "./principal-types";
import { guardedRoute } from "./route-guard";
import { signIn } from "./sign-in";
import { harness, newRequest, resetProcessState } from "@/test/fixtures/auth-harness";
import { createApiToken } from "./tokens";
import { deleteUser, setUserDisabled } from "./users";

vi.mock("next/headers", async () => (await import("@/test/fixtures/auth-harness")).nextHeadersMock);
vi.mock("@/lib/server/config", async () => (await import("@/test/fixtures/auth-harness")).configMock);
vi.mock("@/lib/server/store", async (importActual) => {
  const { harness: shared } = await import("@/test/fixtures/auth-harness");
  return { ...(await importActual<typeof import("@/lib/server/store")>()), getStore: () => shared.store };
});

let store: ConsoleStore;
const events = async (action: string) => (await store.audit.query({ action, limit: 50 })).events;

async function signedIn(username: string): Promise<Principal> {
  harness.request.cookies.clear();
  await store.users.create({
    username,
    role: "admin",
    passwordHash: await hashPassword("a-password-123"),
    mustChangePassword: false,
  });
  newRequest();
  await signIn({ username, password: "a-password-123" });
  newRequest();
  return (await getPrincipal())!;
}

const status = guardedRoute({ permission: "cluster.view" }, async (_request, { principal }) =>
  Response.json({ actor: principal.actor }),
);
async function callWith(token: string) {
  const headers = { authorization: `Bearer ${token}` };
  newRequest(headers);
  const response = await status(new Request("http://console.test/api/v1/status", { headers }), {
    params: Promise.resolve({}),
  });
  return { status: response.status, body: (await response.json()) as { error?: { message: string } } };
}

let root: Principal;
let tia: Principal;
let token: string;

beforeEach(async () => {
  const { openStore } = await vi.importActual<typeof import("@/lib/server/store")>("@/lib/server/store");
  store = harness.store = openStore(":memory:");
  resetProcessState();
  root = await signedIn("root");
  tia = await signedIn("tia");
  const created = await createApiToken({ name: "nightly", role: "admin" }, tia);
  if (!created.ok) throw new Error(created.error);
  token = created.data.secret;
  expect((await callWith(token)).status).toBe(200);
});

describe("a token whose creator", () => {
  it("is disabled answers 401 saying so, and works again once they are enabled", async () => {
    const tiaId = (await store.users.findByUsername("tia"))!.id;
    expect(await setUserDisabled(tiaId, true, root)).toMatchObject({ ok: true });
    const refused = await callWith(token);
    expect(refused.status).toBe(401);
    expect(refused.body.error?.message).toMatch(/the token's creator is disabled/i);
    expect((await events("auth.token-rejected"))[0]).toMatchObject({
      details: { reason: "creator-disabled" },
    });

    expect(await setUserDisabled(tiaId, false, root)).toMatchObject({ ok: true });
    expect((await callWith(token)).status).toBe(200);
  });

  it("is deleted is revoked with them, in the audit trail", async () => {
    expect(await deleteUser((await store.users.findByUsername("tia"))!.id, root)).toMatchObject({ ok: true });
    expect((await callWith(token)).status).toBe(401);
    const [revoked] = await store.tokens.list();
    expect(revoked?.revokedAt).not.toBeNull();
    expect((await events("token.revoke"))[0]).toMatchObject({
      actor: "user:root",
      target: expect.stringContaining("(nightly)"),
      details: { reason: "creator-deleted" },
    });
    expect((await events("user.delete"))[0]).toMatchObject({ details: { tokensRevoked: 1 } });
  });

  it("is gone from the store without the revocation (deleted from the CLI) is refused too", async () => {
    await store.users.delete((await store.users.findByUsername("tia"))!.id);
    const refused = await callWith(token);
    expect(refused.status).toBe(401);
    expect(refused.body.error?.message).toMatch(/the token's creator no longer exists/i);
  });

  it("is a token of a disabled user counts as disabled too", async () => {
    const parent = (await store.tokens.list())[0]!;
    const asToken: Principal = {
      kind: "token",
      role: "admin",
      actor: tokenActor(parent),
      token: publicToken(parent),
    };
    const child = await createApiToken({ name: "made-by-a-token", role: "viewer" }, asToken);
    if (!child.ok) throw new Error(child.error);
    await setUserDisabled((await store.users.findByUsername("tia"))!.id, true, root);
    expect((await callWith(child.data.secret)).status).toBe(401);
  });
});
