// API tokens: created by an admin in the browser, used by automation over Bearer and Basic.
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";

import { readCredentials } from "./support/credentials";

const STATUS = "/api/v1/clusters/e2e/status";

async function createToken(page: Page, name: string, role: string): Promise<string> {
  await page.goto("/console/admin/tokens");
  const form = page.getByRole("form", { name: "Create token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Create token" }).click();
  const value = await page.getByRole("textbox", { name: "Token value" }).inputValue();
  expect(value).toMatch(/^kc_[A-Za-z0-9]+_[A-Za-z0-9_-]+$/);
  return value;
}

function basic(token: string, secretOverride?: string): string {
  const [, id, secret] = /^kc_([A-Za-z0-9]+)_(.+)$/.exec(token) ?? [];
  return `Basic ${Buffer.from(`${id}:${secretOverride ?? secret}`).toString("base64")}`;
}

test("a token works as Bearer and as Basic until it is revoked", async ({ page, baseURL }) => {
  const token = await createToken(page, `ci-reader-${Date.now()}`, "viewer");
  // A client with no cookies at all, as automation is.
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    const bearer = await api.get(STATUS, { headers: { Authorization: `Bearer ${token}` } });
    expect(bearer.status()).toBe(200);
    expect(await bearer.json()).toMatchObject({ ok: true });
    expect((await api.get(STATUS, { headers: { Authorization: basic(token) } })).status()).toBe(200);

    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect((await api.get(STATUS, { headers: { Authorization: `Bearer ${tampered}` } })).status()).toBe(401);
    expect(
      (await api.get(STATUS, { headers: { Authorization: basic(token, "wrong-secret") } })).status(),
    ).toBe(401);
    // A viewer token may not export the audit trail.
    expect(
      (
        await api.get("/api/v1/audit?format=ndjson", { headers: { Authorization: `Bearer ${token}` } })
      ).status(),
    ).toBe(403);

    const row = page
      .getByRole("table", { name: "API tokens" })
      .getByRole("row")
      .filter({ hasText: token.split("_")[1]! });
    await row.getByRole("button", { name: /^Revoke / }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
    await expect(row).toContainText("revoked");
    expect((await api.get(STATUS, { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
  } finally {
    await api.dispose();
  }
});

test("an admin token exports the audit trail, which records the token's use and refusals", async ({
  page,
  baseURL,
}) => {
  const token = await createToken(page, `auditor-${Date.now()}`, "admin");
  const api = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  try {
    const [, id, secret] = token.split("_");
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await api.get(STATUS, { headers: { Authorization: `Bearer ${forged}` } })).status()).toBe(401);

    const exported = await api.get("/api/v1/audit?format=ndjson&action=token.create");
    expect(exported.status()).toBe(200);
    expect(await exported.text()).toContain(`token:${id}`);

    const rejected = await (await api.get("/api/v1/audit?format=ndjson&action=auth.token-rejected")).text();
    expect(rejected).toContain(`token:${id}`);
    expect(rejected).not.toContain(secret!.slice(0, 12));
  } finally {
    await api.dispose();
  }
});

test("a token stops working while its creator is disabled, and dies when they are deleted", async ({
  page,
  browser,
  baseURL,
}) => {
  const creator = readCredentials().spareUsers.tokenCreator;
  const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    const creatorPage = await theirs.newPage();
    await creatorPage.goto("/login");
    await creatorPage.getByLabel("User name").fill(creator.username);
    await creatorPage.getByLabel("Password", { exact: true }).fill(creator.password);
    await creatorPage.getByRole("button", { name: "Sign in" }).click();
    await expect(creatorPage).toHaveURL(/\/console\/clusters\/e2e$/);
    const token = await createToken(creatorPage, `left-behind-${Date.now()}`, "admin");
    const asToken = { headers: { Authorization: `Bearer ${token}` } };
    expect((await api.get(STATUS, asToken)).status()).toBe(200);

    const users = page.getByRole("table", { name: "Users" });
    await page.goto("/console/admin/users");
    await users.getByRole("button", { name: `Disable ${creator.username}` }).click();
    await expect(users.getByRole("button", { name: `Enable ${creator.username}` })).toBeVisible();
    const refused = await api.get(STATUS, asToken);
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.message).toMatch(/the token's creator is disabled/i);

    await page.goto("/console/admin/tokens");
    const row = page
      .getByRole("table", { name: "API tokens" })
      .getByRole("row")
      .filter({ hasText: token.split("_")[1]! });
    await expect(row).toContainText("creator disabled");

    await page.goto("/console/admin/users");
    await users.getByRole("button", { name: `Enable ${creator.username}` }).click();
    await expect(users.getByRole("button", { name: `Disable ${creator.username}` })).toBeVisible();
    expect((await api.get(STATUS, asToken)).status()).toBe(200);

    await users.getByRole("button", { name: `Delete ${creator.username}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete user" }).click();
    await expect(users.getByRole("row").filter({ hasText: creator.username })).toHaveCount(0);
    expect((await api.get(STATUS, asToken)).status()).toBe(401);
    await page.goto("/console/admin/tokens");
    await expect(row).toContainText("revoked");
    await page.goto("/console/audit?action=token.revoke");
    await expect(
      page
        .getByRole("table", { name: "Audit events" })
        .getByRole("row")
        .filter({ hasText: token.split("_")[1]! }),
    ).toHaveCount(1);
  } finally {
    await api.dispose();
    await theirs.close();
  }
});
