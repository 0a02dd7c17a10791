// Confluent REST v3 records, consumer groups and ACLs with an admin API token (Basic id:secret, as
// REST Proxy clients send it), against the e2e broker: produce JSON/STRING/BINARY records with a
// header and read them back with kafkajs as a group, a multi-record and a chunked streamed produce,
// the group's lags and lag summary, an ACL created, listed and deleted by filter, and acls:batch
// (all bindings created, or none when one entry is invalid).
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from "@playwright/test";

import { consoleKafka } from "./support/kafka";

const STAMP = Date.now();
const TOPIC = `v3-records-${STAMP}`;
const GROUP = `v3-records-reader-${STAMP}`;
const V3 = "/kafka/v3/clusters/e2e";
const RECORDS = `${V3}/topics/${TOPIC}/records`;

async function adminBasic(page: Page): Promise<string> {
  await page.goto("/console/admin/tokens");
  const form = page.getByRole("form", { name: "Create token" });
  await form.getByLabel("Name").fill(`v3-records-${Date.now()}`);
  await form.getByLabel("Role").selectOption("admin");
  await form.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByRole("textbox", { name: "Token value" }).inputValue();
  const [, id, secret] = /^kc_([A-Za-z0-9]+)_(.+)$/.exec(token) ?? [];
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

const b64 = (text: string) => Buffer.from(text).toString("base64");

interface Report {
  error_code: number;
  message?: string;
  cluster_id?: string;
  topic_name?: string;
  partition_id?: number;
  offset?: number;
  key?: { type: string; size: number } | null;
  value?: { type: string; size: number } | null;
}

const reportsOf = (text: string) =>
  text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Report);

/** Every record of the topic, read by kafkajs as GROUP (which commits what it read). */
async function readAll(count: number) {
  const consumer = consoleKafka().consumer({ groupId: GROUP });
  const seen: {
    key: string | null;
    value: Buffer | null;
    headers: Record<string, string>;
    partition: number;
  }[] = [];
  const next = new Map<number, number>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) reject(payload.error);
      });
      consumer
        .run({
          eachMessage: async ({ message, partition }) => {
            next.set(partition, Math.max(next.get(partition) ?? 0, Number(message.offset) + 1));
            seen.push({
              key: message.key?.toString() ?? null,
              value: message.value,
              headers: Object.fromEntries(
                Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
              ),
              partition,
            });
            if (seen.length >= count) resolve();
          },
        })
        .catch(reject);
    });
    // Commit what was read explicitly: kafkajs's own commit may still be pending when it disconnects.
    await consumer.commitOffsets(
      [...next].map(([partition, offset]) => ({ topic: TOPIC, partition, offset: String(offset) })),
    );
  } finally {
    await consumer.disconnect();
  }
  return seen;
}

let api: APIRequestContext;
let authorization: string;

test.beforeAll(async () => {
  const admin = consoleKafka().admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 2 }] });
  await admin.disconnect();
});

test.beforeEach(async ({ page, baseURL }) => {
  authorization = await adminBasic(page);
  api = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: authorization, "Content-Type": "application/json" },
  });
});

test.afterEach(async () => {
  await api.dispose();
});

