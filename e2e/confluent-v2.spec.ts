// Confluent REST v2 consumers with an operator API token (Basic id:secret, as REST Proxy clients send
// it): produce with kafkajs, read back through a json and a binary instance, commit, and the group's
// committed offsets as the console's group API reads them are what was committed; a manually assigned
// instance seeks (positions, beginning, end) and refuses a partition it does not hold.
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from "@playwright/test";

import { consoleKafka } from "./support/kafka";

const TOPIC = `v2-consumers-${Date.now()}`;
const V2 = "application/vnd.kafka.v2+json";

async function operatorBasic(page: Page): Promise<string> {
  await page.goto("/console/admin/tokens");
  const form = page.getByRole("form", { name: "Create token" });
  await form.getByLabel("Name").fill(`v2-consumer-${Date.now()}`);
  await form.getByLabel("Role").selectOption("operator");
  await form.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByRole("textbox", { name: "Token value" }).inputValue();
  const [, id, secret] = /^kc_([A-Za-z0-9]+)_(.+)$/.exec(token) ?? [];
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

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
    messages: [0, 1, 2].map((n) => ({ key: JSON.stringify(`k${n}`), value: JSON.stringify({ n }) })),
  });
  await producer.disconnect();
});

/** Polls GET …/records until `count` records arrived (a new member first joins the group). */
async function readAll(api: APIRequestContext, baseUri: string, type: string, count: number) {
  const records: { topic: string; key: unknown; value: unknown; partition: number; offset: number }[] = [];
  await expect(async () => {
    const answer = await api.get(`${baseUri}/records?timeout=1000`, { headers: { Accept: type } });
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toContain(type);
    records.push(...((await answer.json()) as typeof records));
    expect(records.length).toBeGreaterThanOrEqual(count);
  }).toPass({ timeout: 30_000 });
  return records;
}

for (const format of ["json", "binary"] as const) {
  test(`a ${format} consumer instance reads the records back and commits them for the group`, async ({
    page,
    baseURL,
  }) => {
    const group = `v2-${format}-${Date.now()}`;
    const type = `application/vnd.kafka.${format}.v2+json`;
    const authorization = await operatorBasic(page);
    const api = await playwrightRequest.newContext({
      baseURL,
      extraHTTPHeaders: { Authorization: authorization },
    });
    try {
      const created = await api.post(`/consumers/${group}`, {
        headers: { "Content-Type": V2 },
        data: { name: "reader", format, "auto.offset.reset": "earliest", "auto.commit.enable": "false" },
      });
      expect(created.status()).toBe(200);
      const { instance_id, base_uri } = (await created.json()) as { instance_id: string; base_uri: string };
      expect(instance_id).toBe("reader");
      expect(base_uri).toMatch(new RegExp(`/consumers/${group}/instances/reader$`));
      const again = await api.post(`/consumers/${group}`, {
        headers: { "Content-Type": V2 },
        data: { name: "reader" },
      });
      expect(again.status()).toBe(409);
      expect(await again.json()).toMatchObject({ error_code: 40902 });

      const path = new URL(base_uri).pathname;
      const subscribed = await api.post(`${path}/subscription`, {
        headers: { "Content-Type": V2 },
        data: { topics: [TOPIC] },
      });
      expect(subscribed.status()).toBe(204);
      expect(await (await api.get(`${path}/subscription`)).json()).toEqual({ topics: [TOPIC] });

      const records = await readAll(api, path, type, 3);
      expect(records.map((record) => record.offset)).toEqual([0, 1, 2]);
      expect(records[2]).toEqual(
        format === "json"
          ? { topic: TOPIC, key: "k2", value: { n: 2 }, partition: 0, offset: 2 }
          : {
              topic: TOPIC,
              key: Buffer.from('"k2"').toString("base64"),
              value: Buffer.from('{"n":2}').toString("base64"),
              partition: 0,
              offset: 2,
            },
      );
      // json: commit the offsets given; binary: commit everything handed out.
      const committed = await api.post(`${path}/offsets`, {
        headers: { "Content-Type": V2 },
        data: format === "json" ? { offsets: [{ topic: TOPIC, partition: 0, offset: 1 }] } : undefined,
      });
      expect(committed.status()).toBe(204);

      const view = await api.get(`/api/v1/clusters/e2e/groups/${group}`);
      expect(view.status()).toBe(200);
      const { partitions } = (await view.json()) as {
        partitions: { topic: string; partition: number; committedOffset: string | null }[];
      };
      // Confluent's meaning: the offset committed is the last record processed, so the group resumes after it.
      expect(partitions.find((row) => row.topic === TOPIC && row.partition === 0)?.committedOffset).toBe(
        format === "json" ? "2" : "3",
      );

      const assigned = await api.get(`${path}/assignments`);
      expect(await assigned.json()).toEqual({ partitions: [{ topic: TOPIC, partition: 0 }] });
      expect((await api.delete(`${path}/subscription`)).status()).toBe(204);
      expect(await (await api.get(`${path}/subscription`)).json()).toEqual({ topics: [] });

      expect((await api.delete(path)).status()).toBe(204);
      const gone = await api.get(`${path}/records`);
      expect(gone.status()).toBe(404);
      expect(await gone.json()).toMatchObject({ error_code: 40403 });
    } finally {
      await api.dispose();
    }
  });
}

test("a manually assigned instance seeks to an offset, to the beginning and to the end", async ({
  page,
  baseURL,
}) => {
  const group = `v2-seek-${Date.now()}`;
  const type = "application/vnd.kafka.json.v2+json";
  const api = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: await operatorBasic(page), "Content-Type": V2 },
  });
  try {
    const created = await api.post(`/consumers/${group}`, {
      data: { name: "seeker", format: "json", "auto.offset.reset": "earliest" },
    });
    const path = new URL(((await created.json()) as { base_uri: string }).base_uri).pathname;
    const partitions = [{ topic: TOPIC, partition: 0 }];
    expect((await api.post(`${path}/assignments`, { data: { partitions } })).status()).toBe(204);
    expect(await (await api.get(`${path}/assignments`)).json()).toEqual({ partitions });
    const subscribed = await api.post(`${path}/subscription`, { data: { topics: [TOPIC] } });
    expect(subscribed.status()).toBe(409);
    expect(await subscribed.json()).toMatchObject({ error_code: 40903 });
    expect((await readAll(api, path, type, 3)).map((record) => record.offset)).toEqual([0, 1, 2]);

    const seek = await api.post(`${path}/positions`, {
      data: { offsets: [{ topic: TOPIC, partition: 0, offset: 1 }] },
    });
    expect(seek.status()).toBe(204);
    expect((await readAll(api, path, type, 2)).map((record) => record.offset)).toEqual([1, 2]);

    const unassigned = await api.post(`${path}/positions`, {
      data: { offsets: [{ topic: TOPIC, partition: 5, offset: 0 }] },
    });
    expect(unassigned.status()).toBe(409);
    expect(await unassigned.json()).toMatchObject({
      error_code: 40903,
      message: expect.stringContaining(`${TOPIC}-5`),
    });

    expect((await api.post(`${path}/positions/beginning`, { data: { partitions } })).status()).toBe(204);
    expect((await readAll(api, path, type, 3)).map((record) => record.offset)).toEqual([0, 1, 2]);
    expect((await api.post(`${path}/positions/end`, { data: { partitions } })).status()).toBe(204);
    expect(
      await (await api.get(`${path}/records?timeout=1500`, { headers: { Accept: type } })).json(),
    ).toEqual([]);
    expect((await api.delete(path)).status()).toBe(204);
  } finally {
    await api.dispose();
  }
});
