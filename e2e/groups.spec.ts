// Consumer groups: a kafkajs group that consumed part of a topic is found by search in the list, with
// its type, state and lag, and its page shows the lag per partition. Read as a viewer.
import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { storageStateFor } from "./support/credentials";
import { consoleKafka } from "./support/kafka";

const SUFFIX = randomBytes(3).toString("hex");
const TOPIC = `e2e-groups-${SUFFIX}`;
/** A space in the id: Kafka allows it, and the page and the REST route must read it back from the address. */
const GROUP = `e2e readers ${SUFFIX}`;
const PRODUCED = 5;
const CONSUMED = 3;

test.beforeAll(async () => {
  const kafka = consoleKafka();
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }] });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic: TOPIC,
    messages: Array.from({ length: PRODUCED }, (_, index) => ({ value: `reading ${index}` })),
  });
  await producer.disconnect();

  // A consumer that reads and commits the first CONSUMED records, then leaves: an Empty classic group.
  const consumer = kafka.consumer({ groupId: GROUP });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  let consumed = 0;
  await new Promise<void>((resolve, reject) => {
    // kafkajs restarts after a retriable error (the coordinator still loading); only a final crash fails.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) reject(payload.error);
    });
    consumer
      .run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          if (consumed >= CONSUMED) return;
          consumed += 1;
          await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
          if (consumed === CONSUMED) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("finds the group by search with its type, state and lag, and opens its lag per partition", async ({
    page,
  }) => {
    await page.goto("/console/groups");
    await expect(page.getByRole("heading", { level: 1, name: "Consumer groups" })).toBeVisible();
    const search = page.getByRole("searchbox", { name: "Search groups" });
    await search.fill(GROUP);
    await search.press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]q=${GROUP.replaceAll(" ", "\\+")}`));
    const table = page.getByRole("table", { name: "Groups" });
    await expect(table.getByRole("row")).toHaveCount(2); // header + the one match
    const row = table.getByRole("row", { name: new RegExp(GROUP) });
    await expect(row.getByRole("cell").nth(1)).toHaveText("classic");
    await expect(row.getByRole("cell").nth(2)).toHaveText("Empty");
    await expect(row.getByRole("cell").nth(5)).toHaveText("0"); // members
    await expect(row.getByRole("cell").nth(6)).toHaveText(TOPIC);
    await expect(row.getByRole("cell").nth(7)).toHaveText(String(PRODUCED - CONSUMED));

    await page.getByRole("searchbox", { name: "Search groups" }).fill(`${GROUP}-nothing-like-it`);
    await page.getByRole("searchbox", { name: "Search groups" }).press("Enter");
    await expect(page.getByRole("heading", { name: "No group matches" })).toBeVisible();
    await page.goBack();

    await page.getByRole("link", { name: GROUP }).click();
    await expect(page.getByRole("heading", { level: 1, name: GROUP })).toBeVisible();
    await expect(page.getByTestId("total-lag")).toHaveText(String(PRODUCED - CONSUMED));
    await expect(page.getByRole("heading", { name: "No active members" })).toBeVisible();
    const offsets = page.getByRole("table", { name: "Offsets and lag" });
    const partition = offsets.getByRole("row", { name: new RegExp(TOPIC) });
    await expect(partition.getByRole("cell")).toHaveText([
      TOPIC,
      "0",
      String(CONSUMED),
      String(PRODUCED),
      String(PRODUCED - CONSUMED),
      /^\d+ (ms|s)$|min/, // time lag: the age of the record at the committed offset
      "–",
      "–",
    ]);
  });

  test("reads the group's lag over REST", async ({ page }) => {
    const response = await page.request.get(`/api/v1/clusters/e2e/groups/${encodeURIComponent(GROUP)}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { id: string; type: string; totalLag: string };
    expect(body).toMatchObject({ id: GROUP, type: "classic", totalLag: String(PRODUCED - CONSUMED) });
    const list = await page.request.get(
      `/api/v1/clusters/e2e/groups?q=${encodeURIComponent(GROUP)}&type=classic`,
    );
    expect(((await list.json()) as { total: number }).total).toBe(1);
  });

  test("a group no broker lists is a not-found page", async ({ page }) => {
    const response = await page.goto(`/console/groups/e2e-no-such-group-${SUFFIX}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Group not found" })).toBeVisible();
  });
});
