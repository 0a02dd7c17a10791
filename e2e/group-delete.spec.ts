// A topic's Consumers tab and deleting from a group in the browser: a viewer finds the group reading a
// topic on the topic's page and follows it, but gets no Delete card and a 403 over REST; an admin
// deletes one topic's offsets (the confirmation names the partition and offset that go) and then the
// group itself after typing its id, and Kafka no longer has it.
import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { storageStateFor } from "./support/credentials";
import { consoleKafka } from "./support/kafka";

const SUFFIX = randomBytes(3).toString("hex");
const KEPT = `e2e-del-kept-${SUFFIX}`;
const DROPPED = `e2e-del-dropped-${SUFFIX}`;
const UNREAD = `e2e-del-unread-${SUFFIX}`;
const GROUP = `e2e-del-readers-${SUFFIX}`;
const groupPage = `/console/clusters/e2e/groups/${GROUP}`;

async function groupExists(): Promise<boolean> {
  const admin = consoleKafka().admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    return groups.some((group) => group.groupId === GROUP);
  } finally {
    await admin.disconnect();
  }
}

test.beforeAll(async () => {
  const kafka = consoleKafka();
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [KEPT, DROPPED, UNREAD].map((topic) => ({ topic, numPartitions: 1 })),
  });
  const producer = kafka.producer();
  await producer.connect();
  for (const topic of [KEPT, DROPPED])
    await producer.send({ topic, messages: [1, 2, 3, 4].map((index) => ({ value: `record ${index}` })) });
  await producer.disconnect();
  // A group with commits on both topics and no members, as after its consumers stopped.
  await admin.setOffsets({ groupId: GROUP, topic: KEPT, partitions: [{ partition: 0, offset: "1" }] });
  await admin.setOffsets({ groupId: GROUP, topic: DROPPED, partitions: [{ partition: 0, offset: "2" }] });
  await admin.disconnect();
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("finds the group on the topic's Consumers tab and opens it, without a way to delete", async ({
    page,
  }) => {
    await page.goto(`/console/clusters/e2e/topics/${KEPT}`);
    await page
      .getByRole("navigation", { name: "Topic sections" })
      .getByRole("link", { name: "Consumers" })
      .click();
    await expect(page).toHaveURL(/[?&]tab=consumers/);
    const row = page.getByRole("table", { name: "Consumers" }).getByRole("row", { name: new RegExp(GROUP) });
    await expect(row.getByRole("cell")).toHaveText([GROUP, "classic", "Empty", "0", "1", "3"]);
    await row.getByRole("link", { name: GROUP }).click();
    await expect(page.getByRole("heading", { level: 1, name: GROUP })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete group…" })).toHaveCount(0);

    const refused = await page.request.delete(`/api/v1/clusters/e2e/groups/${GROUP}`);
    expect(refused.status()).toBe(403);
    expect(await groupExists()).toBe(true);
  });

  test("an unread topic's Consumers tab says no group reads it", async ({ page }) => {
    await page.goto(`/console/clusters/e2e/topics/${UNREAD}?tab=consumers`);
    await expect(page.getByRole("heading", { name: "No group reads this topic" })).toBeVisible();
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("deletes one topic's offsets, then the group after typing its id", async ({ page }) => {
    await page.goto(groupPage);
    const offsets = page.getByRole("table", { name: "Offsets and lag" });
    await expect(offsets.getByRole("row", { name: new RegExp(DROPPED) })).toHaveCount(1);

    await page.getByRole("combobox", { name: "Topic whose offsets to delete" }).selectOption(DROPPED);
    await page.getByRole("button", { name: "Delete topic offsets…" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("list", { name: "Offsets that go" })).toHaveText("partition 0: offset 2");
    await dialog.getByRole("button", { name: "Delete offsets" }).click();
    await expect(dialog).toBeHidden();
    await expect(offsets.getByRole("row", { name: new RegExp(DROPPED) })).toHaveCount(0);
    await expect(offsets.getByRole("row", { name: new RegExp(KEPT) })).toHaveCount(1);

    await page.getByRole("button", { name: "Delete group…" }).click();
    await dialog.getByRole("button", { name: "Delete group" }).click();
    await expect(dialog.getByRole("alert")).toContainText(`Type the group id ${GROUP}`);
    expect(await groupExists()).toBe(true);
    await dialog.getByLabel("Type the group id to confirm").fill(GROUP);
    await dialog.getByRole("button", { name: "Delete group" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Consumer groups" })).toBeVisible();
    await expect.poll(groupExists).toBe(false);
  });
});
