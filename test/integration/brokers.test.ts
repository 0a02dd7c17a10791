// Brokers, the KRaft quorum and features against a real single-node Kafka (4.3 by default, 3.9 with
// KAFKA_VERSION=3.9.2): the one voter leads the quorum with no lag, metadata.version is finalized,
// the broker's partitions and log dirs are counted, and an identity without ACLs sees the quorum as
// unavailable with Kafka's code instead of a failed page.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import { mtls, withConsoleAdmin } from "../support/acl-clients";
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
    expect(ok(await describeBroker("local", 42))).toBeNull();
  });
});
