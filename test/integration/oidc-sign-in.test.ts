// Single sign-on against a real OpenID provider (oidc-provider on loopback): the browser's part is
// played with fetch through the provider's development login page; the console's part runs as in a
// route handler, with next/headers, the config and the store from the auth harness.
import { decodeJwt, importJWK, SignJWT } from "jose";
import * as client from "openid-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import type { OidcSettings } from "@/lib/schemas/auth-config";
import { SESSION_COOKIE } from "@/lib/server/auth/session-cookie";
import type { ConsoleStore } from "@/lib/server/store/types";
import { harness, newRequest, resetProcessState } from "@/test/fixtures/auth-harness";
import { startOidcProvider, type TestOidcProvider } from "@/test/support/oidc-provider";

vi.mock("next/headers", async () => (await import("@/test/fixtures/auth-harness")).nextHeadersMock);
vi.mock("@/lib/server/config", async () => {
  const { harness: shared } = await import("@/test/fixtures/auth-harness");
  return {
    getConfig: () => ({
      clusters: [],
      server: shared.server,
      auth: shared.auth,
      restProxy: { publicUrl: "http://console.test" },
      ca: { publicUrl: "http://unused.test" },
    }),
  };
});
vi.mock("@/lib/server/store", async (importActual) => {
  const { harness: shared } = await import("@/test/fixtures/auth-harness");
  return { ...(await importActual<typeof import("@/lib/server/store")>()), getStore: () => shared.store };
});

const { finishOidcSignIn, oidcSignOutLocation, startOidcSignIn } =
  await import("@/lib/server/auth/oidc/sign-in");
const { readSsoNotice } = await import("@/lib/server/auth/oidc/notice");
const { providerConfiguration } = await import("@/lib/server/auth/oidc/provider");
const { TRANSACTION_COOKIE } = await import("@/lib/server/auth/oidc/transaction-cookie");
const { changeOwnPassword, signIn } = await import("@/lib/server/auth/sign-in");
const { resetUserPassword } = await import("@/lib/server/auth/users");
const { publicUser } = await import("@/lib/server/auth/principal-types");
const { hashPassword } = await import("@/lib/server/auth/password");

const CALLBACK = "http://console.test/auth/oidc/callback";
let provider: TestOidcProvider;
let settings: OidcSettings;
let store: ConsoleStore;

beforeAll(async () => {
  provider = await startOidcProvider({
    redirectUris: [CALLBACK],
    postLogoutRedirectUris: ["http://console.test/login?reason=signed-out"],
    users: { olga: ["staff", "kafka-ops"], ada: ["kafka-admins"], sam: ["sales"] },
  });
  settings = {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    scopes: ["openid", "profile", "email", "groups"],
    displayName: "Test IdP",
    roleClaim: "groups",
    roleMappings: [
      { value: "kafka-admins", role: "admin" },
      { value: "kafka-ops", role: "operator" },
    ],
    defaultRole: "none",
    usernameClaim: "preferred_username",
  };
});

afterAll(async () => {
  await provider?.close();
});

beforeEach(async () => {
  const { openStore } = await vi.importActual<typeof import("@/lib/server/store")>("@/lib/server/store");
  store = harness.store = openStore(":memory:");
  resetProcessState();
  harness.auth = { localAccounts: true, oidc: settings };
  harness.request.cookies.clear();
  newRequest();
});

const events = async (action: string) => (await store.audit.query({ action, limit: 50 })).events;

/** The browser at the provider: follows redirects, fills the login form, stops at the console's callback. */
async function loginAtProvider(authorizationUrl: string, username: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 10; step += 1) {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const index = pair.indexOf("=");
      jar.set(pair.slice(0, index), pair.slice(index + 1));
    }
    init = {};
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(CALLBACK)) return next;
      url = next.href;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action || !html.includes('name="login"'))
      throw new Error(`unexpected page at ${url}: ${response.status}`);
    url = new URL(action.replaceAll("&amp;", "&"), url).href;
    init = {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ prompt: "login", login: username, password: "any" }).toString(),
    };
  }
  throw new Error("too many redirects at the provider");
}

/** Start at the console, sign in at the provider; the callback URL the provider sent the browser to. */
async function throughProvider(username: string, next: string | null = null): Promise<URL> {
  const location = await startOidcSignIn(next);
  expect(location.startsWith(provider.issuer)).toBe(true);
  return loginAtProvider(location, username);
}

const noticeOf = (location: string) =>
  readSsoNotice(new URL(location, "http://console.test").searchParams.get("sso") ?? undefined);

