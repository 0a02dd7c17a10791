// The message inspector against the real broker: live tail, a header filter over 10,000 messages,
// export of exactly the rows shown, and hostile payloads rendered as text. kafkajs writes the
// messages, as the developers' own services would.
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";

import { expect, test, type Page } from "@playwright/test";

import { storageStateFor } from "./support/credentials";
import { consoleKafka } from "./support/kafka";

type Message = { key?: string; value: string; headers?: Record<string, string>; partition?: number };

async function createTopic(
  topic: string,
  numPartitions: number,
  configEntries: { name: string; value: string }[] = [],
): Promise<void> {
  const admin = consoleKafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions, configEntries }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

async function produce(topic: string, messages: Message[], batch = 1_000): Promise<void> {
  // Idempotent: a send retried after a timeout on a loaded machine wrote its batch twice (10,628 of
  // 10,000 scanned), and the tests count what they produced.
  const producer = consoleKafka().producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (let index = 0; index < messages.length; index += batch)
      await producer.send({ topic, messages: messages.slice(index, index + batch) });
  } finally {
    await producer.disconnect();
  }
}

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;
const topicPage = (topic: string, query = "") =>
  `/console/topics/${encodeURIComponent(topic)}${query ? `?${query}` : ""}`;

/** The partition:offset of every row the table has rendered (all of them, for short results). */
async function tableRows(page: Page): Promise<string[]> {
  return page
    .getByTestId("message-row")
    .evaluateAll((rows) => rows.map((row) => `${row.dataset.partition}:${row.dataset.offset}`));
}

test("live tail shows a message produced with kafkajs within seconds", async ({ page }) => {
  const topic = unique("inspector-tail");
  await createTopic(topic, 3);
  await page.goto(topicPage(topic, "start=tail"));
  // The plan arrived: every partition is being tailed from its end.
  await expect(page.getByText("(tailing)").first()).toBeVisible();
  await expect(page.getByText("Waiting for new messages…")).toBeVisible();

  const value = JSON.stringify({ device_id: "4412abe2", reading: unique("tail") });
  const producer = consoleKafka().producer();
  await producer.connect();
  try {
    // Measured from the send (the producer already connected) to the row in the table.
    const row = page.getByTestId("message-row").filter({ hasText: "4412abe2" });
    const producedAt = Date.now();
    await producer.send({ topic, messages: [{ key: "4412abe2", value }] });
    const acknowledgedMs = Date.now() - producedAt;
    await row.waitFor({ state: "visible", timeout: 15_000 });
    const latencyMs = Date.now() - producedAt;
    console.log(
      `live tail latency: ${latencyMs} ms from send to visible row (send acknowledged after ${acknowledgedMs} ms)`,
    );
    await expect(row).toHaveCount(1);
  } finally {
    await producer.disconnect();
  }

  await page.getByTestId("stop-search").click();
  await expect(page.getByTestId("search-summary")).toHaveText(/Stopped/);
});

