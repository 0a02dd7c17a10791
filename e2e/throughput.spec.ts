// Throughput without JMX: kafkajs produces 20 records a second into a new topic while the running
// console samples every 5 s (global-setup sets lagHistory.throughputIntervalSeconds); the topic's chart
// (its Partitions tab), the overview's chart and busiest topics, and the REST route then give a rate
// within 20% of it. Read as a viewer.
import { randomBytes } from "node:crypto";
import { join } from "node:path";

import { expect, test, type Page } from "@playwright/test";

import { storageStateFor } from "./support/credentials";
import { consoleKafka } from "./support/kafka";

const TOPIC = `e2e-throughput-${randomBytes(3).toString("hex")}`;
const PER_SECOND = 20;
const BATCHES_PER_SECOND = 10;

/** Sends PER_SECOND records a second, in tenth-of-a-second batches on a drift-free schedule, until stopped. */
function produceSteadily(): { stop: () => Promise<void> } {
  const producer = consoleKafka().producer({ allowAutoTopicCreation: false });
  let stopped = false;
  const done = (async () => {
    await producer.connect();
    const began = performance.now();
    for (let batch = 1; !stopped; batch++) {
      await producer.send({
        topic: TOPIC,
        messages: Array.from({ length: PER_SECOND / BATCHES_PER_SECOND }, (_, index) => ({
          value: `reading ${batch}-${index}`,
        })),
      });
      const due = began + (batch * 1000) / BATCHES_PER_SECOND;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    }
    await producer.disconnect();
  })();
  return {
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

/** The chart's latest messages/s from its caption, or NaN while it has none. */
async function latestRate(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const caption = page.getByRole("region", { name: "Throughput" }).getByRole("figure");
  if ((await caption.count()) === 0) return Number.NaN;
  const match = /latest ([\d,.]+) messages\/s/.exec(await caption.innerText());
  return match ? Number(match[1]!.replaceAll(",", "")) : Number.NaN;
}

/** `npm run screenshots`' directory (SCREENSHOTS_DIR, from the repository's root), else the test's output. */
const screenshotsDir = (outputDir: string) =>
  process.env.SCREENSHOTS_DIR ? join(import.meta.dirname, "..", process.env.SCREENSHOTS_DIR) : outputDir;

const within20Percent = (rate: number) => Math.abs(rate - PER_SECOND) / PER_SECOND;

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("the topic's and the overview's charts show the rate produced, so do the busiest topics and REST", async ({
    page,
  }, testInfo) => {
    test.setTimeout(150_000);
    const admin = consoleKafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const producing = produceSteadily();
    try {
      const topicPage = `/console/clusters/e2e/topics/${TOPIC}?tab=partitions`;
      // Two rounds after the topic appears, then one full interval of steady producing.
      await expect
        .poll(async () => within20Percent(await latestRate(page, topicPage)), {
          timeout: 90_000,
          intervals: [2_500],
        })
        .toBeLessThanOrEqual(0.2);
      const figure = page.getByRole("region", { name: "Throughput" }).getByRole("figure");
      await expect(figure).toContainText(`Throughput of ${TOPIC} over the last hour`);
      await expect(figure.locator("canvas").first()).toBeVisible();

      const answer = await page.request.get(`/api/v1/clusters/e2e/topics/${TOPIC}/throughput`);
      expect(answer.status()).toBe(200);
      const body = (await answer.json()) as {
        sampler: { intervalSeconds: number };
        points: { messagesPerSecond: number }[];
      };
      expect(body.sampler.intervalSeconds).toBe(5);
      expect(body.points.some((point) => within20Percent(point.messagesPerSecond) <= 0.2)).toBe(true);

      // The cluster's total holds this topic's rate (other specs' topics are idle by now).
      await expect
        .poll(async () => latestRate(page, "/console/clusters/e2e"), { timeout: 30_000, intervals: [2_500] })
        .toBeGreaterThanOrEqual(PER_SECOND * 0.8);
      await expect(page.getByRole("region", { name: "Throughput" }).getByRole("figure")).toContainText(
        "Throughput of cluster e2e over the last hour",
      );
      const busiest = page.getByRole("list", { name: /By produce rate/ });
      await expect(busiest.getByRole("link", { name: TOPIC })).toBeVisible();
      await expect(page.getByRole("region", { name: "Finalized features" })).toContainText(
        "metadata.version",
      );
      await expect(page.getByRole("table", { name: "Disk per broker" })).toContainText("Node 1");

      // The README's screenshots (issue 18): the overview with rates and the topic's chart, light and dark.
      const dir = screenshotsDir(testInfo.outputDir);
      await page.setViewportSize({ width: 1440, height: 900 });
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto("/console/clusters/e2e");
        await page.getByRole("region", { name: "Throughput" }).locator("canvas").first().waitFor();
        await page.screenshot({ path: join(dir, `overview-${colorScheme}.png`), fullPage: true });
        await page.goto(`/console/clusters/e2e/topics/${TOPIC}?tab=partitions`);
        const chart = page.getByRole("region", { name: "Throughput" });
        await chart.locator("canvas").first().waitFor();
        await chart.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(dir, `topic-throughput-${colorScheme}.png`) });
      }
    } finally {
      await producing.stop();
    }
  });
});
