import { expect, test } from "@playwright/test";

import { kafkaRelease } from "../test/support/kafka-release";
import { e2eBroker, e2ePlainBroker } from "./support/broker";

test.describe("Overview", () => {
  test("shows the real broker", async ({ page }) => {
    const broker = e2eBroker();
    await page.goto("/console");

    const summary = page.getByLabel("Cluster summary");
    await expect(summary.locator('dt:text-is("Cluster ID") + dd')).toHaveText(broker.clusterId);
    const release = `${kafkaRelease.major}.${kafkaRelease.minor}`;
    await expect(summary.locator('dt:text-is("Kafka version") + dd')).toContainText(
      `Kafka ${release} (metadata.version ${release}-IV`,
    );
    const brokers = page.getByRole("table", { name: "Brokers" });
    await expect(brokers.getByRole("row").filter({ hasText: broker.bootstrap })).toBeVisible();
    await expect(page.getByRole("alert", { name: /unreachable|failed|authorized|error/i })).toHaveCount(0);
  });

  test("reads the second cluster, e2e-plain, over SASL_SSL with PLAIN", async ({ page }) => {
    const plain = e2ePlainBroker();
    const response = await page.request.get("/api/v1/clusters/e2e-plain/status");
    expect(response.status()).toBe(200);
    const status = await response.json();
    expect(status.ok, JSON.stringify(status.problem)).toBe(true);
    expect(status.overview.clusterId).toBe(plain.clusterId);
    // The metadata answer names the listener the console came in on: the SASL_SSL one.
    expect(status.overview.brokers).toEqual([expect.objectContaining({ port: plain.saslPort })]);
  });

  test("says the cluster is unreachable while the broker is down, and recovers by itself", async ({
    page,
  }) => {
    const broker = e2eBroker();
    await page.goto("/console");
    await expect(page.getByText(broker.clusterId)).toBeVisible();

    await broker.stop();
    // Next.js renders an unnamed role=alert route announcer on every page; the panel is named.
    const problem = page.getByRole("alert", { name: "Cluster unreachable" });
    await expect(problem).toBeVisible({ timeout: 45_000 });
    await expect(problem).not.toContainText(/\bat .+\.(js|ts):\d+/); // no stack trace

    // A page rendered on the server while the broker is down shows the same panel.
    await page.reload();
    await expect(problem).toBeVisible({ timeout: 45_000 });

    await broker.start();
    await expect(page.getByRole("table", { name: "Brokers" })).toBeVisible({ timeout: 60_000 });
    await expect(problem).toHaveCount(0);
    await expect(page.getByText(broker.clusterId)).toBeVisible();
  });
});
