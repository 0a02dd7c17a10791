// API tokens: created by an admin in the browser, used by automation over Bearer and Basic.
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";

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
