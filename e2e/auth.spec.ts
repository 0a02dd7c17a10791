// Sign-in, sign-out, session expiry, throttling and roles, in Chromium against the running console.
import { DatabaseSync } from "node:sqlite";

import { expect, test, type Page } from "@playwright/test";

import { readCredentials, storageStateFor } from "./support/credentials";
import { callServerAction, serverActionId } from "./support/server-action";

const signedOut = { storageState: { cookies: [], origins: [] } };

/** Submits the form and waits for the server's answer, so the next attempt starts on a settled form. */
async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel("User name").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  const answered = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

/** A refused attempt: the message, and the password field emptied for the next one. */
async function expectRefused(page: Page, message: string | RegExp) {
  await expect(signInError(page)).toHaveText(message);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
}

/** The sign-in form's error; Next's own route announcer is an empty alert on every page. */
const signInError = (page: Page) => page.getByRole("alert").filter({ hasText: /./ });

test.describe("signed out", () => {
  test.use(signedOut);

  test("signing in keeps the page asked for, and signing out ends the session", async ({ page, context }) => {
    const { username, password } = readCredentials().users.operator;
    await page.goto("/console/topics");
    await expect(page).toHaveURL(/\/login\?next=%2Fconsole%2Ftopics$/);
    await signIn(page, username, password);
    // /console/topics is the default cluster's topic list.
    await expect(page).toHaveURL(/\/console\/clusters\/e2e\/topics$/);
    await expect(page.getByRole("heading", { name: "Topics", level: 1 })).toBeVisible();

    const cookiesWhileSignedIn = await context.cookies();
    const session = cookiesWhileSignedIn.find((cookie) => cookie.name === "kc_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });

    await page.getByRole("button", { name: /^User menu/ }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You have signed out.")).toBeVisible();

    // The old cookie is worth nothing now, even replayed.
    await context.addCookies(cookiesWhileSignedIn);
    const replay = await page.request.get("/api/v1/clusters/e2e/status");
    expect(replay.status()).toBe(401);
    await page.goto("/console");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an unknown user and a wrong password get the same answer", async ({ page }) => {
    const { username } = readCredentials().users.viewer;
    await page.goto("/login");
    await signIn(page, "nobody-by-this-name", "some password");
    await expectRefused(page, "Wrong user name or password");
    await signIn(page, username, "not the password");
    await expectRefused(page, "Wrong user name or password");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a forged session cookie is no session", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "kc_session", value: "Zm9yZ2VkLWNvb2tpZQ", url: baseURL! }]);
    await page.goto("/console");
    await expect(page).toHaveURL(/\/login/);
    expect((await page.request.get("/api/v1/clusters/e2e/status")).status()).toBe(401);
  });

  test("an idle session expires", async ({ page }) => {
    const credentials = readCredentials();
    const { username, password } = credentials.spareUsers.idle;
    await page.goto("/login");
    await signIn(page, username, password);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

    // Let time pass for this user's sessions the way the server measures it: the last request.
    const database = new DatabaseSync(credentials.storePath);
    try {
      const longAgo = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString();
      database
        .prepare(
          "UPDATE sessions SET last_seen_at = ? WHERE user_id = (SELECT id FROM users WHERE username = ?)",
        )
        .run(longAgo, username);
    } finally {
      database.close();
    }
    await page.goto("/console/topics");
    await expect(page).toHaveURL(/\/login\?next=%2Fconsole%2Ftopics/);
  });

  test("a next= that the URL parser takes elsewhere leads to /console after signing in", async ({
    page,
    baseURL,
  }) => {
    const { username, password } = readCredentials().users.operator;
    await page.goto("/login?next=%2F%09%2Fevil.example%2Fphish");
    await signIn(page, username, password);
    await expect(page).toHaveURL(`${baseURL}/console/clusters/e2e`);
  });

  test("an odd next= still shows the sign-in form", async ({ request }) => {
    for (const next of ["%0B", "%00", "%2F%09%2Fevil.example", "%5C%5Cevil.example"]) {
      expect((await request.get(`/login?next=${next}`)).status(), next).toBe(200);
    }
  });

  test("an attacker's wrong passwords from another address do not lock the owner out", async ({
    page,
    baseURL,
  }) => {
    const { username, password } = readCredentials().spareUsers.targeted;
    const attempt = (guess: string) =>
      callServerAction({
        baseURL: baseURL!,
        page: "/login",
        actionId: serverActionId("lib/actions/sign-in.ts#signIn"),
        argument: formOf({ username, password: guess }),
        localAddress: "127.0.0.2",
      });
    for (let guess = 0; guess < 8; guess++) await attempt(`wrong-${guess}`);
    // The attacker's own address is held back, even with the right password…
    expect((await attempt(password)).body).toContain('"status":429');
    // …but the owner, signing in from elsewhere, is not.
    await page.goto("/login");
    await signIn(page, username, password);
    await expect(page).toHaveURL(`${baseURL}/console/clusters/e2e`);
  });

  test("six wrong passwords in a row lock the account, even for the right one", async ({ page }) => {
    const { username, password } = readCredentials().spareUsers.throttled;
    await page.goto("/login");
    for (let attempt = 0; attempt < 6; attempt++) {
      await signIn(page, username, `wrong-${attempt}`);
      await expectRefused(page, "Wrong user name or password");
    }
    await signIn(page, username, password);
    await expectRefused(page, /^Too many sign-in attempts/);
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("signed in", () => {
  // Each a `next` the old prefix check let through, or that a browser reads as another host.
  const crafted = [
    "%2F%09%2Fevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%0D%0A%2Fevil.example",
    "%2F%2Fevil.example",
    "%2F%5Cevil.example",
    "%2F.%2F%2Fevil.example",
    "%2F.%5C%2Fevil.example",
    "https%3A%2F%2Fevil.example",
    "%0B",
  ];

  test("the sign-in page sends a signed-in user only to a path of this console", async ({
    page,
    baseURL,
  }) => {
    for (const next of crafted) {
      const response = await page.request.get(`/login?next=${next}`, { maxRedirects: 0 });
      expect(response.status(), next).toBe(307);
      const location = response.headers().location ?? "";
      expect(location, next).toMatch(/^\/(?![/\\])/);
      expect(location, next).not.toMatch(/[\t\r\n\v]/);
      expect(new URL(location, baseURL).origin, next).toBe(new URL(baseURL!).origin);
    }
  });

  test("a cross-origin POST with a forged X-Forwarded-Host is refused", async ({ page, baseURL }) => {
    const forged = { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" };
    const route = await page.request.post("/api/v1/certificates/sign", { headers: forged, data: {} });
    expect(route.status()).toBe(403);
    expect(await route.json()).toMatchObject({ error: { code: "CROSS_ORIGIN" } });

    // Next's own check for server actions reads the same header: the action must not run.
    const username = `forged-${Date.now()}`;
    const cookies = await page.context().cookies();
    await callServerAction({
      baseURL: baseURL!,
      page: "/console/admin/users",
      actionId: serverActionId("lib/actions/create-user.ts#createUser"),
      argument: { username, role: "admin" },
      headers: { ...forged, Cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ") },
    });
    const database = new DatabaseSync(readCredentials().storePath, { readOnly: true });
    try {
      expect(database.prepare("SELECT 1 FROM users WHERE username = ?").get(username)).toBeUndefined();
    } finally {
      database.close();
    }
  });

  test("adding a user who exists is a 409 with a reason, not a server failure", async ({ page, baseURL }) => {
    const cookies = await page.context().cookies();
    const { body } = await callServerAction({
      baseURL: baseURL!,
      page: "/console/admin/users",
      actionId: serverActionId("lib/actions/create-user.ts#createUser"),
      argument: { username: readCredentials().users.viewer.username, role: "viewer" },
      headers: { Cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ") },
    });
    expect(body).toContain('"status":409');
    expect(body).toContain("already exists");
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("sees no admin controls and gets 403 forcing an admin URL", async ({ page }) => {
    await page.goto("/console");
    const navigation = page.getByRole("navigation", { name: "Main" });
    await expect(navigation.getByRole("link", { name: "Overview" })).toBeVisible();
    for (const adminLink of ["Users", "API tokens", "Audit"]) {
      await expect(navigation.getByRole("link", { name: adminLink })).toHaveCount(0);
    }
    for (const path of ["/console/admin/users", "/console/admin/tokens", "/console/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    }
    expect((await page.request.get("/api/v1/audit?format=ndjson")).status()).toBe(403);
  });
});

test("the audit trail shows a failed sign-in to an admin, without the password", async ({
  page,
  browser,
}) => {
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const attempt = await stranger.newPage();
  const username = `ghost-${Date.now()}`;
  await attempt.goto("/login");
  await signIn(attempt, username, "a secret guess");
  await expectRefused(attempt, "Wrong user name or password");
  await stranger.close();

  await page.goto("/console/audit?action=auth.sign-in&outcome=failure");
  const events = page.getByRole("table", { name: "Audit events" });
  await expect(events.getByRole("row").filter({ hasText: username })).toHaveCount(1);
  await expect(events).not.toContainText("a secret guess");
});

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}
