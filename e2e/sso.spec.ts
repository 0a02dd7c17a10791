// Single sign-on in Chromium through a real OpenID provider's login page (e2e/support/oidc-setup.ts):
// the role comes from the groups, follows them at the next sign-in, and a user whose groups map to no
// role is refused with a message that says so.
import { expect, test, type Page } from "@playwright/test";

import { setProviderGroups } from "../test/support/oidc-provider";
import { storageStateFor } from "./support/credentials";
import { SSO_DISPLAY_NAME, SSO_USERS } from "./support/oidc-setup";

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeEach(async ({ page }) => {
  // The provider's development pages load a web font; nothing here needs the network.
  await page.route(/^https:\/\/fonts\.(googleapis|gstatic)\.com\//, (route) => route.abort());
});

const issuer = () => {
  const value = process.env.E2E_OIDC_ISSUER;
  if (!value) throw new Error("E2E_OIDC_ISSUER is not set: the global setup starts the provider");
  return value;
};

/** From the console's sign-in page through the provider's login form (any password works there). */
async function signInThroughProvider(page: Page, username: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: `Sign in with ${SSO_DISPLAY_NAME}` }).click();
  await expect(page).toHaveURL(new RegExp(`^${issuer()}/`));
  await page.locator('input[name="login"]').fill(username);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function expectSignedInAs(page: Page, username: string, role: string) {
  await expect(page).toHaveURL(/\/console\//);
  await page.getByRole("button", { name: /^User menu/ }).click();
  await expect(page.getByText(`Signed in as ${username} (${role})`)).toBeVisible();
}

/** The console's sign-out, then the provider's own (RP-initiated logout), back to the sign-in page. */
async function signOutEverywhere(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new RegExp(`^${issuer()}/`));
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
  await expect(page.getByText("You have signed out.")).toBeVisible();
}

test("signs in through the provider with the role the groups give, and keeps the page asked for", async ({
  page,
}) => {
  const { username } = SSO_USERS.operator;
  await page.goto("/console/topics");
  await expect(page).toHaveURL(/\/login\?next=%2Fconsole%2Ftopics$/);
  await page.getByRole("link", { name: `Sign in with ${SSO_DISPLAY_NAME}` }).click();
  await page.locator('input[name="login"]').fill(username);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await expect(page).toHaveURL(/\/console\/clusters\/e2e\/topics$/);
  await expectSignedInAs(page, username, "operator");
  await signOutEverywhere(page);
});

test("a user moved to another group gets the new role at the next sign-in", async ({ page }) => {
  const { username } = SSO_USERS.mover;
  await signInThroughProvider(page, username);
  await expectSignedInAs(page, username, "operator");
  await signOutEverywhere(page);

  await setProviderGroups(issuer(), username, ["kafka-admins"]);
  await signInThroughProvider(page, username);
  await expectSignedInAs(page, username, "admin");
});

test("a user whose groups map to no console role is refused, with the reason", async ({ page }) => {
  const { username } = SSO_USERS.unmapped;
  await signInThroughProvider(page, username);
  await expect(page).toHaveURL(/\/login\?sso=/);
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText(
    `Your groups (sales, staff) do not map to a console role, so ${SSO_DISPLAY_NAME} cannot sign you in to the console. Ask an administrator for access.`,
  );
  // Still signed out: the console sends the visitor back to the sign-in page.
  await page.goto("/console");
  await expect(page).toHaveURL(/\/login\?next=/);
});

test("a sign-in link whose next leaves the console is refused", async ({ page }) => {
  await page.goto(`/auth/oidc/start?next=${encodeURIComponent("//evil.example/")}`);
  await expect(page).toHaveURL(/\/login\?sso=/);
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toContainText("pointed outside the console");
});

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("single sign-on users are marked in the user list and have no password to reset", async ({
    page,
    browser,
  }) => {
    const { username } = SSO_USERS.operator;
    // Signed in once through the provider (its own browser context), so the console knows the user.
    const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const visitorPage = await visitor.newPage();
    await visitorPage.route(/^https:\/\/fonts\.(googleapis|gstatic)\.com\//, (route) => route.abort());
    await signInThroughProvider(visitorPage, username);
    await expectSignedInAs(visitorPage, username, "operator");
    await visitor.close();

    await page.goto("/console/admin/users");
    const row = page.getByRole("row").filter({ hasText: username });
    await expect(row.getByText("Single sign-on")).toBeVisible();
    await expect(row.getByRole("button", { name: `Reset password for ${username}` })).toHaveCount(0);
    const local = page.getByRole("row").filter({ hasText: "vera-viewer" });
    await expect(local.getByRole("button", { name: "Reset password for vera-viewer" })).toBeVisible();
  });
});
