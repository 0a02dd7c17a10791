// /tools/ca is public, yet opened from the sidebar it keeps the console's navigation.
import { expect, test } from "@playwright/test";

test("signed in, the CA page keeps the console's navigation", async ({ page }) => {
  await page.goto("/tools/ca");
  await expect(page.getByRole("heading", { name: "Certificate authority", level: 1 })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "CA and CRL" })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Topics" }).click();
  await expect(page).toHaveURL(/\/console\/clusters\/[^/]+\/topics$/);
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the CA page stays public, without the console's navigation", async ({ page }) => {
    await page.goto("/tools/ca");
    await expect(page).toHaveURL(/\/tools\/ca$/);
    await expect(page.getByRole("heading", { name: "Certificate authority", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Root CA" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Console" })).toBeVisible();
  });
});
