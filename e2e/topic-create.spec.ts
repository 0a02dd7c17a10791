// Creating and configuring a topic in the browser: an operator sees the name rules and the '.'/'_'
// collision warning as they type, creates a topic with a config and lands on its Configs tab, edits
// retention.ms after reviewing old → new, and resets it to the default; Kafka agrees each time. A
// viewer has no "Create topic" button, reads the configs without editing, and gets 403 over REST.
import { randomBytes } from "node:crypto";

import { expect, test, type Page } from "@playwright/test";

import { storageStateFor } from "./support/credentials";
import { consoleKafka } from "./support/kafka";

const SUFFIX = randomBytes(3).toString("hex");
const TOPIC = `e2e-create-${SUFFIX}`;
const NEIGHBOUR = `e2e_coll_${SUFFIX}`;
const TOPIC_RESOURCE = 2;

async function kafkaTopic(name: string) {
  const admin = consoleKafka().admin();
  await admin.connect();
  try {
    const topics = await admin.listTopics();
    if (!topics.includes(name)) return null;
    const { resources } = await admin.describeConfigs({
      resources: [{ type: TOPIC_RESOURCE, name, configNames: ["retention.ms"] }],
      includeSynonyms: false,
    });
    const entry = resources[0]?.configEntries.find((config) => config.configName === "retention.ms");
    return { retention: entry?.configValue, isDefault: entry?.isDefault };
  } finally {
    await admin.disconnect();
  }
}

const retentionRow = (page: Page) =>
  page
    .getByRole("table", { name: `Configs of topic ${TOPIC}` })
    .getByRole("row")
    .filter({ has: page.getByText("retention.ms", { exact: true }) });

test.beforeAll(async () => {
  const admin = consoleKafka().admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: NEIGHBOUR, numPartitions: 1 }] });
  await admin.disconnect();
});

test.describe("as an operator", () => {
  test.use({ storageState: storageStateFor("operator") });

  test("creates a topic with a config, edits retention.ms after the preview, and resets it", async ({
    page,
  }) => {
    await page.goto("/console/clusters/e2e/topics");
    await page.getByRole("link", { name: "Create topic" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Create topic" })).toBeVisible();

    const name = page.getByRole("textbox", { name: "Name" });
    await name.fill("orders/eu");
    await expect(page.getByText("A topic name has only letters, digits, '.', '_' and '-'")).toBeVisible();
    await name.fill(`e2e.coll.${SUFFIX}`);
    await expect(page.getByRole("status").filter({ hasText: NEIGHBOUR })).toContainText("metric names");
    await name.fill(TOPIC);
    await expect(page.getByRole("status").filter({ hasText: "metric names" })).toHaveCount(0);
    await page.getByRole("spinbutton", { name: "Partitions" }).fill("2");
    await page.getByRole("combobox", { name: "Add a config" }).selectOption("retention.ms");
    const value = page.getByRole("textbox", { name: "New value of retention.ms" });
    await value.fill("an hour");
    await expect(page.getByText("A whole number is expected (long).")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create topic" })).toBeDisabled();
    await value.fill("3600000");
    await page.getByRole("button", { name: "Create topic" }).click();

    await expect(page).toHaveURL(new RegExp(`/topics/${TOPIC}\\?tab=configs`));
    await expect(page.getByRole("heading", { level: 1, name: TOPIC })).toBeVisible();
    await expect(retentionRow(page)).toContainText("3600000");
    await expect(retentionRow(page)).toContainText("dynamic topic");
    expect(await kafkaTopic(TOPIC)).toEqual({ retention: "3600000", isDefault: false });

    // Create like… starts from this topic's partitions and own configs.
    await page.getByRole("link", { name: "Create like…" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Create topic like ${TOPIC}` })).toBeVisible();
    await expect(page.getByRole("spinbutton", { name: "Partitions" })).toHaveValue("2");
    await expect(page.getByRole("textbox", { name: "New value of retention.ms" })).toHaveValue("3600000");
    await page.goBack();

    await page.getByRole("button", { name: "Edit retention.ms" }).click();
    await page.getByRole("textbox", { name: "New value of retention.ms" }).fill("7200000");
    await page.getByRole("button", { name: "Review 1 change" }).click();
    await expect(page.getByRole("list", { name: "Changes to apply" })).toHaveText(
      "retention.ms: 3600000 → 7200000",
    );
    expect((await kafkaTopic(TOPIC))?.retention).toBe("3600000");
    await page.getByRole("button", { name: "Apply changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Applied to topic" })).toContainText(
      "retention.ms 3600000 → 7200000",
    );
    await expect(retentionRow(page)).toContainText("7200000");
    expect(await kafkaTopic(TOPIC)).toEqual({ retention: "7200000", isDefault: false });

    await page.getByRole("button", { name: "Reset retention.ms to default" }).click();
    await page.getByRole("button", { name: "Review 1 change" }).click();
    await expect(page.getByRole("list", { name: "Changes to apply" })).toContainText(
      "retention.ms: 7200000 →",
    );
    await page.getByRole("button", { name: "Apply changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Applied to topic" })).toContainText(
      "retention.ms 7200000 → 604800000",
    );
    await expect(retentionRow(page)).toContainText("default");
    expect(await kafkaTopic(TOPIC)).toEqual({ retention: "604800000", isDefault: true });
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("has no create button, reads configs without editing, and gets 403 over REST", async ({ page }) => {
    await page.goto("/console/clusters/e2e/topics");
    await expect(page.getByRole("heading", { level: 1, name: "Topics" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Create topic" })).toHaveCount(0);

    await page.goto(`/console/clusters/e2e/topics/${NEIGHBOUR}?tab=configs`);
    await expect(page.getByRole("table", { name: `Configs of topic ${NEIGHBOUR}` })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Create like…" })).toHaveCount(0);

    const refused = await page.request.post("/api/v1/clusters/e2e/topics", {
      data: { name: `e2e-viewer-${SUFFIX}`, partitions: 1, replicationFactor: 1 },
    });
    expect(refused.status()).toBe(403);
    const patched = await page.request.patch(`/api/v1/clusters/e2e/topics/${NEIGHBOUR}/configs`, {
      data: { set: { "retention.ms": "1000" } },
    });
    expect(patched.status()).toBe(403);
    expect(await kafkaTopic(`e2e-viewer-${SUFFIX}`)).toBeNull();
  });
});
