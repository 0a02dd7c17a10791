// Issue 12, multi-cluster: every console page is a cluster's (/console/clusters/{cluster}/…), the
// addresses from before lead to the default cluster, the header switches clusters, the clusters page
// lists them all, and a stopped cluster neither slows nor breaks another's pages.
import { readFileSync } from "node:fs";

import { expect, type Page, test } from "@playwright/test";
import kafkajs from "kafkajs";

import { brokerStatus, startBroker, stopBroker } from "../scripts/cluster/broker";
import { brokerLayout } from "../scripts/cluster/layout";
import { PLAIN_CONSOLE_USER } from "../scripts/cluster/plain-users";
import { kafkaRelease } from "../test/support/kafka-release";
import { consoleKafka } from "./support/kafka";

const { Kafka, logLevel } = kafkajs;
const DEFAULT = "e2e";
const PLAIN = "e2e-plain";

function plainBroker() {
  const dir = process.env.E2E_PLAIN_BROKER_DIR;
  if (!dir) throw new Error("E2E_PLAIN_BROKER_DIR is not set: run the specs through playwright.config.ts");
  const status = brokerStatus(dir);
  if (!status) throw new Error(`No broker state in ${dir}`);
  return { dir, ports: status.ports, layout: brokerLayout(dir) };
}

/** The console's own PLAIN identity on e2e-plain, as a kafkajs client connects. */
function plainKafka() {
  const { ports, layout } = plainBroker();
  return new Kafka({
    clientId: "e2e-clusters",
    brokers: [`127.0.0.1:${ports.sasl}`],
    ssl: { ca: [readFileSync(layout.caBundle, "utf8")] },
    sasl: {
      mechanism: "plain",
      username: PLAIN_CONSOLE_USER,
      password: readFileSync(layout.consolePlainPassword, "utf8"),
    },
    logLevel: logLevel.NOTHING,
    connectionTimeout: 5_000,
    retry: { retries: 8, initialRetryTime: 300 },
  });
}

async function createTopic(kafka: InstanceType<typeof Kafka>, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

const clusterRow = (page: Page, cluster: string) =>
  page
    .getByRole("table", { name: "Clusters" })
    .getByRole("row")
    .filter({
      has: page.getByRole("link", { name: cluster, exact: true }),
    });

test("the addresses without a cluster lead to the default cluster, query string and all", async ({
  page,
}) => {
  const redirect = await page.request.get("/console/security/acls?principal=User%3Aalice", {
    maxRedirects: 0,
  });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers().location).toBe(
    `/console/clusters/${DEFAULT}/security/acls?principal=User%3Aalice`,
  );

  await page.goto("/console/security/acls");
  await expect(page).toHaveURL(new RegExp(`/console/clusters/${DEFAULT}/security/acls$`));
  await expect(page.getByRole("heading", { name: "ACLs", level: 1 })).toBeVisible();

  await page.goto("/console/topics?q=nothing-matches-this");
  await expect(page).toHaveURL(new RegExp(`/console/clusters/${DEFAULT}/topics\\?q=nothing-matches-this$`));
  await page.goto("/console");
  await expect(page).toHaveURL(new RegExp(`/console/clusters/${DEFAULT}$`));
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();

  expect((await page.request.get("/console/clusters/no-such-cluster/topics")).status()).toBe(404);
});

test("the header switches clusters, keeping the kind of page, and each shows its own topics", async ({
  page,
}) => {
  const stamp = Date.now();
  const mineOnDefault = `only-on-e2e-${stamp}`;
  const mineOnPlain = `only-on-plain-${stamp}`;
  await Promise.all([createTopic(consoleKafka(), mineOnDefault), createTopic(plainKafka(), mineOnPlain)]);

  await page.goto(`/console/clusters/${DEFAULT}/topics/${mineOnDefault}`);
  await expect(page.getByRole("heading", { name: mineOnDefault, level: 1 })).toBeVisible();
  await page.getByLabel("Cluster", { exact: true }).selectOption(PLAIN);
  // A topic page leads to the other cluster's topic list: it may have no such topic.
  await expect(page).toHaveURL(new RegExp(`/console/clusters/${PLAIN}/topics$`));
  await expect(page.getByRole("link", { name: mineOnPlain, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: mineOnDefault, exact: true })).toHaveCount(0);
  await expect(page.getByRole("status", { name: "Cluster health" })).toContainText(PLAIN);

  await page.getByRole("link", { name: "ACLs" }).click();
  await expect(page).toHaveURL(new RegExp(`/console/clusters/${PLAIN}/security/acls$`));
  await page.getByLabel("Cluster", { exact: true }).selectOption(DEFAULT);
  await expect(page).toHaveURL(new RegExp(`/console/clusters/${DEFAULT}/security/acls$`));

  await page.goto(`/console/clusters/${DEFAULT}/topics?q=only-on-`);
  await expect(page.getByRole("link", { name: mineOnDefault, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: mineOnPlain, exact: true })).toHaveCount(0);
  // A list keeps its search on the other cluster.
  await page.getByLabel("Cluster", { exact: true }).selectOption(PLAIN);
  await expect(page).toHaveURL(new RegExp(`/console/clusters/${PLAIN}/topics\\?q=only-on-$`));
  await expect(page.getByRole("link", { name: mineOnPlain, exact: true })).toBeVisible();
});

