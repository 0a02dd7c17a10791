// Brokers and the quorum in the browser: a viewer opens the brokers page from the navigation, a broker's
// page with its log dirs, and the quorum with the single voter leading; the Configs tab has no edit
// controls for a viewer and REST refuses the change (403). An admin sets a cluster-wide default
// (message.max.bytes) through the old → new preview, sees it come back as the cluster default, and
// resets it.
import { expect, test, type Page } from "@playwright/test";

import { storageStateFor } from "./support/credentials";

const DEFAULTS_API = "/api/v1/clusters/e2e/broker-defaults/configs";
const NAME = "message.max.bytes";

async function defaultValue(page: Page): Promise<string | null> {
  const answer = await page.request.get(DEFAULTS_API);
  expect(answer.status()).toBe(200);
  const { configs } = (await answer.json()) as { configs: { name: string; value: string | null }[] };
  return configs.find((config) => config.name === NAME)?.value ?? null;
}

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("opens the brokers, a broker's log dirs and the quorum, and cannot edit configs", async ({ page }) => {
    await page.goto("/console/clusters/e2e");
    await page.getByRole("navigation").getByRole("link", { name: "Brokers", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Brokers" })).toBeVisible();
    const row = page.getByRole("table", { name: "Brokers" }).getByRole("row").nth(1);
    await expect(row).toContainText("Controller");
    await row.getByRole("link", { name: /^Broker \d+$/ }).click();

    await expect(page.getByRole("heading", { level: 1, name: /^Broker \d+$/ })).toBeVisible();
    const logDirs = page.getByRole("table", { name: "Log dirs" });
    await expect(logDirs.getByRole("row").nth(1)).toContainText("Online");
    await expect(page.getByRole("region", { name: "Endpoints" })).toContainText("SSL://");

    await page
      .getByRole("navigation", { name: "Broker sections" })
      .getByRole("link", { name: "Configs" })
      .click();
    await expect(page).toHaveURL(/[?&]tab=configs/);
    await expect(page.getByRole("table", { name: /^Configs of broker \d+$/ })).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Configs of the cluster-wide broker default" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
    const patched = await page.request.patch(DEFAULTS_API, { data: { set: { [NAME]: "2000000" } } });
    expect(patched.status()).toBe(403);

    await page.getByRole("navigation").getByRole("link", { name: "Quorum", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Quorum and features" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Voters" }).getByRole("row").nth(1)).toContainText("Leader");
    await expect(page.getByRole("table", { name: "Features" })).toContainText("metadata.version");
  });
});

test.describe("as an admin", () => {
  test("sets a cluster-wide default with the old → new preview, and resets it", async ({ page }) => {
    expect(await defaultValue(page)).toBeNull();
    await page.goto("/console/clusters/e2e/brokers");
    const nodeId = await page
      .getByRole("table", { name: "Brokers" })
      .getByRole("row")
      .nth(1)
      .getByRole("link")
      .textContent();
    await page.goto(`/console/clusters/e2e/brokers/${nodeId}?tab=configs`);
    const defaults = page.getByRole("region", { name: "Cluster-wide default" });
    const row = defaults.getByRole("row", { name: new RegExp(`^${NAME.replaceAll(".", "\\.")}`) });
    const before = (await row.getByRole("cell").nth(1).textContent())?.trim().split(/\s/)[0];

    await defaults.getByRole("button", { name: `Edit ${NAME}` }).click();
    await defaults.getByRole("textbox", { name: `New value of ${NAME}` }).fill("2000000");
    await defaults.getByRole("button", { name: "Review 1 change" }).click();
    // Nothing set at the default yet: the old value is none.
    await expect(defaults.getByRole("list", { name: "Changes to apply" })).toHaveText(
      `${NAME}: (none) → 2000000`,
    );
    expect(await defaultValue(page)).toBeNull();
    await defaults.getByRole("button", { name: "Apply changes" }).click();
    await expect(defaults.getByRole("status").filter({ hasText: "Applied to" })).toContainText(
      `${NAME} (none) → 2000000`,
    );
    expect(await defaultValue(page)).toBe("2000000");
    // The change reaches the broker through the metadata log; the page shows it once it has.
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText("dynamic cluster default", { timeout: 1_000 });
    }).toPass();
    await expect(row).toContainText("2000000");

    await defaults.getByRole("button", { name: `Reset ${NAME} to default` }).click();
    await defaults.getByRole("button", { name: "Review 1 change" }).click();
    await expect(defaults.getByRole("list", { name: "Changes to apply" })).toContainText(
      `${NAME}: 2000000 →`,
    );
    await defaults.getByRole("button", { name: "Apply changes" }).click();
    await expect(defaults.getByRole("status").filter({ hasText: "Applied to" })).toContainText(
      `${NAME} 2000000 →`,
    );
    expect(await defaultValue(page)).toBeNull();
    await expect(async () => {
      await page.reload();
      await expect(row).not.toContainText("dynamic cluster default", { timeout: 1_000 });
    }).toPass();
    if (before) await expect(row).toContainText(before);
  });
});
