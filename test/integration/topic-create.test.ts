// Creating topics against a real Kafka through the console's pool: with partitions and configs as
// asked; validateOnly creates nothing; Kafka's refusals keep their code and create nothing
// (TOPIC_ALREADY_EXISTS, INVALID_REPLICATION_FACTOR, INVALID_CONFIG, TOPIC_AUTHORIZATION_FAILED for
// an identity without CREATE); "Create like…" reads the other topic's partitions, replication and own configs.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Principal } from "@/lib/server/auth";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import { mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";

const shared = vi.hoisted(() => ({
  pool: undefined as ClusterPool | undefined,
  audit: [] as { action: string; target: string; outcome: string; details: Record<string, unknown> }[],
}));

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));
vi.mock("@/lib/server/auth", () => ({
  recordAudit: async (event: (typeof shared.audit)[number]) => void shared.audit.push(event),
}));

const { createTopic, describeConfigs, topicCreationContext } = await import("@/lib/server/kafka");

const ACTOR = { actor: "user:operator" } as Principal;

let broker: TestBroker;
let pool: ClusterPool;
let stranger: ClusterPool;

async function topicNames() {
  return withConsoleAdmin(pool, (admin) => admin.listTopics());
}

const request = (name: string, more: object = {}) => ({
  name,
  partitions: 3,
  replicationFactor: 1,
  configs: {},
  validateOnly: false,
  ...more,
});

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  stranger = createClusterPool([mtls(broker, "local", broker.issueClientCertificate("tcr-stranger"))]);
  shared.pool = pool;
}, 180_000);

afterAll(async () => {
  await stranger?.close();
  await pool?.close();
  await broker?.dispose();
});

describe("createTopic", () => {
  it("checks with validateOnly and creates nothing", async () => {
    const checked = await createTopic("local", request("tcr-checked", { validateOnly: true }), ACTOR);
    expect(checked).toMatchObject({
      ok: true,
      data: { name: "tcr-checked", partitions: 3, validateOnly: true },
    });
    expect(await topicNames()).not.toContain("tcr-checked");
    expect(shared.audit).toHaveLength(0);
  });

  it("creates a topic with its partitions and configs, audited", async () => {
    const created = await createTopic(
      "local",
      request("tcr-orders", { configs: { "retention.ms": "3600000", "cleanup.policy": "compact" } }),
      ACTOR,
    );
    expect(created).toMatchObject({
      ok: true,
      data: { name: "tcr-orders", partitions: 3, replicationFactor: 1, validateOnly: false },
    });
    expect(created.ok && created.data.topicId).toMatch(/\S/);
    expect(await topicNames()).toContain("tcr-orders");
    const configs = await describeConfigs("local", { type: "topic", name: "tcr-orders" });
    const own = configs.ok ? configs.data.filter((entry) => entry.source === "dynamic-topic") : [];
    expect(Object.fromEntries(own.map((entry) => [entry.name, entry.value]))).toEqual({
      "cleanup.policy": "compact",
      "retention.ms": "3600000",
    });
    expect(shared.audit.at(-1)).toMatchObject({
      action: "topic.create",
      target: "tcr-orders",
      outcome: "success",
      details: { cluster: "local", partitions: 3, configs: "retention.ms=3600000; cleanup.policy=compact" },
    });
  });

  it("keeps Kafka's code when it refuses, and creates nothing", async () => {
    expect(await createTopic("local", request("tcr-orders"), ACTOR)).toMatchObject({
      ok: false,
      status: 409,
      code: "TOPIC_ALREADY_EXISTS",
    });
    expect(
      await createTopic("local", request("tcr-replicas", { replicationFactor: 3 }), ACTOR),
    ).toMatchObject({
      ok: false,
      status: 422,
      code: "INVALID_REPLICATION_FACTOR",
    });
    const badConfig = await createTopic(
      "local",
      request("tcr-bad-config", { configs: { "cleanup.policy": "sometimes" } }),
      ACTOR,
    );
    expect(badConfig).toMatchObject({ ok: false, status: 422, code: "INVALID_CONFIG" });
    expect(shared.audit.at(-1)).toMatchObject({ outcome: "failure", details: { code: "INVALID_CONFIG" } });
    const names = await topicNames();
    expect(names).not.toContain("tcr-replicas");
    expect(names).not.toContain("tcr-bad-config");
  });

  it("names the missing ACL when the console's identity may not create topics", async () => {
    shared.pool = stranger;
    try {
      const refused = await createTopic("local", request("tcr-forbidden"), ACTOR);
      expect(refused).toMatchObject({ ok: false, status: 403, code: "TOPIC_AUTHORIZATION_FAILED" });
      expect(!refused.ok && refused.error).toMatch(/User:tcr-stranger may not create topic tcr-forbidden/);
    } finally {
      shared.pool = pool;
    }
    expect(await topicNames()).not.toContain("tcr-forbidden");
  });
});

describe("topicCreationContext", () => {
  it("reads another topic's settings for Create like…, and the broker's topic configs", async () => {
    const context = await topicCreationContext("local", "tcr-orders");
    if (!context.ok) throw new Error(context.problem.title);
    expect(context.data).toMatchObject({
      liveBrokers: 1,
      likeMissing: false,
      catalogFrom: "tcr-orders",
      like: {
        name: "tcr-orders",
        partitions: 3,
        replicationFactor: 1,
        configs: { "cleanup.policy": "compact", "retention.ms": "3600000" },
      },
    });
    expect(context.data.existing).toContain("tcr-orders");
    const maxBytes = context.data.catalog.find((entry) => entry.name === "max.message.bytes");
    expect(maxBytes).toMatchObject({ type: "int", source: "default" });
    expect(maxBytes?.documentation).toMatch(/\S/);
    const missing = await topicCreationContext("local", "tcr-nowhere");
    expect(missing.ok && missing.data).toMatchObject({ like: null, likeMissing: true });
  });
});
