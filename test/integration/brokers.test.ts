// Brokers, the KRaft quorum and features against a real single-node Kafka (4.3 by default, 3.9 with
// KAFKA_VERSION=3.9.2): the one voter leads the quorum with no lag, metadata.version is finalized,
// the broker's partitions and log dirs are counted, and an identity without ACLs sees the quorum as
// unavailable with Kafka's code instead of a failed page.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Principal } from "@/lib/server/auth";
import type { ConfigEntry, ConfigResource } from "@/lib/schemas/configs";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import { eventually, mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";

const shared = vi.hoisted(() => ({ pool: undefined as ClusterPool | undefined, audit: [] as unknown[] }));

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));
vi.mock("@/lib/server/auth", () => ({
  recordAudit: async (event: unknown) => void shared.audit.push(event),
}));

const { describeQuorumAndFeatures } = await import("@/lib/server/kafka/quorum");
const { listBrokers, describeBroker } = await import("@/lib/server/kafka/brokers");
const { alterConfigs, describeConfigs } = await import("@/lib/server/kafka/configs");

let broker: TestBroker;
let pool: ClusterPool;

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([
    mtls(broker, "local", broker.console),
    mtls(broker, "no-acls", broker.issueClientCertificate("nobody")),
  ]);
  shared.pool = pool;
  await withConsoleAdmin(pool, (admin) =>
    admin.createTopics({ topics: ["br-orders"], partitions: 3, replicas: 1 }),
  );
});

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
});

function ok<T>(result: { ok: true; data: T } | { ok: false; problem: { title: string } }): T {
  if (!result.ok) throw new Error(result.problem.title);
  return result.data;
}

describe("the quorum and features", () => {
  it("shows the single voter as the leader, caught up, and metadata.version finalized", async () => {
    const { quorum, features } = ok(await describeQuorumAndFeatures("local"));
    if (!quorum.ok) throw new Error(quorum.reason);
    expect(quorum.data.leaderId).toBe(1);
    expect(quorum.data.leaderEpoch).toBeGreaterThan(0);
    expect(BigInt(quorum.data.highWatermark)).toBeGreaterThan(0n);
    expect(quorum.data.voters).toHaveLength(1);
    expect(quorum.data.voters[0]).toMatchObject({ nodeId: 1, isLeader: true, lag: "0" });
    expect(BigInt(quorum.data.voters[0]!.logEndOffset!)).toBeGreaterThanOrEqual(
      BigInt(quorum.data.highWatermark),
    );
    if (!features.ok) throw new Error(features.reason);
    const metadataVersion = features.features.find((feature) => feature.name === "metadata.version");
    expect(metadataVersion?.finalized?.maxVersionLevel).toBeGreaterThan(0);
    expect(metadataVersion?.supported?.maxVersion).toBeGreaterThanOrEqual(
      metadataVersion!.finalized!.maxVersionLevel,
    );
  });

  it("is unavailable with CLUSTER_AUTHORIZATION_FAILED for an identity without ACLs, not a failed page", async () => {
    const { quorum } = ok(await describeQuorumAndFeatures("no-acls"));
    expect(quorum).toMatchObject({ ok: false, code: "CLUSTER_AUTHORIZATION_FAILED" });
  });
});

describe("brokers", () => {
  it("lists the broker with its address, the controller and its partitions", async () => {
    const list = ok(await listBrokers("local"));
    expect(list.brokers).toHaveLength(1);
    const [row] = list.brokers;
    expect(row).toMatchObject({ nodeId: 1, port: Number(broker.sslBootstrap.split(":").at(-1)) });
    expect(row!.leaderPartitions).toBeGreaterThanOrEqual(3);
    expect(row!.replicaPartitions).toBe(row!.leaderPartitions);
  });

  it("describes one broker with its advertised listeners, and knows no broker 42", async () => {
    const details = ok(await describeBroker("local", 1));
    expect(details?.endpoints.map((endpoint) => `${endpoint.host}:${endpoint.port}`)).toContain(
      broker.sslBootstrap,
    );
    expect(details?.logDirs).toMatchObject({ ok: true, dirs: [expect.objectContaining({ error: null })] });
    expect(BigInt(details!.logDirBytes!)).toBeGreaterThanOrEqual(0n);
    expect(ok(await describeBroker("local", 42))).toBeNull();
  });
});