describe("single sign-on", () => {
  it("signs a user in with the role their groups map to, and remembers provider and subject only", async () => {
    const callback = await throughProvider("olga", "/console/clusters/e2e/topics?q=orders");
    expect(await finishOidcSignIn(callback)).toBe("/console/clusters/e2e/topics?q=orders");
    const user = await store.users.findBySubject(provider.issuer, "olga");
    expect(user).toMatchObject({
      username: "olga",
      role: "operator",
      provider: provider.issuer,
      subject: "olga",
    });
    expect(harness.request.cookies.get(SESSION_COOKIE)).toBeTruthy();
    expect(harness.request.cookies.get(TRANSACTION_COOKIE)).toBe("");
    const [event] = await events("auth.sso.sign-in");
    expect(event).toMatchObject({
      actor: "user:olga",
      outcome: "success",
      details: {
        provider: provider.issuer,
        subject: "olga",
        claim: "groups",
        matched: "kafka-ops",
        role: "operator",
        created: true,
      },
    });
    // No token anywhere in the store: JWTs start with eyJ.
    expect(JSON.stringify(await store.audit.query({ limit: 100 }))).not.toMatch(/eyJ/);
    expect(JSON.stringify(await store.users.list())).not.toMatch(/eyJ/);
  });

  it("finishes on another replica: the transaction is in the browser's cookie, sealed with the shared secret", async () => {
    const callback = await throughProvider("olga", "/console/clusters/e2e");
    // What a second process starts with: no keys derived yet, no throttle, no ledger.
    resetProcessState();
    expect(await finishOidcSignIn(callback)).toBe("/console/clusters/e2e");
    expect((await store.users.findBySubject(provider.issuer, "olga"))?.role).toBe("operator");
  });

  it("recomputes the role at every sign-in", async () => {
    expect(await finishOidcSignIn(await throughProvider("ada"))).toBe("/console");
    expect((await store.users.findBySubject(provider.issuer, "ada"))?.role).toBe("admin");
    provider.setGroups("ada", ["kafka-ops"]);
    expect(await finishOidcSignIn(await throughProvider("ada"))).toBe("/console");
    expect((await store.users.findBySubject(provider.issuer, "ada"))?.role).toBe("operator");
    expect(await store.users.list()).toHaveLength(1);
    provider.setGroups("ada", ["kafka-admins"]);
  });

  it("refuses a user whose groups map to no role, says why and records it", async () => {
    const location = await finishOidcSignIn(await throughProvider("sam"));
    expect(noticeOf(location)).toBe(
      "Your groups (sales) do not map to a console role, so Test IdP cannot sign you in to the console. Ask an administrator for access.",
    );
    expect(await store.users.findBySubject(provider.issuer, "sam")).toBeUndefined();
    expect(harness.request.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await events("auth.sso.refused"))[0]).toMatchObject({
      outcome: "denied",
      details: { reason: "no-mapped-role", subject: "sam", claim: "groups", values: "sales" },
    });
  });

  it("gives a default role when configured", async () => {
    harness.auth = { localAccounts: true, oidc: { ...settings, defaultRole: "viewer" } };
    await finishOidcSignIn(await throughProvider("sam"));
    expect((await store.users.findBySubject(provider.issuer, "sam"))?.role).toBe("viewer");
    expect((await events("auth.sso.sign-in"))[0]?.details).toMatchObject({ matched: null, role: "viewer" });
  });

  it("refuses a disabled user, a name a local account holds, and password sign-in for SSO users", async () => {
    await finishOidcSignIn(await throughProvider("olga"));
    const olga = (await store.users.findBySubject(provider.issuer, "olga"))!;
    expect(await signIn({ username: "olga", password: "anything-at-all" })).toMatchObject({
      ok: false,
      status: 401,
    });
    expect((await events("auth.sign-in"))[0]?.details.reason).toBe("single-sign-on-user");

    await store.users.update(olga.id, { disabledAt: new Date().toISOString() });
    expect(noticeOf(await finishOidcSignIn(await throughProvider("olga")))).toMatch(/disabled/);

    const passwordHash = await hashPassword("a-local-password-1");
    await store.users.create({ username: "ada", role: "viewer", passwordHash, mustChangePassword: false });
    expect(noticeOf(await finishOidcSignIn(await throughProvider("ada")))).toMatch(
      /local account named "ada"/,
    );
    expect((await store.users.findByUsername("ada"))?.provider).toBeNull();
    expect((await events("auth.sso.refused")).map((event) => event.details.reason)).toEqual([
      "username-taken",
      "user-disabled",
    ]);
  });

  it("has no console password to change or reset for single sign-on users", async () => {
    await finishOidcSignIn(await throughProvider("olga"));
    const olga = (await store.users.findBySubject(provider.issuer, "olga"))!;
    const self = {
      kind: "user",
      role: "operator",
      actor: "user:olga",
      user: publicUser(olga),
      sessionId: "-",
    } as const;
    expect(
      await changeOwnPassword(self, { currentPassword: "whatever", newPassword: "a-new-password-123" }),
    ).toMatchObject({ ok: false, status: 403 });
    const admin = { ...self, role: "admin", actor: "user:root" } as const;
    expect(await resetUserPassword(olga.id, admin)).toMatchObject({ ok: false, status: 409 });
    expect((await store.users.findById(olga.id))?.passwordHash).toBe("sso$no-password");
  });

  it("turns password sign-in off when local accounts are off", async () => {
    harness.auth = { localAccounts: false, oidc: settings };
    expect(await signIn({ username: "anyone", password: "whatever-it-is" })).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it("sends a single sign-on user to the provider's end-session endpoint with the client id", async () => {
    const location = new URL((await oidcSignOutLocation())!);
    expect(location.href.startsWith(provider.issuer)).toBe(true);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      client_id: provider.clientId,
      post_logout_redirect_uri: "http://console.test/login?reason=signed-out",
    });
  });
});

