// Lag history: a group that committed 3 of 5 records is sampled by the running console's sampler
// (every 30 s by default); its page then charts the lag (uPlot draws a canvas) with the figures as
// text, the range links switch to 24 hours and 7 days, the list shows its sparkline, and the REST
// route answers the same point. Read as a viewer.
import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { storageStateFor } from "./support/credentials";
import { consoleKafka } from "./support/kafka";

const SUFFIX = randomBytes(3).toString("hex");
const TOPIC = `e2e-lag-history-${SUFFIX}`;
const GROUP = `e2e-lag-history-${SUFFIX}`;
const PRODUCED = 5;
const COMMITTED = 3;
const LAG = String(PRODUCED - COMMITTED);

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
  // Committed as kafka-consumer-groups --reset-offsets does: a group without live members.
  await admin.setOffsets({
    groupId: GROUP,
    topic: TOPIC,
    partitions: [{ partition: 0, offset: String(COMMITTED) }],
  });
  await admin.disconnect();
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("the group's page charts its sampled lag, the list shows its sparkline, REST answers the points", async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const groupPage = `/console/clusters/e2e/groups/${GROUP}`;
    const history = page.getByRole("region", { name: "Lag history" });
    // The sampler's next round (30 s at most) records the group; until then the card says so.
    await expect
      .poll(
        async () => {
          await page.goto(groupPage);
          return (await history.getByRole("figure").count()) > 0;
        },
        { timeout: 100_000, intervals: [5_000] },
      )
      .toBe(true);
    // Another round may have come by now: the count of points is not fixed, the lag is.
    await expect(history.getByRole("figure")).toContainText(
      new RegExp(`Total lag of ${GROUP} over the last hour: \\d+ points?, latest ${LAG}, largest ${LAG}\\.`),
    );
    await expect(history.locator("canvas").first()).toBeVisible();

    await history.getByRole("link", { name: "7d" }).click();
    await expect(page).toHaveURL(/[?&]range=7d/);
    await expect(history.getByRole("link", { name: "7d" })).toHaveAttribute("aria-current", "page");
    await expect(history.getByRole("figure")).toContainText(
      new RegExp(`over the last 7 days: \\d+ points?, latest ${LAG}, largest ${LAG}\\.`),
    );

    await page.goto(`/console/clusters/e2e/groups?q=${GROUP}`);
    const row = page.getByRole("table", { name: "Groups" }).getByRole("row", { name: new RegExp(GROUP) });
    await expect(
      row.getByRole("img", {
        name: `Total lag over the last 6 hours: from ${LAG} to ${LAG}, largest ${LAG}`,
      }),
    ).toBeVisible();

    const answer = await page.request.get(`/api/v1/clusters/e2e/groups/${GROUP}/lag-history?range=24h`);
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as { resolutionSeconds: number; points: { lag: string }[] };
    expect(body.resolutionSeconds).toBe(300);
    expect(body.points.length).toBeGreaterThan(0);
    expect(body.points.every((point) => point.lag === LAG)).toBe(true);
  });

  test("a hand-edited range falls back to the last hour", async ({ page }) => {
    await page.goto(`/console/clusters/e2e/groups/${GROUP}?range=30d`);
    const history = page.getByRole("region", { name: "Lag history" });
    await expect(history.getByRole("link", { name: "1h" })).toHaveAttribute("aria-current", "page");
  });
});
