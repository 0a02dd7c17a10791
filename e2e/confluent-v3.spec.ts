// Confluent REST v3 under /kafka/v3 and /v3 with API tokens (Basic id:secret, as REST Proxy clients
// send them), against the real broker: the issue's curl verbatim creates a topic, then clusters,
// topics, partitions, topic/broker/cluster-wide configs, brokers and Confluent's error shape. REST only.
import { execFileSync } from "node:child_process";

import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

import { storageStateFor } from "./support/credentials";
import { consoleKafka } from "./support/kafka";
import { serverActionId } from "./support/server-action";

const V3 = "/kafka/v3";
const TOPIC = `v3-topics-${Date.now()}`;
const JSON_TYPE = { "Content-Type": "application/json" };

/** A token made with the token page's server action (the admin's session): its Basic header and secret parts. */
async function tokenFor(request: APIRequestContext, baseURL: string, role: string) {
  const answer = await request.post("/console/admin/tokens", {
    headers: {
      Origin: baseURL,
      Accept: "text/x-component",
      "Next-Action": serverActionId("lib/actions/create-api-token.ts#createApiToken"),
      "Content-Type": "text/plain;charset=UTF-8",
    },
    data: JSON.stringify([null, { name: `confluent-v3-${role}-${Date.now()}`, role }]),
  });
  const token = /"secret":"kc_([A-Za-z0-9]+)_([A-Za-z0-9_-]+)"/.exec(await answer.text());
  expect(token, "the action answers the new token").not.toBeNull();
  const [, id, secret] = token!;
  return {
    basic: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`,
    encoded: Buffer.from(`${id}:${secret}`).toString("base64"),
  };
}

let admin: { basic: string; encoded: string };
let viewer: { basic: string; encoded: string };
let clusterId: string;

test.beforeAll(async () => {
  const baseURL = String(test.info().project.use.baseURL);
  const session = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("admin") });
  admin = await tokenFor(session, baseURL, "admin");
  viewer = await tokenFor(session, baseURL, "viewer");
  await session.dispose();
  // Here rather than in a test: a failed test restarts the worker, and the next test needs the id too.
  const api = await as(baseURL, admin.basic);
  clusterId = ((await (await api.get(`${V3}/clusters/e2e`)).json()) as { cluster_id: string }).cluster_id;
  await api.dispose();
});

/** A broker applies a config change once the controller's metadata record reaches it. */
const eventually = (check: () => Promise<unknown>) => expect(check).toPass({ timeout: 15_000 });

/** A client with no cookies, as automation is. */
function as(baseURL: string, basic: string) {
  return playwrightRequest.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { Authorization: basic },
  });
}

test("clusters: list and get by Kafka cluster id or console name, under /kafka/v3 and /v3", async ({
  baseURL,
}) => {
  const api = await as(baseURL!, admin.basic);
  const list = await api.get(`${V3}/clusters`);
  expect(list.status()).toBe(200);
  const clusters = (await list.json()) as {
    kind: string;
    metadata: { self: string; next: null };
    data: { cluster_id: string; kind: string }[];
  };
  expect(clusters.kind).toBe("KafkaClusterList");
  expect(clusters.metadata).toEqual({ self: `${baseURL}${V3}/clusters`, next: null });
  expect(clusters.data.length).toBeGreaterThan(0);
  const byName = await api.get(`${V3}/clusters/e2e`);
  expect(byName.status()).toBe(200);
  const cluster = (await byName.json()) as Record<string, unknown> & {
    cluster_id: string;
    metadata: { self: string; resource_name: string };
  };
  expect(cluster.cluster_id).toBe(clusterId);
  expect(clusters.data.map((entry) => entry.cluster_id)).toContain(clusterId);
  expect(cluster).toMatchObject({
    kind: "KafkaCluster",
    metadata: { self: `${baseURL}${V3}/clusters/${clusterId}`, resource_name: `crn:///kafka=${clusterId}` },
    topics: { related: `${baseURL}${V3}/clusters/${clusterId}/topics` },
  });
  const short = await api.get(`/v3/clusters/${clusterId}`, {
    headers: { Accept: "application/vnd.kafka.v3+json" },
  });
  expect(short.status()).toBe(200);
  expect(short.headers()["content-type"]).toContain("application/vnd.kafka.v3+json");
  expect(await short.json()).toMatchObject({ kind: "KafkaCluster", cluster_id: clusterId });
  const unknown = await api.get(`${V3}/clusters/no-such-cluster`);
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({
    error_code: 404,
    message: expect.stringContaining("no-such-cluster"),
  });
  await api.dispose();
});

