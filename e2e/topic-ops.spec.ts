// A topic's operations in the browser (issue 14): an operator produces on the Produce tab, deletes
// records before an offset after the per-partition preview, and adds a partition after Kafka's check;
// an admin deletes a topic by typing its name and lands on the list; a viewer sees sizes but no
// buttons and gets 403 over REST. Kafka itself (kafkajs) confirms each change.
import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { storageStateFor } from "./support/credentials";
import { consoleKafka } from "./support/kafka";

const SUFFIX = randomBytes(3).toString("hex");
const OPERATED = `e2e-ops-${SUFFIX}`;
const DOOMED = `e2e-ops-doomed-${SUFFIX}`;
const partitionsTab = (topic: string) => `/console/clusters/e2e/topics/${topic}?tab=partitions`;

async function withAdmin<T>(
  run: (admin: ReturnType<ReturnType<typeof consoleKafka>["admin"]>) => Promise<T>,
) {
  const admin = consoleKafka().admin();
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.disconnect();
  }
}

const lowWatermark = () =>
  withAdmin(
    async (admin) => (await admin.fetchTopicOffsets(OPERATED)).find((row) => row.partition === 0)?.low,
  );
const partitionCount = () =>
  withAdmin(
    async (admin) => (await admin.fetchTopicMetadata({ topics: [OPERATED] })).topics[0]?.partitions.length,
  );
const topicExists = (topic: string) => withAdmin(async (admin) => (await admin.listTopics()).includes(topic));

test.beforeAll(async () => {
  await withAdmin((admin) =>
    admin.createTopics({ topics: [OPERATED, DOOMED].map((topic) => ({ topic, numPartitions: 1 })) }),
  );
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("sees partitions and sizes per broker, no way to change them, and 403 over REST", async ({ page }) => {
    await page.goto(partitionsTab(OPERATED));
    await expect(page.getByRole("table", { name: "Partitions" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Size per broker" }).getByRole("row")).toHaveCount(2);
    for (const name of ["Preview", "Check and add…", "Delete topic…"])
      await expect(page.getByRole("button", { name })).toHaveCount(0);
    const deleteRecords = await page.request.post(`/api/v1/clusters/e2e/topics/${OPERATED}/records/delete`, {
      data: { mode: "all", dryRun: false },
    });
    expect(deleteRecords.status()).toBe(403);
    expect((await page.request.delete(`/api/v1/clusters/e2e/topics/${OPERATED}`)).status()).toBe(403);
  });
});

test.describe("as an operator", () => {
  test.use({ storageState: storageStateFor("operator") });

  test("produces, deletes records before an offset after the preview, and adds a partition", async ({
    page,
  }) => {
    await page.goto(`/console/clusters/e2e/topics/${OPERATED}?tab=produce`);
    const form = page.getByRole("form", { name: "Produce a message" });
    await form.getByLabel("Value").fill("to be deleted, mostly");
    await form.getByLabel("Copies").fill("5");
    await form.getByRole("button", { name: "Produce" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `Sent 5 messages to ${OPERATED}` }),
    ).toBeVisible();

    await page.goto(partitionsTab(OPERATED));
    await expect(page.getByRole("button", { name: "Delete topic…" })).toHaveCount(0);
    await page.getByLabel("Before offset").fill("3");
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("table", { name: "Records that go per partition" });
    await expect(preview.getByRole("row").nth(1).getByRole("cell")).toHaveText(["0", "0", "5", "3", "3"]);
    await page.getByRole("button", { name: "Delete 3 records…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Delete records" }).click();
    await expect(
      page.getByText(`Deleted 3 records from ${OPERATED}. Low watermarks now 0: 3.`),
    ).toBeVisible();
    expect(await lowWatermark()).toBe("3");

    await page.getByLabel("New partition count").fill("2");
    await page.getByRole("button", { name: "Check and add…" }).click();
    await expect(dialog).toContainText("from 1 to 2 partitions");
    await dialog.getByRole("button", { name: "Add 1 partitions" }).click();
    await expect(page.getByText(`${OPERATED} now has 2 partitions (was 1).`)).toBeVisible();
    await expect.poll(partitionCount).toBe(2);
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("deletes a topic after typing its name and returns to the list", async ({ page }) => {
    await page.goto(partitionsTab(DOOMED));
    await page.getByRole("button", { name: "Delete topic…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Delete topic" }).click();
    await expect(dialog.getByRole("alert")).toContainText(`Type the topic's name, ${DOOMED}`);
    expect(await topicExists(DOOMED)).toBe(true);
    await dialog.getByLabel("Type the topic's name to confirm").fill(DOOMED);
    await dialog.getByRole("button", { name: "Delete topic" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Topics" })).toBeVisible();
    await expect.poll(() => topicExists(DOOMED)).toBe(false);
  });
});