test("a header filter finds the one matching message among 10,000", async ({ page }) => {
  const topic = unique("inspector-headers");
  const needle = unique("needle");
  await createTopic(topic, 3);
  const messages: Message[] = Array.from({ length: 10_000 }, (_, index) => ({
    key: `device-${index % 97}`,
    value: JSON.stringify({ index, temp: 20 + (index % 15) }),
    headers: { trace: `common-${index % 7}`, content_type: "application/json" },
  }));
  messages[6_543] = { ...messages[6_543]!, headers: { trace: needle, content_type: "application/json" } };
  await produce(topic, messages);

  await page.goto(topicPage(topic, "start=oldest&max=5"));
  await expect(page.getByTestId("search-summary")).toBeVisible();
  const form = page.getByRole("form", { name: "Search messages" });
  await form.getByText("Filters", { exact: true }).click();
  await form.getByRole("textbox", { name: "Header name" }).fill("trace");
  await form.getByRole("textbox", { name: "Header value" }).fill(needle);
  await form.getByRole("textbox", { name: "Header value" }).press("Enter");

  await expect(page).toHaveURL(new RegExp(`headerValue=${needle}`));
  await expect(page.getByTestId("search-summary")).toHaveText(/end offsets/, { timeout: 60_000 });
  await expect(page.getByTestId("search-progress")).toContainText("10,000 scanned");
  const rows = page.getByTestId("message-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('"index":6543');

  // The drawer shows the header that matched.
  await rows.first().click();
  const drawer = page.getByTestId("message-drawer");
  await expect(drawer.getByRole("table", { name: "Headers" })).toContainText(needle);
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  // The keyboard carries on from the row: Enter opens it again.
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(drawer).toBeVisible();
});

test("the export downloads the rows the table shows", async ({ page }) => {
  const topic = unique("inspector-export");
  await createTopic(topic, 3);
  await produce(
    topic,
    Array.from({ length: 12 }, (_, index) => ({
      key: `k${index}`,
      value: JSON.stringify({ index, parity: index % 2 === 0 ? "even" : "odd" }),
      partition: index % 3,
    })),
  );
  await page.goto(topicPage(topic, "start=oldest&max=100"));
  await expect(page.getByTestId("search-summary")).toBeVisible();
  await expect(page.getByTestId("message-row")).toHaveCount(12);

  // The quick search narrows the table; the export follows it.
  await page.getByRole("searchbox", { name: "Search in results" }).fill('"even"');
  await expect(page.getByTestId("message-row")).toHaveCount(6);
  const shown = (await tableRows(page)).sort();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export as NDJSON" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${topic}-.+\\.ndjson$`));
  const exported = readFileSync((await file.path())!, "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as { partition: number; offset: string; value: string });
  expect(exported.map((record) => `${record.partition}:${record.offset}`).sort()).toEqual(shown);
  expect(exported.every((record) => record.value.includes('"even"'))).toBe(true);
});

test("script and img payloads appear as text and never run", async ({ page }) => {
  const topic = unique("inspector-xss");
  const script = "<script>alert(1)</script>";
  const img = `<img src=x onerror="window.__inspectorXss=1;alert(2)">`;
  await createTopic(topic, 1);
  await produce(topic, [
    { key: "<b>bold key</b>", value: script, headers: { note: "<svg onload=alert(3)>" } },
    { value: img },
  ]);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await page.goto(topicPage(topic, "start=oldest"));
  const results = page.getByTestId("message-results-scroll");
  await expect(results.getByText(script, { exact: true })).toBeVisible();
  await expect(results.getByText(img, { exact: true })).toBeVisible();
  await expect(results.getByText("<b>bold key</b>", { exact: true })).toBeVisible();

  // And in the drawer, value, key and headers alike.
  await results.getByText(img, { exact: true }).click();
  const drawer = page.getByTestId("message-drawer");
  await expect(drawer.getByTestId("value-view")).toHaveText(img);
  await page.keyboard.press("ArrowUp");
  await expect(drawer.getByTestId("value-view")).toHaveText(script);
  await expect(drawer.getByRole("table", { name: "Headers" })).toContainText("<svg onload=alert(3)>");

  const injected = ["img", "script", "b", "svg[onload]"].flatMap((tag) => [
    `[data-testid=message-results-scroll] ${tag}`,
    `[data-testid=message-drawer] ${tag}`,
  ]);
  await expect(page.locator(injected.join(", "))).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { __inspectorXss?: number }).__inspectorXss),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test("a value beyond the preview limit loads in full on request", async ({ page }) => {
  const topic = unique("inspector-large");
  await createTopic(topic, 1, [{ name: "max.message.bytes", value: String(4 * 1024 * 1024) }]);
  // 1.5 MiB: more than the default 1 MiB preview, so the search sends only its start.
  const value = JSON.stringify({ blob: "x".repeat(1_500_000), end: "the-last-field" });
  await produce(topic, [{ key: "large", value }]);

  await page.goto(topicPage(topic, "start=oldest"));
  await page.getByTestId("message-row").first().click();
  const drawer = page.getByTestId("message-drawer");
  await expect(drawer.getByText("(only the start is loaded)")).toBeVisible();
  await expect(drawer.getByTestId("value-view")).not.toContainText("the-last-field");
  await drawer.getByRole("button", { name: "Load the full value" }).click();
  await expect(drawer.getByTestId("value-view")).toContainText("the-last-field");
  await expect(drawer.getByText("(only the start is loaded)")).toHaveCount(0);
});

test("filter syntax errors are shown at the field with their position", async ({ page }) => {
  const topic = unique("inspector-syntax");
  await createTopic(topic, 1);
  await produce(topic, [{ value: JSON.stringify({ temp: 31 }) }]);
  await page.goto(topicPage(topic, "start=oldest"));
  await expect(page.getByTestId("search-summary")).toBeVisible();
  const form = page.getByRole("form", { name: "Search messages" });
  await form.getByText("Filters", { exact: true }).click();

  // A JSON path is checked in the browser: no search starts, the URL keeps the last good query.
  const jsonPath = form.getByRole("textbox", { name: "JSON path" });
  await jsonPath.fill("$.temp >");
  await jsonPath.press("Enter");
  await expect(jsonPath).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByTestId("syntax-caret")).toContainText("$.temp >");
  await expect(page).not.toHaveURL(/jsonPath=/);

  // JavaScript is compiled by the server's sandbox: the 400 answer points at the line and column.
  await jsonPath.fill("");
  const js = form.getByRole("textbox", { name: "JavaScript expression" });
  await js.fill("value.temp > 30 &&\n  (headers[");
  await js.press("Control+Enter");
  await expect(js).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByTestId("syntax-caret")).toContainText(/line 2, column \d+/);
  await expect(page.getByTestId("search-progress")).toContainText("FILTER_SYNTAX");

  // A valid expression runs and matches.
  await js.fill("value.temp > 30");
  await js.press("Control+Enter");
  await expect(page.getByTestId("search-summary")).toHaveText(/end offsets/);
  await expect(page.getByTestId("message-row")).toHaveCount(1);
});

