// Signs in once per role and saves the browser state the other specs start from. The admin's
// first sign-in is the first-start flow itself: the password printed once in the log, then a
// forced change.
import { expect, test as setup, type Page } from "@playwright/test";

import { readCredentials, storageStateFor, writeCredentials } from "./support/credentials";

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel("User name").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

setup("the first admin signs in with the password from the log and must change it", async ({ page }) => {
  const credentials = readCredentials();
  await page.goto("/console");
  await expect(page).toHaveURL(/\/login\?next=%2Fconsole$/);

  await signIn(page, "admin", credentials.adminInitialPassword);
  await expect(page).toHaveURL(/\/account\/password/);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  // Until the password is changed, the console itself stays closed.
  await page.goto("/console/audit");
  await expect(page).toHaveURL(/\/account\/password/);

  await page.getByLabel("Current password").fill(credentials.adminInitialPassword);
  await page.getByLabel("New password", { exact: true }).fill(credentials.adminPassword);
  await page.getByLabel("Confirm new password").fill(credentials.adminPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  // On to the page last asked for.
  await expect(page).toHaveURL(/\/console\/audit$/);
  await expect(page.getByRole("heading", { name: "Audit", level: 1 })).toBeVisible();
  await page.context().storageState({ path: storageStateFor("admin") });
  // The initial password is spent; keep only the one in use.
  writeCredentials({ ...credentials, adminInitialPassword: "" });
});

for (const role of ["viewer", "operator"] as const) {
  setup(`the ${role} signs in`, async ({ page }) => {
    const { username, password } = readCredentials().users[role];
    await page.goto("/login");
    await signIn(page, username, password);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