describe("broker configs", () => {
  const ACTOR = { actor: "user:admin" } as Principal;
  const DEFAULT: ConfigResource = { type: "broker-default" };
  const BROKER_1: ConfigResource = { type: "broker", id: 1 };
  const alter = (resource: ConfigResource, request: { set?: Record<string, string>; reset?: string[] }) =>
    alterConfigs(
      "local",
      resource,
      { set: request.set ?? {}, reset: request.reset ?? [], validateOnly: false },
      { actor: ACTOR, action: "broker.configure" },
    );
  const entry = async (resource: ConfigResource, name: string) =>
    ok(await describeConfigs("local", resource)).find((config) => config.name === name);
  /** The entry once the broker shows it as wanted: a change reaches it through the metadata log. */
  async function settled(
    resource: ConfigResource,
    name: string,
    wanted: (found: ConfigEntry | undefined) => boolean,
  ) {
    let found: ConfigEntry | undefined;
    await eventually(async () => wanted((found = await entry(resource, name))));
    return found;
  }

  it("sets message.max.bytes at the cluster default, reads it back with its source, and resets it", async () => {
    const before = await entry(BROKER_1, "message.max.bytes");
    expect(before?.source).not.toBe("dynamic-default-broker");
    const set = await alter(DEFAULT, { set: { "message.max.bytes": "2000000" } });
    if (!set.ok) throw new Error(set.error);
    expect(set.data.changes).toEqual([
      expect.objectContaining({
        name: "message.max.bytes",
        operation: "set",
        before: null,
        after: "2000000",
      }),
    ]);
    expect(await settled(DEFAULT, "message.max.bytes", (found) => found?.value === "2000000")).toMatchObject({
      source: "dynamic-default-broker",
    });
    // The broker inherits the default: its own answer names the cluster default as the source.
    expect(await settled(BROKER_1, "message.max.bytes", (found) => found?.value === "2000000")).toMatchObject(
      {
        source: "dynamic-default-broker",
      },
    );
    expect(shared.audit.at(-1)).toMatchObject({
      action: "broker.configure",
      target: "the cluster-wide broker default",
      outcome: "success",
      details: { cluster: "local", changes: expect.stringContaining("message.max.bytes") },
    });
    const reset = await alter(DEFAULT, { reset: ["message.max.bytes"] });
    if (!reset.ok) throw new Error(reset.error);
    expect(
      await settled(BROKER_1, "message.max.bytes", (found) => found?.value === before?.value),
    ).toMatchObject({
      source: before?.source,
    });
  });

  it("sets and resets a dynamic config of one broker", async () => {
    const before = await entry(BROKER_1, "log.cleaner.backoff.ms");
    const set = await alter(BROKER_1, { set: { "log.cleaner.backoff.ms": "20000" } });
    if (!set.ok) throw new Error(set.error);
    // Answered and audited as Kafka accepted it, though the broker applies it a moment later.
    expect(set.data.changes).toEqual([
      expect.objectContaining({ before: before?.value, after: "20000", operation: "set" }),
    ]);
    expect(shared.audit.at(-1)).toMatchObject({
      details: { changes: expect.stringContaining(`${before?.value} → 20000`) },
    });
    expect(
      await settled(BROKER_1, "log.cleaner.backoff.ms", (found) => found?.value === "20000"),
    ).toMatchObject({
      source: "dynamic-broker",
    });
    const reset = await alter(BROKER_1, { reset: ["log.cleaner.backoff.ms"] });
    if (!reset.ok) throw new Error(reset.error);
    expect(
      await settled(BROKER_1, "log.cleaner.backoff.ms", (found) => found?.source !== "dynamic-broker"),
    ).toMatchObject({ value: before?.value });
  });

  it("refuses a static config and a value Kafka rejects, with the code, changing nothing", async () => {
    // The broker's own answer marks it read-only: refused before Kafka is asked.
    const staticConfig = await alter(BROKER_1, { set: { "log.dirs": "/tmp/elsewhere" } });
    expect(staticConfig).toMatchObject({ ok: false, status: 422, code: "CONFIG_READ_ONLY" });
    // The cluster default lists only what is set there, so Kafka itself refuses it, with its code.
    const atDefault = await alter(DEFAULT, { set: { "log.dirs": "/tmp/elsewhere" } });
    expect(atDefault).toMatchObject({ ok: false, status: 422, code: "INVALID_REQUEST" });
    if (!atDefault.ok) expect(atDefault.error).toContain("Cannot update these configs dynamically");
    const invalid = await alter(DEFAULT, { set: { "message.max.bytes": "-5" } });
    expect(invalid).toMatchObject({ ok: false, status: 422, code: "INVALID_REQUEST" });
    if (!invalid.ok) expect(invalid.error).toContain("Value must be at least 0");
    expect((await entry(DEFAULT, "message.max.bytes"))?.source).not.toBe("dynamic-default-broker");
    expect((await entry(BROKER_1, "log.dirs"))?.value).not.toBe("/tmp/elsewhere");
  });
});