test("the clusters page lists every cluster with how the console authenticates to it", async ({ page }) => {
  await page.goto("/console/clusters");
  await expect(page.getByRole("heading", { name: "Clusters", level: 1 })).toBeVisible();
  const defaultRow = clusterRow(page, DEFAULT);
  await expect(defaultRow).toContainText("mTLS");
  await expect(defaultRow).toContainText("default");
  await expect(defaultRow).toContainText("Healthy");
  // Exact from the cluster's finalized metadata.version, which a new broker sets to its release's.
  const release = `${kafkaRelease.major}.${kafkaRelease.minor}`;
  await expect(defaultRow).toContainText(`Kafka ${release} (metadata.version ${release}-IV`);
  const plainRow = clusterRow(page, PLAIN);
  await expect(plainRow).toContainText("PLAIN over TLS");
  await expect(plainRow).toContainText("Healthy");
});

test("'Grant access…' on a certificate asks which cluster", async ({ page, baseURL }) => {
  const commonName = `grant-${Date.now()}`;
  const issued = await page.request.post("/api/v1/certificates", {
    headers: { Origin: baseURL! },
    data: { certificate: { cn: commonName }, notAfter: new Date(Date.now() + 86_400_000).toISOString() },
  });
  expect(issued.status(), await issued.text()).toBe(201);
  const listed = (await (await page.request.get(`/api/v1/certificates?q=${commonName}`)).json()) as {
    certificates: { serialNumber: string }[];
  };
  await page.goto(`/tools/certificates/${listed.certificates[0]!.serialNumber}`);
  await page.getByText("Grant access…").click();
  const choices = page.getByRole("navigation", { name: "Grant access on cluster" });
  await expect(choices.getByRole("link")).toHaveText([DEFAULT, PLAIN]);
  await choices.getByRole("link", { name: PLAIN }).click();
  await expect(page).toHaveURL(
    new RegExp(`/console/clusters/${PLAIN}/security/acls\\?principal=User%3A${commonName}`),
  );
});

test("a stopped cluster neither slows nor breaks the other's pages", async ({ page }) => {
  test.setTimeout(240_000);
  const { dir, ports } = plainBroker();
  const topicsPageMs = async () => {
    const began = Date.now();
    await page.goto(`/console/clusters/${DEFAULT}/topics`);
    await expect(page.getByRole("table").first()).toBeVisible();
    return Date.now() - began;
  };
  await topicsPageMs(); // warm
  const withBoth = await topicsPageMs();
  await stopBroker(dir);
  try {
    const withOtherDown = [await topicsPageMs(), await topicsPageMs(), await topicsPageMs()];
    console.log(
      `${DEFAULT} topics page: ${withBoth} ms with ${PLAIN} up; ${withOtherDown.join(", ")} ms with ${PLAIN} stopped`,
    );
    await page.goto(`/console/clusters/${DEFAULT}`);
    await expect(page.getByRole("status", { name: "Cluster health" })).toContainText("Healthy");

    const began = Date.now();
    await page.goto("/console/clusters");
    await expect(clusterRow(page, DEFAULT)).toContainText("Healthy");
    await expect(clusterRow(page, PLAIN)).toContainText("Unavailable");
    console.log(`clusters page with ${PLAIN} stopped: both rows answered after ${Date.now() - began} ms`);

    await page.goto(`/console/clusters/${PLAIN}/topics`);
    await expect(page.getByText(`Topics of ${PLAIN} cannot be listed`)).toBeVisible({ timeout: 60_000 });
  } finally {
    await startBroker({ dir, ports });
  }
  // Later specs read e2e-plain again: wait until the console does.
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/clusters/${PLAIN}/status`)).json()).ok, {
      timeout: 90_000,
    })
    .toBe(true);
});