test("a message is republished, edited, to another topic", async ({ page }) => {
  const source = unique("inspector-republish-from");
  const target = unique("inspector-republish-to");
  await createTopic(source, 1);
  await createTopic(target, 1);
  await produce(source, [{ key: "4412abe2", value: '{"temp":40}', headers: { origin: "sensor" } }]);

  await page.goto(topicPage(source, "start=oldest"));
  await page.getByTestId("message-row").first().click();
  await page.getByTestId("message-drawer").getByRole("button", { name: "Republish…" }).click();
  const dialog = page.getByRole("dialog", { name: "Republish partition 0, offset 0" });
  const form = dialog.getByRole("form", { name: "Produce a message" });
  await expect(form.getByRole("textbox", { name: "Key", exact: true })).toHaveValue("4412abe2");
  await expect(form.getByRole("textbox", { name: "Header 1 value" })).toHaveValue("sensor");
  await form.getByRole("textbox", { name: "Topic", exact: true }).fill(target);
  await form.getByRole("textbox", { name: "Value", exact: true }).fill('{"temp":41}');
  await form.getByRole("button", { name: "Produce" }).click();
  await expect(dialog.getByText(`Sent 1 message to ${target}`)).toBeVisible();

  await page.goto(topicPage(target, "start=oldest"));
  const row = page.getByTestId("message-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('{"temp":41}');
  await expect(row).toContainText("origin=sensor");
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("messages can be read but not republished", async ({ page }) => {
    const topic = unique("inspector-viewer");
    await createTopic(topic, 1);
    await produce(topic, [{ value: "read only" }]);
    await page.goto(topicPage(topic, "start=oldest"));
    await page.getByTestId("message-row").filter({ hasText: "read only" }).click();
    const drawer = page.getByTestId("message-drawer");
    await expect(drawer.getByTestId("value-view")).toHaveText("read only");
    await expect(drawer.getByRole("button", { name: "Republish…" })).toHaveCount(0);
  });
});

test("after a produce, the result links to that message, opened in the inspector's drawer", async ({
  page,
}) => {
  const topic = unique("inspector-produced-link");
  await createTopic(topic, 2);
  await produce(topic, [{ value: "earlier", partition: 1 }]);

  await page.goto(topicPage(topic, "tab=produce"));
  const form = page.getByRole("form", { name: "Produce a message" });
  await form.getByRole("combobox", { name: "Partition" }).selectOption("1");
  await form.getByRole("textbox", { name: "Value", exact: true }).fill("just produced");
  await form.getByRole("button", { name: "Produce" }).click();
  await expect(form.getByText(`Sent 1 message to ${topic}: partition 1 offset 1.`)).toBeVisible();
  await form.getByRole("link", { name: "Open it in the inspector" }).click();

  await expect(page).toHaveURL(/[?&]open=1%3A1\b/);
  const drawer = page.getByTestId("message-drawer");
  await expect(drawer.getByTestId("value-view")).toHaveText("just produced");
  await expect(page.getByTestId("message-row")).toHaveCount(1);
});

test("in the drawer's headers, the Copy buttons line up whether or not a header has a Hex button", async ({
  page,
}) => {
  const topic = unique("inspector-header-buttons");
  await createTopic(topic, 1);
  const producer = consoleKafka().producer();
  await producer.connect();
  try {
    await producer.send({
      topic,
      messages: [
        { value: "x", headers: { text: "utf-8 value", binary: Buffer.from([0xff, 0xfe, 0x00, 0xc3]) } },
      ],
    });
  } finally {
    await producer.disconnect();
  }
  await page.goto(topicPage(topic, "start=oldest"));
  await page.getByTestId("message-row").first().click();
  const headers = page.getByTestId("message-drawer").getByRole("table", { name: "Headers" });
  const textCopy = await headers.getByRole("button", { name: "Copy header text" }).boundingBox();
  const binaryCopy = await headers.getByRole("button", { name: "Copy header binary" }).boundingBox();
  expect(binaryCopy?.x).toBe(textCopy?.x);
  await expect(
    headers.getByRole("row", { name: /^text/ }).getByRole("button", { name: "Hex" }),
  ).toBeVisible();
  await expect(
    headers.getByRole("row", { name: /^binary/ }).getByRole("button", { name: "Hex" }),
  ).toHaveCount(0);
});
