// Producing with a schema in the browser, against the real broker and a real Apicurio registry: the
// topic page links its TopicNameStrategy subject; the produce form picks `<topic>-value`, checks the
// JSON as it is typed (a bad field is named), refuses it on Produce, then encodes a fitting value in
// the Confluent wire format; the inspector shows the record (decoded with its schema where the
// inspector decodes). Then issue 19's whole flow as an operator: browse the subjects, register a
// compatible version with the register form, produce with it, see it decoded with its schema link.
import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { storageStateFor } from "./support/credentials";
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

/** The flow's own schemas: content of its own, so the registry gives it ids no other subject shares. */
const FLOW_ORDER = JSON.stringify({ ...JSON.parse(ORDER), namespace: "shop.flow" });
const FLOW_ORDER_WITH_NOTE = JSON.stringify({
  type: "record",
  name: "Order",
  namespace: "shop.flow",
  fields: [
    { name: "id", type: "string" },
    { name: "quantity", type: "int" },
    { name: "note", type: "string", default: "" },
  ],
});

const suffix = randomBytes(4).toString("hex");
const topic = `sp-orders-${suffix}`;
/** The flow's own topic, so the versions it registers do not change what the tests above expect. */
const flowTopic = `sp-flow-${suffix}`;
let schemaId: number;

async function registerVersion(subject: string, schema: string): Promise<number> {
  const response = await fetch(`${REGISTRY()}/subjects/${subject}/versions`, {
    method: "POST",
    headers: { "content-type": "application/vnd.schemaregistry.v1+json" },
    body: JSON.stringify({ schema }),
  });
  expect(response.ok).toBe(true);
  return ((await response.json()) as { id: number }).id;
}

test.beforeAll(async () => {
  const admin = consoleKafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [topic, flowTopic].map((name) => ({ topic: name, numPartitions: 1 })),
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
  schemaId = await registerVersion(`${topic}-value`, ORDER);
  await registerVersion(`${flowTopic}-value`, FLOW_ORDER);
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

test.describe("as an operator", () => {
  test.use({ storageState: storageStateFor("operator") });

  test("browses to the topic's subject, registers a compatible version, produces with it and sees it decoded with its schema link", async ({
    page,
  }) => {
    const subject = `${flowTopic}-value`;
    await page.goto("/console/clusters/e2e");
    await page.getByRole("navigation").getByRole("link", { name: "Schema registry", exact: true }).click();
    await page.getByRole("searchbox", { name: "Search subjects" }).fill(flowTopic);
    await page.getByRole("table", { name: "Subjects" }).getByRole("link", { name: subject }).click();
    await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Version 1" })).toBeVisible();

    await page.getByRole("textbox", { name: "Schema", exact: true }).fill(FLOW_ORDER_WITH_NOTE);
    const register = page.getByRole("button", { name: "Register", exact: true });
    await expect(register).toBeDisabled();
    await page.getByRole("button", { name: "Check compatibility" }).click();
    await expect(page.getByText(/Compatible with the latest version under [A-Z_]+\./)).toBeVisible();
    await register.click();
    const registered = page.getByText(/Registered version 2 with id \d+\./);
    await expect(registered).toBeVisible();
    const version2Id = Number(/with id (\d+)\./.exec((await registered.textContent()) ?? "")?.[1]);
    expect(version2Id).toBeGreaterThan(0);

    await page.getByTestId("subject-topic").getByRole("link", { name: flowTopic }).click();
    await expect(page.getByRole("heading", { level: 1, name: flowTopic })).toBeVisible();
    await page.goto(`/console/clusters/e2e/topics/${flowTopic}?tab=produce`);
    const form = page.getByRole("form", { name: "Produce a message" });
    await form
      .getByRole("group", { name: "Value schema" })
      .getByRole("radio", { name: "Registered schema" })
      .check();
    await form.getByRole("combobox", { name: "Value subject" }).fill(subject);
    await form.getByRole("combobox", { name: "Value version" }).selectOption("2");
    await expect(form.getByText(`AVRO schema ${subject}, version 2, id ${version2Id}`)).toBeVisible();

    const value = form.getByRole("textbox", { name: "Value", exact: true });
    await value.fill('{"id": "o-7", "quantity": 3, "note": "gift wrap"}');
    await expect(value).toHaveAccessibleDescription(
      new RegExp(`Fits version 2 \\(schema id ${version2Id}\\)`),
    );
    await form.getByRole("button", { name: "Produce" }).click();
    await expect(form.getByText(`Sent 1 message to ${flowTopic}: partition 0 offset 0.`)).toBeVisible();

    await form.getByRole("link", { name: "Open it in the inspector" }).click();
    await expect(page.getByTestId("message-row")).toHaveCount(1);
    await expect(page.getByTestId("message-row")).toContainText("gift wrap");
    const drawer = page.getByTestId("message-drawer");
    await expect(drawer.getByTestId("value-view")).toContainText("gift wrap");
    const valueSchema = drawer.getByRole("region", { name: "Value schema" });
    await expect(valueSchema).toContainText(`${subject}, version 2`);
    await expect(valueSchema.getByRole("link", { name: String(version2Id), exact: true })).toHaveAttribute(
      "href",
      `/console/clusters/e2e/schema-registry/schemas/${version2Id}`,
    );
  });
});
