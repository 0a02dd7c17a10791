// SCRAM users and quotas in the browser: an admin creates a SCRAM user with a generated password
// (shown once), sees its mechanism and iterations in the list and deletes it; an admin sets a client
// id's produce quota (previewed old → new) and removes it; a viewer gets 403 on the users page and
// its REST list, and sees quotas without a way to change them.
import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { storageStateFor } from "./support/credentials";

const SUFFIX = randomBytes(3).toString("hex");
const USER = `e2e-scram-${SUFFIX}`;
const CLIENT_ID = `e2e-quota-${SUFFIX}`;
const usersPage = "/console/clusters/e2e/security/users";
const quotasPage = "/console/clusters/e2e/quotas";

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("creates a SCRAM user with a generated password shown once, then deletes it", async ({ page }) => {
    await page.goto(usersPage);
    await expect(page.getByRole("heading", { level: 1, name: "SCRAM users" })).toBeVisible();
    await page.getByLabel("User name").fill(USER);
    await page.getByLabel("Mechanism").selectOption("SCRAM-SHA-512");
    await page.getByRole("button", { name: "Save credential" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Created ${USER}` })).toBeVisible();
    await expect(page.getByLabel(`Password of ${USER}`)).toHaveValue(/^[\w-]{32}$/);
    await expect(page.getByRole("button", { name: "Copy" })).toBeVisible();

    const row = page.getByRole("table", { name: "SCRAM users" }).getByRole("row", { name: new RegExp(USER) });
    await expect(row).toContainText("SCRAM-SHA-512");
    await expect(row).toContainText("8192 iterations");
    await expect(row.getByRole("link", { name: "Grant access…" })).toHaveAttribute(
      "href",
      `/console/clusters/e2e/security/acls?principal=${encodeURIComponent(`User:${USER}`)}`,
    );
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByLabel(`Password of ${USER}`)).toHaveCount(0);

    await row.getByRole("button", { name: `Delete user ${USER}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete user" }).click();
    await expect(row).toHaveCount(0);
    const listed = await page.request.get("/api/v1/clusters/e2e/scram-users");
    expect(listed.status()).toBe(200);
    expect(JSON.stringify(await listed.json())).not.toContain(USER);
  });

  test("sets a client id's produce quota after a preview, then removes it", async ({ page }) => {
    await page.goto(quotasPage);
    await page.getByLabel("Applies to").selectOption("client-id");
    await page.getByLabel("Client id", { exact: true }).fill(CLIENT_ID);
    await page.getByLabel(/^Produce rate/).fill("20480");
    await page.getByRole("button", { name: "Review change…" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("row", { name: /producer_byte_rate/ })).toContainText("20 KiB/s");
    await dialog.getByRole("button", { name: "Apply" }).click();
    const row = page.getByRole("table", { name: "Quotas" }).getByRole("row", { name: new RegExp(CLIENT_ID) });
    await expect(row).toContainText("20 KiB/s");

    await row.getByRole("button", { name: `Edit client-id ${CLIENT_ID}` }).click();
    await page.getByLabel("Remove producer_byte_rate").check();
    await page.getByRole("button", { name: "Review change…" }).click();
    await expect(dialog.getByRole("row", { name: /producer_byte_rate/ })).toContainText("removed");
    await dialog.getByRole("button", { name: "Apply" }).click();
    await expect(row).toHaveCount(0);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("cannot open the SCRAM users page and reads quotas only", async ({ page }) => {
    const response = await page.goto(usersPage);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    expect((await page.request.get("/api/v1/clusters/e2e/scram-users")).status()).toBe(403);

    await page.goto(quotasPage);
    await expect(page.getByRole("heading", { level: 1, name: "Quotas" })).toBeVisible();
    await expect(page.getByText("Changing quotas needs the admin role.")).toBeVisible();
    await expect(page.getByRole("form", { name: "Set a quota" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "SCRAM users" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Quotas" })).toBeVisible();
  });
});