describe("single sign-on refuses tampering and records it", () => {
  const reasons = async () => (await events("auth.sso.refused")).map((event) => event.details.reason);

  it("a state that is not the transaction's", async () => {
    const callback = await throughProvider("olga");
    callback.searchParams.set("state", "forged-state");
    expect(noticeOf(await finishOidcSignIn(callback))).toMatch(/could not be matched/);
    expect(await reasons()).toEqual(["state-mismatch"]);
    expect(await store.users.list()).toHaveLength(0);
  });

  it("a callback without the transaction cookie, and a forged cookie", async () => {
    const callback = await throughProvider("olga");
    const sealed = harness.request.cookies.get(TRANSACTION_COOKIE)!;
    harness.request.cookies.delete(TRANSACTION_COOKIE);
    await finishOidcSignIn(callback);
    harness.request.cookies.set(TRANSACTION_COOKIE, `${sealed.slice(0, -4)}AAAA`);
    await finishOidcSignIn(callback);
    expect(await reasons()).toEqual(["transaction-forged", "transaction-missing"]);
  });

  it("a replayed code", async () => {
    const callback = await throughProvider("olga");
    const sealed = harness.request.cookies.get(TRANSACTION_COOKIE)!;
    expect(await finishOidcSignIn(callback)).toBe("/console");
    // The same browser state and the same code again: the provider has already redeemed it.
    harness.request.cookies.set(TRANSACTION_COOKIE, sealed);
    expect(noticeOf(await finishOidcSignIn(callback))).toMatch(
      /failed the console's checks \(code-rejected\)/,
    );
    expect(await reasons()).toEqual(["code-rejected"]);
  });

  it("the callback of an earlier sign-in, after a newer one began in the same browser", async () => {
    // The second transaction's cookie, the first's code and state.
    const first = await throughProvider("olga");
    await throughProvider("olga");
    await finishOidcSignIn(first);
    // The first callback's state does not match the second transaction, so that is the refusal.
    expect(await reasons()).toEqual(["state-mismatch"]);
  });

  describe("forged ID tokens (signed with the provider's own key)", () => {
    let configuration: client.Configuration;
    let forge: ((claims: Record<string, unknown>) => Record<string, unknown>) | null = null;

    beforeEach(async () => {
      configuration = await providerConfiguration(settings);
      const key = await importJWK(provider.signingKey, "RS256");
      // Lets the real code exchange happen, then swaps the ID token for one with changed claims.
      configuration[client.customFetch] = async (url, options) => {
        const response = await fetch(url, options as RequestInit);
        if (!forge || !url.endsWith("/token") || !response.ok) return response;
        const body = (await response.json()) as { id_token: string };
        const claims = forge(decodeJwt(body.id_token));
        const idToken = await new SignJWT(claims)
          .setProtectedHeader({ alg: "RS256", kid: "test-key" })
          .sign(key);
        return Response.json({ ...body, id_token: idToken });
      };
    });

    const signInWith = async (change: (claims: Record<string, unknown>) => Record<string, unknown>) => {
      forge = change;
      try {
        return await finishOidcSignIn(await throughProvider("olga"));
      } finally {
        forge = null;
      }
    };
    const now = () => Math.floor(Date.now() / 1000);

    it("signs in when nothing is changed (the forging itself is sound)", async () => {
      expect(await signInWith((claims) => claims)).toBe("/console");
    });

    it("from another issuer, for another audience, expired, with another nonce", async () => {
      await signInWith((claims) => ({ ...claims, iss: "https://id.attacker.example" }));
      await signInWith((claims) => ({ ...claims, aud: "another-client" }));
      await signInWith((claims) => ({ ...claims, iat: now() - 7200, exp: now() - 3600 }));
      await signInWith((claims) => ({ ...claims, nonce: "not-the-transactions-nonce" }));
      expect(await reasons()).toEqual([
        "nonce-mismatch",
        "id-token-expired",
        "audience-mismatch",
        "issuer-mismatch",
      ]);
      expect(await store.users.list()).toHaveLength(0);
    });
  });

  it("a next that leaves the console", async () => {
    for (const next of [
      "//evil.example/x",
      "https://evil.example/",
      "/\t/evil.example",
      "javascript:alert(1)",
    ]) {
      const location = await startOidcSignIn(next);
      expect(location.startsWith("/login?sso=")).toBe(true);
      expect(noticeOf(location)).toMatch(/outside the console/);
    }
    // Four refusals of one kind from one address: the first is a row, the rest a summary (refusals.ts).
    expect(await reasons()).toEqual(["next-outside-console"]);
    expect(harness.request.cookies.has(TRANSACTION_COOKIE)).toBe(false);
  });

  it("a notice the console did not seal is not shown", async () => {
    expect(readSsoNotice("made-up-value")).toBeUndefined();
  });
});