test("the issue's curl, verbatim, creates the topic on the broker", async ({ baseURL }) => {
  const url = `${baseURL}${V3}/clusters/${clusterId}/topics`;
  const command = `curl -H "Authorization: Basic ${admin.encoded}" -H 'Content-Type: application/json' \\
--request POST --url '${url}' \\
-d '{"topic_name": "${TOPIC}", "partitions_count": 3, "replication_factor": 1}'`;
  const answer = JSON.parse(execFileSync("bash", ["-c", command], { encoding: "utf8" })) as Record<
    string,
    unknown
  >;
  expect(answer).toMatchObject({
    kind: "KafkaTopic",
    metadata: { self: `${url}/${TOPIC}`, resource_name: `crn:///kafka=${clusterId}/topic=${TOPIC}` },
    cluster_id: clusterId,
    topic_name: TOPIC,
    is_internal: false,
    partitions_count: 3,
    replication_factor: 1,
    partitions: { related: `${url}/${TOPIC}/partitions` },
    configs: { related: `${url}/${TOPIC}/configs` },
  });
  const kafkaAdmin = consoleKafka().admin();
  await kafkaAdmin.connect();
  try {
    const { topics } = await kafkaAdmin.fetchTopicMetadata({ topics: [TOPIC] });
    expect(topics[0]?.partitions).toHaveLength(3);
  } finally {
    await kafkaAdmin.disconnect();
  }
});

test("topics and partitions: list, get, create refusals, validate_only", async ({ baseURL }) => {
  const api = await as(baseURL!, admin.basic);
  const topics = `${V3}/clusters/${clusterId}/topics`;
  const list = (await (await api.get(topics)).json()) as {
    kind: string;
    data: { topic_name: string; is_internal: boolean }[];
  };
  expect(list.kind).toBe("KafkaTopicList");
  expect(list.data.find((topic) => topic.topic_name === TOPIC)).toMatchObject({
    kind: "KafkaTopic",
    partitions_count: 3,
  });
  expect(await (await api.get(`${topics}/${TOPIC}`)).json()).toMatchObject({
    kind: "KafkaTopic",
    topic_name: TOPIC,
    replication_factor: 1,
  });

  const partitions = (await (await api.get(`${topics}/${TOPIC}/partitions`)).json()) as {
    kind: string;
    data: { partition_id: number }[];
  };
  expect(partitions.kind).toBe("KafkaPartitionList");
  expect(partitions.data.map((partition) => partition.partition_id)).toEqual([0, 1, 2]);
  expect(await (await api.get(`${topics}/${TOPIC}/partitions/2`)).json()).toMatchObject({
    kind: "KafkaPartition",
    metadata: { resource_name: `crn:///kafka=${clusterId}/topic=${TOPIC}/partition=2` },
    partition_id: 2,
    leader: { related: expect.stringContaining(`/partitions/2/replicas/`) },
  });
  const noPartition = await api.get(`${topics}/${TOPIC}/partitions/9`);
  expect(noPartition.status()).toBe(404);
  expect((await noPartition.json()).error_code).toBe(40402);
  const noTopic = await api.get(`${topics}/${TOPIC}-missing`);
  expect(noTopic.status()).toBe(404);
  expect(await noTopic.json()).toMatchObject({
    error_code: 40401,
    message: expect.stringContaining(`${TOPIC}-missing`),
  });

  const again = await api.post(topics, {
    headers: JSON_TYPE,
    data: { topic_name: TOPIC, partitions_count: 1, replication_factor: 1 },
  });
  expect(again.status()).toBe(400);
  expect(await again.json()).toMatchObject({
    error_code: 40002,
    message: expect.stringContaining("TOPIC_ALREADY_EXISTS"),
  });
  const invalid = await api.post(topics, {
    headers: JSON_TYPE,
    data: { topic_name: "bad name!", partitions_count: 0 },
  });
  expect(invalid.status()).toBe(422);
  const refused = (await invalid.json()) as { error_code: number; message: string };
  expect(refused.error_code).toBe(42201);
  expect(refused.message).toMatch(/topic_name: .*partitions_count: /);
  const checked = await api.post(topics, {
    headers: { "Content-Type": "application/vnd.kafka.v3+json" },
    data: {
      topic_name: `${TOPIC}-checked`,
      configs: [{ name: "cleanup.policy", value: "compact" }],
      validate_only: true,
    },
  });
  expect(checked.status()).toBe(200);
  expect(checked.headers()["content-type"]).toContain("application/vnd.kafka.v3+json");
  expect((await api.get(`${topics}/${TOPIC}-checked`)).status()).toBe(404);
  await api.dispose();
});

