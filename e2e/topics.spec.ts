// The topic list and a topic's page: search narrows the list, the page opens on Messages, an operator
// produces a message with a header through the form, and a viewer gets no Produce tab.
import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { storageStateFor } from "./support/credentials";
import { consoleKafka, topicWithMessage } from "./support/kafka";

const TOPIC = `e2e-topics-${randomBytes(3).toString("hex")}`;

test.beforeAll(async () => {
  await topicWithMessage(TOPIC, '{"seed":true}');
});

test.describe("as an operator", () => {
  test.use({ storageState: storageStateFor("operator") });

  test("finds the topic by search, opens it, and produces a message with a header", async ({ page }) => {
    await page.goto("/console/topics");
    await page.getByRole("searchbox", { name: "Search topics" }).fill(TOPIC);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${TOPIC}`));
    const table = page.getByRole("table", { name: "Topics" });
    await expect(table.getByRole("row")).toHaveCount(2); // header + the one match
    const row = table.getByRole("row", { name: new RegExp(TOPIC) });
    await expect(row).toContainText("1"); // partitions, replication and the one seeded message

    await page.getByRole("searchbox", { name: "Search topics" }).fill(`${TOPIC}-nothing-like-it`);
    await expect(page.getByRole("heading", { name: "No topic matches" })).toBeVisible();
    await page.getByRole("searchbox", { name: "Search topics" }).fill(TOPIC);
    await page.getByRole("link", { name: TOPIC }).click();

    await expect(page.getByRole("heading", { level: 1, name: TOPIC })).toBeVisible();
    await expect(page.getByText("1 partition on")).toBeVisible();
    const sections = page.getByRole("navigation", { name: "Topic sections" });
    await expect(sections.getByRole("link", { name: "Messages" })).toHaveAttribute("aria-current", "page");

    await sections.getByRole("link", { name: "Produce" }).click();
    const form = page.getByRole("form", { name: "Produce a message" });
    await form.getByLabel("Key", { exact: true }).fill("device-4412abe2");
    await form.getByRole("radio", { name: "JSON" }).check();
    await form.getByLabel("Value", { exact: true }).fill('{"temp": ');
    await expect(form.getByText(/^Not valid JSON/)).toBeVisible();
    await form.getByLabel("Value", { exact: true }).fill('{"temp": 31.5}');
    await expect(form.getByText(/^Not valid JSON/)).toHaveCount(0);
    await form.getByRole("button", { name: "Add header" }).click();
    await form.getByRole("textbox", { name: "Header 1 name" }).fill("content_type");
    await form.getByRole("textbox", { name: "Header 1 value" }).fill("application/json");
    await form.getByLabel("Compression").selectOption("gzip");
    await form.getByRole("button", { name: "Produce" }).click();
    await expect(form.getByRole("status")).toHaveText(
      `Sent 1 message to ${TOPIC}: partition 0 offset 1. Open it in the inspector`,
    );

    // The broker has it, header and all, as any client reads it.
    const consumer = consoleKafka().consumer({
      groupId: `e2e-topics-check-${randomBytes(3).toString("hex")}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    const seen = new Promise<{ value: string; header: string }>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (message.offset === "1")
            resolve({ value: String(message.value), header: String(message.headers?.content_type) });
        },
      });
    });
    expect(await seen).toEqual({ value: '{"temp": 31.5}', header: "application/json" });
    await consumer.disconnect();

    await sections.getByRole("link", { name: "Partitions" }).click();
    const partitions = page.getByRole("table", { name: "Partitions" });
    await expect(partitions.getByRole("row")).toHaveCount(2);
    await expect(partitions.getByRole("row").nth(1)).toContainText("2"); // high watermark and messages
  });

  test("an unknown topic is not found", async ({ page }) => {
    await page.goto(`/console/topics/${TOPIC}-missing`);
    await expect(page.getByRole("heading", { name: "Topic not found" })).toBeVisible();
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("sees the topic's messages and partitions but no Produce tab", async ({ page }) => {
    await page.goto(`/console/topics/${TOPIC}?tab=produce`);
    const sections = page.getByRole("navigation", { name: "Topic sections" });
    await expect(sections.getByRole("link", { name: "Messages" })).toHaveAttribute("aria-current", "page");
    await expect(sections.getByRole("link", { name: "Partitions" })).toBeVisible();
    await expect(sections.getByRole("link", { name: "Produce" })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Produce a message" })).toHaveCount(0);
  });
});