test("records produced as JSON, STRING and BINARY with a header are read back; the group's lags follow", async ({
  baseURL,
}) => {
  const json = await api.post(RECORDS, {
    data: {
      partition_id: 0,
      headers: [{ name: "trace", value: b64("t-1") }],
      key: { type: "STRING", data: "order-1" },
      value: { type: "JSON", data: { amount: 3 } },
    },
  });
  expect(json.status()).toBe(200);
  expect(await json.json()).toMatchObject({
    error_code: 200,
    topic_name: TOPIC,
    partition_id: 0,
    offset: 0,
    key: { type: "STRING", size: 7 },
    value: { type: "JSON", size: 12 },
  });
  const text = await api.post(RECORDS, {
    data: { partition_id: 0, value: { type: "STRING", data: "plain" } },
  });
  expect(await text.json()).toMatchObject({ error_code: 200, offset: 1, key: null });
  const binary = await api.post(RECORDS, {
    data: { partition_id: 0, value: { type: "BINARY", data: Buffer.from([0, 255, 7]).toString("base64") } },
  });
  expect(await binary.json()).toMatchObject({
    error_code: 200,
    offset: 2,
    value: { type: "BINARY", size: 3 },
  });

  // Several concatenated records in one body: one report per record, a bad partition refused alone.
  const multi = await api.post(RECORDS, {
    data:
      JSON.stringify({ partition_id: 1, value: { type: "STRING", data: "m1" } }) +
      "\n" +
      JSON.stringify({ partition_id: 9, value: { type: "STRING", data: "nowhere" } }) +
      JSON.stringify({ partition_id: 1, value: { type: "STRING", data: "m2" } }),
  });
  expect(multi.status()).toBe(200);
  const reports = reportsOf(await multi.text());
  expect(reports.map((report) => report.error_code)).toEqual([200, 40402, 200]);
  expect(reports[2]).toMatchObject({ partition_id: 1, offset: (reports[0]!.offset ?? 0) + 1 });

  // Streaming mode: a chunked body without a length, answered record by record.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const data of ["s1", "s2", "s3"])
        controller.enqueue(
          new TextEncoder().encode(JSON.stringify({ partition_id: 1, value: { type: "STRING", data } })),
        );
      controller.close();
    },
  });
  const streamed = await fetch(`${baseURL}${RECORDS}`, {
    method: "POST",
    headers: { Authorization: authorization, "Content-Type": "application/json" },
    body,
    duplex: "half",
  } as RequestInit);
  expect(streamed.status).toBe(200);
  expect(reportsOf(await streamed.text()).map((report) => [report.error_code, report.partition_id])).toEqual([
    [200, 1],
    [200, 1],
    [200, 1],
  ]);

  const read = await readAll(8);
  expect(read.find((record) => record.key === "order-1")).toMatchObject({
    value: Buffer.from('{"amount":3}'),
    headers: { trace: "t-1" },
    partition: 0,
  });
  expect(read.some((record) => record.value?.equals(Buffer.from([0, 255, 7])))).toBe(true);
  expect(read.map((record) => record.value?.toString()).sort()).toEqual(
    expect.arrayContaining(["plain", "m1", "m2", "s1", "s2", "s3"]),
  );

  await expect(async () => {
    const lags = await api.get(`${V3}/consumer-groups/${GROUP}/lags`);
    expect(lags.status()).toBe(200);
    const data = (
      (await lags.json()) as { data: { partition_id: number; lag: number; current_offset: number }[] }
    ).data;
    expect(data.map((row) => [row.partition_id, row.current_offset, row.lag])).toEqual([
      [0, 3, 0],
      [1, 5, 0],
    ]);
  }).toPass({ timeout: 20_000 });
  await api.post(RECORDS, { data: { partition_id: 1, value: { type: "STRING", data: "late" } } });
  const summary = await api.get(`${V3}/consumer-groups/${GROUP}/lag-summary`);
  expect(await summary.json()).toMatchObject({
    kind: "KafkaConsumerGroupLagSummary",
    consumer_group_id: GROUP,
    max_lag: 1,
    total_lag: 1,
    max_lag_topic_name: TOPIC,
    max_lag_partition_id: 1,
  });
  // The same routes under /v3, as clients configured with a bare /v3 base call them.
  const one = await api.get(`/v3/clusters/e2e/consumer-groups/${GROUP}/lags/${TOPIC}/partitions/0`);
  expect(one.status()).toBe(200);
  expect(await one.json()).toMatchObject({
    kind: "KafkaConsumerLag",
    current_offset: 3,
    log_end_offset: 3,
    lag: 0,
  });
  const unknown = await api.get(`${V3}/consumer-groups/no-such-group-${STAMP}/lag-summary`);
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error_code: 404 });
  const groups = (await (await api.get(`${V3}/consumer-groups`)).json()) as {
    kind: string;
    data: { consumer_group_id: string }[];
  };
  expect(groups.kind).toBe("KafkaConsumerGroupList");
  expect(groups.data.map((group) => group.consumer_group_id)).toContain(GROUP);
  const missing = await api.post(`${V3}/topics/no-such-topic-${STAMP}/records`, {
    data: { value: { type: "STRING", data: "x" } },
  });
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ error_code: 40401 });
});

test("an ACL is created, listed by filter and deleted by filter", async () => {
  const principal = `User:v3-acl-${STAMP}`;
  const binding = {
    resource_type: "TOPIC",
    resource_name: TOPIC,
    pattern_type: "LITERAL",
    principal,
    host: "*",
    operation: "READ",
    permission: "ALLOW",
  };
  expect((await api.post(`${V3}/acls`, { data: binding })).status()).toBe(201);
  const refused = await api.post(`${V3}/acls`, { data: { ...binding, operation: "EAT" } });
  expect(refused.status()).toBe(422);
  expect(await refused.json()).toMatchObject({ error_code: 42201 });

  const filter = `resource_type=TOPIC&principal=${encodeURIComponent(principal)}`;
  const listed = await api.get(`${V3}/acls?${filter}`);
  expect(await listed.json()).toMatchObject({
    kind: "KafkaAclList",
    data: [{ kind: "KafkaAcl", ...binding }],
  });
  const deleted = await api.delete(`${V3}/acls?${filter}&pattern_type=MATCH&resource_name=${TOPIC}`);
  expect(deleted.status()).toBe(200);
  expect(await deleted.json()).toMatchObject({ data: [binding] });
  expect(((await (await api.get(`${V3}/acls?${filter}`)).json()) as { data: unknown[] }).data).toEqual([]);
});

test("acls:batch creates every binding, or none when one entry is invalid", async () => {
  const principal = `User:v3-acl-batch-${STAMP}`;
  const base = { pattern_type: "LITERAL", principal, host: "*", permission: "ALLOW" };
  const bindings = [
    { ...base, resource_type: "TOPIC", resource_name: TOPIC, operation: "READ" },
    { ...base, resource_type: "TOPIC", resource_name: TOPIC, operation: "WRITE" },
    { ...base, resource_type: "GROUP", resource_name: GROUP, operation: "READ" },
  ];
  const filter = `resource_type=ANY&principal=${encodeURIComponent(principal)}`;
  const listed = async () =>
    ((await (await api.get(`${V3}/acls?${filter}`)).json()) as { data: Record<string, unknown>[] }).data;

  const refused = await api.post(`${V3}/acls:batch`, {
    data: { data: [...bindings, { ...bindings[0], operation: "EAT" }] },
  });
  expect(refused.status()).toBe(422);
  expect(await refused.json()).toMatchObject({
    error_code: 42201,
    message: expect.stringContaining("binding 3.operation"),
  });
  expect(await listed()).toEqual([]);

  const created = await api.post(`${V3}/acls:batch`, { data: { data: bindings } });
  expect(created.status()).toBe(204);
  const found = await listed();
  expect(found).toHaveLength(3);
  expect(found).toEqual(
    expect.arrayContaining(
      bindings.map((binding) => expect.objectContaining({ kind: "KafkaAcl", ...binding })),
    ),
  );

  expect((await api.post(`${V3}/acls:copy`, { data: { data: bindings } })).status()).toBe(404);
  expect((await api.delete(`${V3}/acls?${filter}&pattern_type=ANY`)).status()).toBe(200);
  expect(await listed()).toEqual([]);
});