test("topic configs: list, get, update, configs:alter and reset", async ({ baseURL }) => {
  const api = await as(baseURL!, admin.basic);
  const configs = `${V3}/clusters/${clusterId}/topics/${TOPIC}/configs`;
  const list = (await (await api.get(configs)).json()) as { kind: string; data: { name: string }[] };
  expect(list.kind).toBe("KafkaTopicConfigList");
  expect(list.data.map((config) => config.name)).toContain("retention.ms");

  expect(
    (await api.put(`${configs}/retention.ms`, { headers: JSON_TYPE, data: { value: "3600000" } })).status(),
  ).toBe(204);
  await eventually(async () =>
    expect(await (await api.get(`${configs}/retention.ms`)).json()).toMatchObject({
      kind: "KafkaTopicConfig",
      metadata: { resource_name: `crn:///kafka=${clusterId}/topic=${TOPIC}/config=retention.ms` },
      topic_name: TOPIC,
      name: "retention.ms",
      value: "3600000",
      is_default: false,
      source: "DYNAMIC_TOPIC_CONFIG",
    }),
  );

  const batch = await api.post(`${configs}:alter`, {
    headers: JSON_TYPE,
    data: {
      data: [
        { name: "retention.ms", operation: "DELETE" },
        { name: "cleanup.policy", value: "compact" },
      ],
    },
  });
  expect(batch.status()).toBe(204);
  await eventually(async () => {
    expect((await (await api.get(`${configs}/retention.ms`)).json()).is_default).toBe(true);
    expect((await (await api.get(`${configs}/cleanup.policy`)).json()).value).toBe("compact");
  });

  expect((await api.delete(`${configs}/cleanup.policy`)).status()).toBe(204);
  await eventually(async () =>
    expect((await (await api.get(`${configs}/cleanup.policy`)).json()).value).toBe("delete"),
  );
  const bad = await api.put(`${configs}/retention.ms`, { headers: JSON_TYPE, data: { value: "soon" } });
  expect(bad.status()).toBeGreaterThanOrEqual(400);
  expect((await bad.json()).message).toContain("retention.ms");
  await api.dispose();
});

