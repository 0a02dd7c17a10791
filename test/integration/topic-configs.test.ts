// A topic's and a broker's configs against a real Kafka through the console's pool: sources, types,
// documentation and the default a reset leads to; one changed config changes alone and is audited
// with before and after; validateOnly changes nothing; a reset goes back to the default; Kafka's own
// refusal keeps its code; a read-only broker config is refused before Kafka is asked.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Principal } from "@/lib/server/auth";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import { eventually, mtls, withConsoleAdmin } from "../support/acl-clients";
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

const { alterConfigs, describeConfigs } = await import("@/lib/server/kafka");

const TOPIC = "tc-orders";
const ACTOR = { actor: "user:operator" } as Principal;
const AS = { actor: ACTOR, action: "topic.configure" };
const topic = { type: "topic", name: TOPIC } as const;

let broker: TestBroker;
let pool: ClusterPool;
let brokerId: number;

async function topicConfig(name: string) {
  const read = await describeConfigs("local", topic);
  if (!read.ok) throw new Error(read.problem.title);
  return read.data.find((entry) => entry.name === name)!;
}

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  shared.pool = pool;
  brokerId = await withConsoleAdmin(pool, async (admin) => {
    await admin.createTopics({
      topics: [TOPIC],
      partitions: 1,
      replicas: 1,
      configs: [{ name: "retention.ms", value: "3600000" }],
    });
    return [...(await admin.metadata({ topics: [] })).brokers.keys()][0]!;
  });
}, 180_000);

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
});

describe("topic configs", () => {
  it("describes every config with source, type, documentation and the default below it", async () => {
    const retention = await topicConfig("retention.ms");
    expect(retention).toMatchObject({
      value: "3600000",
      source: "dynamic-topic",
      type: "long",
      sensitive: false,
      readOnly: false,
    });
    expect(retention.documentation).toMatch(/retain/i);
    expect(await topicConfig("cleanup.policy")).toMatchObject({
      source: "default",
      type: "list",
      value: "delete",
    });
  });

  it("checks with validateOnly without changing anything", async () => {
    const checked = await alterConfigs(
      "local",
      topic,
      { set: { "retention.ms": "7200000" }, reset: [], validateOnly: true },
      AS,
    );
    expect(checked).toMatchObject({ ok: true, data: { validateOnly: true } });
    expect((await topicConfig("retention.ms")).value).toBe("3600000");
    expect(shared.audit).toHaveLength(0);
  });

  it("changes one config only, and audits before and after", async () => {
    const before = await describeConfigs("local", topic);
    const altered = await alterConfigs(
      "local",
      topic,
      { set: { "retention.ms": "7200000", "cleanup.policy": "delete" }, reset: [], validateOnly: false },
      AS,
    );
    expect(altered).toEqual({
      ok: true,
      data: {
        resource: topic,
        validateOnly: false,
        changes: [
          { name: "retention.ms", operation: "set", before: "3600000", after: "7200000", sensitive: false },
        ],
      },
    });
    const after = await describeConfigs("local", topic);
    if (!before.ok || !after.ok) throw new Error("describe failed");
    const changed = after.data.filter(
      (entry) => before.data.find((old) => old.name === entry.name)?.value !== entry.value,
    );
    expect(changed.map((entry) => entry.name)).toEqual(["retention.ms"]);
    expect(shared.audit.at(-1)).toMatchObject({
      action: "topic.configure",
      target: TOPIC,
      outcome: "success",
      details: { cluster: "local", changes: "retention.ms: 3600000 → 7200000" },
    });
  });

  it("resets a config to its default", async () => {
    const reset = await alterConfigs(
      "local",
      topic,
      { set: {}, reset: ["retention.ms"], validateOnly: false },
      AS,
    );
    expect(reset).toMatchObject({
      ok: true,
      data: {
        changes: [{ name: "retention.ms", operation: "reset", before: "7200000", after: "604800000" }],
      },
    });
    expect(await topicConfig("retention.ms")).toMatchObject({ value: "604800000", source: "default" });
    expect(shared.audit.at(-1)?.details.changes).toBe("retention.ms: 7200000 → 604800000 (reset)");
  });

  it("keeps Kafka's code when it refuses a value, and changes nothing", async () => {
    const refused = await alterConfigs(
      "local",
      topic,
      { set: { "cleanup.policy": "sometimes" }, reset: [], validateOnly: false },
      AS,
    );
    expect(refused).toMatchObject({ ok: false, status: 422, code: "INVALID_CONFIG" });
    expect((await topicConfig("cleanup.policy")).value).toBe("delete");
    expect(shared.audit.at(-1)).toMatchObject({ outcome: "failure", details: { code: "INVALID_CONFIG" } });
  });

  it("refuses a value that does not fit the type before asking Kafka", async () => {
    const refused = await alterConfigs(
      "local",
      topic,
      { set: { "retention.ms": "a week" }, reset: [], validateOnly: false },
      AS,
    );
    expect(refused).toMatchObject({ ok: false, status: 422, code: "INVALID_CONFIG_VALUE" });
    expect(refused.ok || refused.fieldErrors).toHaveProperty(["set.retention.ms"]);
  });
});

describe("broker configs", () => {
  it("describes one broker and the cluster-wide default", async () => {
    const own = await describeConfigs("local", { type: "broker", id: brokerId });
    if (!own.ok) throw new Error(own.problem.title);
    expect(own.data.find((entry) => entry.name === "node.id")).toMatchObject({
      value: String(brokerId),
      readOnly: true,
    });
    // Kafka lists only the defaults set dynamically for the cluster-wide resource.
    const defaults = await describeConfigs("local", { type: "broker-default" });
    expect(defaults.ok).toBe(true);
    const missing = await describeConfigs("local", { type: "broker", id: 4711 });
    expect(missing).toMatchObject({ ok: false, problem: { code: "BROKER_NOT_AVAILABLE" } });
  });

  it("refuses a read-only config and changes a dynamic default, then resets it", async () => {
    const readOnly = await alterConfigs(
      "local",
      { type: "broker", id: brokerId },
      { set: { "node.id": "99" }, reset: [], validateOnly: false },
      { actor: ACTOR, action: "broker.configure" },
    );
    expect(readOnly).toMatchObject({ ok: false, status: 422, code: "CONFIG_READ_ONLY" });
    const resource = { type: "broker-default" } as const;
    const set = await alterConfigs(
      "local",
      resource,
      { set: { "log.cleaner.threads": "2" }, reset: [], validateOnly: false },
      { actor: ACTOR, action: "broker.configure" },
    );
    expect(set).toMatchObject({ ok: true, data: { changes: [{ name: "log.cleaner.threads", after: "2" }] } });
    const defaultNow = async () => {
      const read = await describeConfigs("local", resource);
      return read.ok ? read.data.find((entry) => entry.name === "log.cleaner.threads") : undefined;
    };
    // The broker applies a cluster-wide default once the controller's metadata reaches it.
    expect(await eventually(async () => (await defaultNow())?.value === "2", 10_000)).toBe(true);
    expect(await defaultNow()).toMatchObject({ source: "dynamic-default-broker", readOnly: false });
    const reset = await alterConfigs(
      "local",
      resource,
      { set: {}, reset: ["log.cleaner.threads"], validateOnly: false },
      { actor: ACTOR, action: "broker.configure" },
    );
    expect(reset).toMatchObject({ ok: true, data: { changes: [{ before: "2", operation: "reset" }] } });
  });
});
