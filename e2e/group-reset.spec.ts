// Offset resets in the browser: an operator opens a group's reset page from the group, previews a
// reset to a specific offset with the keyboard, applies it behind the confirmation, and Kafka holds the
// new offset; export → reset (REST) → import (the page) restores the offsets; a viewer cannot open the
// page or reset over REST, but may export the offsets.
import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { storageStateFor } from "./support/credentials";
import { consoleKafka } from "./support/kafka";

const SUFFIX = randomBytes(3).toString("hex");
const TOPIC = `e2e-reset-${SUFFIX}`;
const GROUP = `e2e-reset-readers-${SUFFIX}`;
const PRODUCED = 5;
const COMMITTED = 3;
const groupPage = `/console/clusters/e2e/groups/${GROUP}`;
const api = `/api/v1/clusters/e2e/groups/${GROUP}/offsets`;

async function committedOffset(): Promise<string | undefined> {
  const admin = consoleKafka().admin();
  await admin.connect();
  try {
    const [topic] = await admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] });
    return topic?.partitions.find((partition) => partition.partition === 0)?.offset;
  } finally {
    await admin.disconnect();
  }
}

test.beforeAll(async () => {
  const kafka = consoleKafka();
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }] });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic: TOPIC,
    messages: Array.from({ length: PRODUCED }, (_, index) => ({ value: `record ${index}` })),
  });
  await producer.disconnect();
  // A group with a commit and no members, as after its consumers stopped.
  await admin.setOffsets({
    groupId: GROUP,
    topic: TOPIC,
    partitions: [{ partition: 0, offset: String(COMMITTED) }],
  });
  await admin.disconnect();
});

test.describe("as an operator", () => {
  test.use({ storageState: storageStateFor("operator") });

  test("previews a reset to a specific offset, applies it on confirmation, and Kafka holds it", async ({
    page,
  }) => {
    await page.goto(groupPage);
    await page.getByRole("link", { name: "Reset offsets…" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reset offsets" })).toBeVisible();

    const form = page.getByRole("form", { name: "Reset by mode" });
    await form.getByLabel("Reset to").selectOption({ label: "A specific offset" });
    await form.getByLabel("Offset").fill("1");
    await form.getByLabel("Topic").fill(TOPIC);
    await form.getByLabel("Offset").press("Enter");

    const preview = page.getByRole("table", { name: "Preview of the reset" });
    await expect(preview.getByRole("row", { name: new RegExp(TOPIC) }).getByRole("cell")).toHaveText([
      TOPIC,
      "0",
      String(COMMITTED),
      "1",
      `0 … ${PRODUCED}`,
      `${PRODUCED - COMMITTED} → ${PRODUCED - 1}`,
      "",
    ]);
    expect(await committedOffset()).toBe(String(COMMITTED));

    await page.getByRole("button", { name: "Apply…" }).click();
    const dialog = page.getByRole("dialog", { name: `Commit new offsets for ${GROUP}?` });
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await dialog.getByRole("button", { name: "Commit 1 offsets" }).click();
    await expect(dialog.getByRole("status")).toHaveText(/Committed 1 offsets for/);
    expect(await committedOffset()).toBe("1");
    await dialog.getByRole("button", { name: "Done" }).click();

    // An out-of-range offset is clamped and said so.
    await form.getByLabel("Offset").fill("999");
    await form.getByRole("button", { name: "Preview" }).click();
    await expect(
      preview.getByRole("cell", { name: /clamped 999 is past the log end offset; starts at 5\./ }),
    ).toBeVisible();
  });

  test("the reset's dry run over REST answers the preview and changes nothing", async ({ page, baseURL }) => {
    const before = await committedOffset();
    const response = await page.request.post(`${api}/reset`, {
      data: { mode: "earliest" },
      headers: { Origin: baseURL! },
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      group: GROUP,
      dryRun: true,
      rows: [{ topic: TOPIC, partition: 0, currentOffset: before, newOffset: "0", clamped: false }],
    });
    expect(await committedOffset()).toBe(before);
  });
});

test.describe("as an operator, export → reset → import", () => {
  test.use({ storageState: storageStateFor("operator") });

  test("restores the exported offsets through the page's import", async ({ page, baseURL }) => {
    const exported = await page.request.get(`${api}/export?format=csv`);
    const csv = await exported.text();
    const before = await committedOffset();
    expect(csv).toBe(`topic,partition,offset\n${TOPIC},0,${before}\n`);
    const reset = await page.request.post(`${api}/reset`, {
      data: { mode: "latest", dryRun: false },
      headers: { Origin: baseURL! },
    });
    expect(await reset.json()).toMatchObject({
      dryRun: false,
      applied: [{ before, after: String(PRODUCED) }],
    });
    expect(await committedOffset()).toBe(String(PRODUCED));

    await page.goto(`${groupPage}/reset`);
    const form = page.getByRole("form", { name: "Import offsets" });
    await form.getByLabel("Offsets file").setInputFiles({
      name: "offsets.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await form.getByRole("button", { name: "Preview import" }).click();
    const preview = page.getByRole("table", { name: "Preview of the import" });
    await expect(
      preview
        .getByRole("row", { name: new RegExp(TOPIC) })
        .getByRole("cell")
        .nth(3),
    ).toHaveText(before!);
    await page.getByRole("button", { name: "Apply…" }).click();
    await page.getByRole("button", { name: "Commit 1 offsets" }).click();
    await expect(page.getByRole("dialog").getByRole("status")).toHaveText(/Committed 1 offsets/);
    expect(await committedOffset()).toBe(before);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("cannot open the reset page nor reset over REST, and may export the offsets", async ({
    page,
    baseURL,
  }) => {
    await page.goto(groupPage);
    await expect(page.getByRole("heading", { level: 1, name: GROUP })).toBeVisible();
    await expect(page.getByRole("link", { name: "Reset offsets…" })).toHaveCount(0);
    const response = await page.goto(`${groupPage}/reset`);
    expect(response?.status()).toBe(403);

    const reset = await page.request.post(`${api}/reset`, {
      data: { mode: "earliest", dryRun: false },
      headers: { Origin: baseURL! },
    });
    expect(reset.status()).toBe(403);
    expect(((await reset.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    const exported = await page.request.get(`${api}/export?format=csv`);
    expect(exported.status()).toBe(200);
    expect(await exported.text()).toMatch(new RegExp(`^topic,partition,offset\\n${TOPIC},0,\\d+\\n$`));
  });
});
