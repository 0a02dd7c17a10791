// Producing with a schema in the browser, against the real broker and a real Apicurio registry: the
// topic page links its TopicNameStrategy subject; the produce form picks `<topic>-value`, checks the
// JSON as it is typed (a bad field is named), refuses it on Produce, then encodes a fitting value in
// the Confluent wire format; the inspector shows the record (decoded with its schema where the
// inspector decodes).
import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { consoleKafka } from "./support/kafka";

const REGISTRY = () => {
  const url = process.env.E2E_REGISTRY_URL;
  if (!url) throw new Error("E2E_REGISTRY_URL is not set (global setup)");
  return url;
};
const ORDER = JSON.stringify({
  type: "record",
  name: "Order",
  namespace: "shop",
  fields: [
    { name: "id", type: "string" },
    { name: "quantity", type: "int" },
  ],
});

const topic = `sp-orders-${randomBytes(4).toString("hex")}`;
let schemaId: number;

test.beforeAll(async () => {
  const admin = consoleKafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  const response = await fetch(`${REGISTRY()}/subjects/${topic}-value/versions`, {
    method: "POST",
    headers: { "content-type": "application/vnd.schemaregistry.v1+json" },
    body: JSON.stringify({ schema: ORDER }),
  });
  expect(response.ok).toBe(true);
  schemaId = ((await response.json()) as { id: number }).id;
});

test("the topic page links the subjects it uses", async ({ page, baseURL }) => {
  await page.goto(`/console/clusters/e2e/topics/${topic}`);
  const subjects = page.getByTestId("topic-subjects");
  await expect(subjects).toContainText(`Schemas: ${topic}-value`);
  await expect(subjects.getByRole("link", { name: `${topic}-value` })).toHaveAttribute(
    "href",
    `/console/clusters/e2e/schema-registry/subjects/${topic}-value`,
  );
  await subjects.getByRole("link", { name: `${topic}-value` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${topic}-value` })).toBeVisible();
  const subjectTopic = page.getByTestId("subject-topic");
  await expect(subjectTopic).toContainText(`Topic (values): ${topic}`);
  await subjectTopic.getByRole("link", { name: topic }).click();
  await expect(page.getByRole("heading", { level: 1, name: topic })).toBeVisible();

  const plain = `sp-plain-${randomBytes(4).toString("hex")}`;
  const created = await page.request.post("/api/v1/clusters/e2e-plain/topics", {
    data: { name: plain, partitions: 1, replicationFactor: 1 },
    headers: { Origin: baseURL! },
  });
  expect(created.status()).toBe(201);
  await page.goto(`/console/clusters/e2e-plain/topics/${plain}`);
  await expect(page.getByText("Schemas: No registry configured")).toBeVisible();
});

test("produces a value typed as JSON with the topic's Avro subject, checked as it is typed", async ({
  page,
}) => {
  await page.goto(`/console/clusters/e2e/topics/${topic}?tab=produce`);
  const form = page.getByRole("form", { name: "Produce a message" });
  const schema = form.getByRole("group", { name: "Value schema" });
  await expect(schema.getByRole("radio", { name: "Registered schema" })).toBeChecked();
  await expect(form.getByRole("combobox", { name: "Value subject" })).toHaveValue(`${topic}-value`);
  await expect(form.getByText(`AVRO schema ${topic}-value, version 1, id ${schemaId}`)).toBeVisible();

  const value = form.getByRole("textbox", { name: "Value", exact: true });
  await value.fill('{"id": "o-1", "quantity": "two"}');
  await expect(value).toHaveAccessibleDescription(/\$\.quantity/);
  await form.getByRole("button", { name: "Produce" }).click();
  await expect(form.getByRole("alert")).toContainText("The value was not produced");
  await expect(form.getByRole("alert")).toContainText("$.quantity");

  await value.fill('{"id": "o-1", "quantity": 2}');
  await expect(value).toHaveAccessibleDescription(new RegExp(`Fits version 1 \\(schema id ${schemaId}\\)`));
  await form.getByRole("button", { name: "Produce" }).click();
  await expect(form.getByText(`Sent 1 message to ${topic}: partition 0 offset 0.`)).toBeVisible();

  // Only the fitting value was written, in the wire format, and a search decodes it with its schema.
  const search = await page.request.get(`/api/v1/clusters/e2e/topics/${topic}/messages?start=oldest&max=10`, {
    headers: { Accept: "application/x-ndjson" },
  });
  expect(search.status()).toBe(200);
  const records = (await search.text())
    .trimEnd()
    .split("\n")
    .map(
      (line) => JSON.parse(line) as { type: string; records?: { valueSchema?: Record<string, unknown> }[] },
    )
    .flatMap((event) => (event.type === "records" ? (event.records ?? []) : []));
  expect(records).toHaveLength(1);
  expect(records[0]!.valueSchema).toMatchObject({
    schemaId,
    format: "AVRO",
    subject: `${topic}-value`,
    version: 1,
    json: '{"id":"o-1","quantity":2}',
  });

  // The inspector shows it decoded, with its subject, version and a link to its schema.
  await form.getByRole("link", { name: "Open it in the inspector" }).click();
  const drawer = page.getByTestId("message-drawer");
  await expect(page.getByTestId("message-row")).toHaveCount(1);
  await expect(drawer.getByTestId("value-view")).toContainText("o-1");
  const valueSchema = drawer.getByRole("region", { name: "Value schema" });
  await expect(valueSchema).toContainText(`${topic}-value, version 1`);
  await expect(valueSchema.getByRole("link", { name: String(schemaId), exact: true })).toHaveAttribute(
    "href",
    `/console/clusters/e2e/schema-registry/schemas/${schemaId}`,
  );
});