test("brokers, broker configs and cluster-wide broker defaults", async ({ baseURL }) => {
  const api = await as(baseURL!, admin.basic);
  const cluster = `${V3}/clusters/${clusterId}`;
  const brokers = (await (await api.get(`${cluster}/brokers`)).json()) as {
    kind: string;
    data: { broker_id: number }[];
  };
  expect(brokers.kind).toBe("KafkaBrokerList");
  const id = brokers.data[0]!.broker_id;
  expect(await (await api.get(`${cluster}/brokers/${id}`)).json()).toMatchObject({
    kind: "KafkaBroker",
    broker_id: id,
    metadata: { resource_name: `crn:///kafka=${clusterId}/broker=${id}` },
    configs: { related: `${baseURL}${cluster}/brokers/${id}/configs` },
  });
  expect((await (await api.get(`${cluster}/brokers/4242`)).json()).error_code).toBe(404);
  const configs = (await (await api.get(`${cluster}/brokers/${id}/configs`)).json()) as {
    kind: string;
    data: { name: string }[];
  };
  expect(configs.kind).toBe("KafkaBrokerConfigList");
  expect(
    await (await api.get(`${cluster}/brokers/${id}/configs/log.cleaner.backoff.ms`)).json(),
  ).toMatchObject({
    kind: "KafkaBrokerConfig",
    broker_id: id,
    name: "log.cleaner.backoff.ms",
  });

  const defaults = `${cluster}/broker-configs`;
  expect(
    (
      await api.put(`${defaults}/log.cleaner.backoff.ms`, { headers: JSON_TYPE, data: { value: "15001" } })
    ).status(),
  ).toBe(204);
  await expect(async () => {
    expect(await (await api.get(`${defaults}/log.cleaner.backoff.ms`)).json()).toMatchObject({
      kind: "KafkaClusterConfig",
      config_type: "BROKER",
      value: "15001",
      source: "DYNAMIC_DEFAULT_BROKER_CONFIG",
    });
  }).toPass({ timeout: 15_000 });
  const list = (await (await api.get(defaults)).json()) as { kind: string; data: { name: string }[] };
  expect(list.kind).toBe("KafkaClusterConfigList");
  expect(list.data.map((config) => config.name)).toContain("log.cleaner.backoff.ms");
  expect((await api.delete(`${defaults}/log.cleaner.backoff.ms`)).status()).toBe(204);
  await expect(async () => {
    expect((await api.get(`${defaults}/log.cleaner.backoff.ms`)).status()).toBe(404);
  }).toPass({ timeout: 15_000 });

  const batch = (data: unknown[]) => ({ headers: JSON_TYPE, data: { data } });
  const setDefault = [{ name: "log.cleaner.backoff.ms", value: "15002" }];
  expect((await api.post(`${cluster}/broker-configs:alter`, batch(setDefault))).status()).toBe(204);
  await expect(async () => {
    expect((await (await api.get(`${defaults}/log.cleaner.backoff.ms`)).json()).value).toBe("15002");
  }).toPass({ timeout: 15_000 });
  const resetDefault = [{ name: "log.cleaner.backoff.ms", operation: "DELETE" }];
  expect((await api.post(`${cluster}/broker-configs:alter`, batch(resetDefault))).status()).toBe(204);
  await expect(async () => {
    expect((await api.get(`${defaults}/log.cleaner.backoff.ms`)).status()).toBe(404);
  }).toPass({ timeout: 15_000 });
  const own = `${cluster}/brokers/${id}/configs`;
  expect((await api.post(`${own}:alter`, batch(setDefault))).status()).toBe(204);
  // The broker applies a dynamic change once the controller's metadata record reaches it.
  await expect(async () => {
    expect(await (await api.get(`${own}/log.cleaner.backoff.ms`)).json()).toMatchObject({
      value: "15002",
      source: "DYNAMIC_BROKER_CONFIG",
    });
  }).toPass({ timeout: 15_000 });
  expect((await api.delete(`${own}/log.cleaner.backoff.ms`)).status()).toBe(204);
  await expect(async () => {
    expect((await (await api.get(`${own}/log.cleaner.backoff.ms`)).json()).source).toBe("DEFAULT_CONFIG");
  }).toPass({ timeout: 15_000 });
  expect((await api.post(`${cluster}/configs:nothing`, batch(setDefault))).status()).toBe(404);
  await api.dispose();
});

test("errors in Confluent's shape: 401 without a token, 403 for a viewer's change; delete the topic", async ({
  baseURL,
}) => {
  const anonymous = await playwrightRequest.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const refused = await anonymous.get(`${V3}/clusters`);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error_code).toBe(40101);
  await anonymous.dispose();

  const reader = await as(baseURL!, viewer.basic);
  expect((await reader.get(`${V3}/clusters/${clusterId}/topics/${TOPIC}`)).status()).toBe(200);
  const forbidden = await reader.delete(`${V3}/clusters/${clusterId}/topics/${TOPIC}`);
  expect(forbidden.status()).toBe(403);
  expect((await forbidden.json()).error_code).toBe(40301);
  await reader.dispose();

  const api = await as(baseURL!, admin.basic);
  const nowhere = await api.get(`/v3/clusters/${clusterId}/not/a/resource`);
  expect(nowhere.status()).toBe(404);
  expect(await nowhere.json()).toMatchObject({
    error_code: 404,
    message: expect.stringContaining("/not/a/resource"),
  });
  expect((await api.delete(`/v3/clusters/${clusterId}/topics/${TOPIC}`)).status()).toBe(204);
  // Audited as the pages audit: the creation by the token, the deletion.
  const created = await (await api.get("/api/v1/audit?format=ndjson&action=topic.create")).text();
  expect(created.split("\n").find((line) => line.includes(`"${TOPIC}"`))).toMatch(/token:/);
  const deleted = await (await api.get("/api/v1/audit?format=ndjson&action=topic.delete")).text();
  expect(deleted).toContain(`"${TOPIC}"`);
  await expect(async () => {
    expect((await (await api.get(`${V3}/clusters/${clusterId}/topics/${TOPIC}`)).json()).error_code).toBe(
      40401,
    );
  }).toPass({ timeout: 15_000 });
  await api.dispose();
});
