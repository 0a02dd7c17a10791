// The lag history's sampler against a real Kafka 4.3: a kafkajs group commits part of a topic (the
// way kafka-consumer-groups --reset-offsets does, no live member), one sampler round records exactly
// produced − committed per partition and in total in a real store, and the time lag as the age of the
// oldest next record; a second sampler with another owner on the same store samples nothing while the
// first holds the lease.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";
import { openSqliteStore } from "@/lib/server/store/sqlite/open-sqlite-store";
import type { ConsoleStore } from "@/lib/server/store/types";

import { eventually, mtls } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";

const shared = vi.hoisted(() => ({ pool: undefined as ClusterPool | undefined }));

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));

const { readClusterLag, RecordTimestamps } = await import("@/lib/server/kafka");
const { createLagSampler, SAMPLER_LEASE } = await import("@/lib/server/lag-history/sampler");

const TOPIC = "lh-orders";
const GROUP = "lh-readers";
const PRODUCED = [4, 3, 5];
const COMMITTED = [1, 3, 2];

let broker: TestBroker;
let pool: ClusterPool;
let dir: string;
/** Around producing: the records' timestamps (CreateTime, the producer's clock) lie between the two. */
let producedFrom: number;
let producedUntil: number;
const stores: ConsoleStore[] = [];

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  shared.pool = pool;
  dir = mkdtempSync(join(tmpdir(), "console-lag-history-"));
  const created = await pool.withAdmin("local", (admin) =>
    admin.createTopics({ topics: [TOPIC], partitions: PRODUCED.length, replicas: 1 }),
  );
  expect(created.ok).toBe(true);
  // __consumer_offsets is created with the first coordinator lookup: wait for it before kafkajs asks.
  const coordinated = await eventually(async () => {
    const found = await pool.withAdmin("local", (admin) =>
      admin.findCoordinator({ keyType: 0, keys: [GROUP] }),
    );
    return found.ok && found.data[0]?.nodeId === 1;
  }, 60_000);
  expect(coordinated).toBe(true);

  const kafka = new Kafka({
    clientId: "lag-history-test",
    brokers: [broker.sslBootstrap],
    ssl: { ca: [broker.ca], ...broker.console },
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 300 },
  });
  producedFrom = Date.now();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({
    topic: TOPIC,
    messages: PRODUCED.flatMap((count, partition) =>
      Array.from({ length: count }, (_, index) => ({ partition, value: `order ${partition}-${index}` })),
    ),
  });
  producedUntil = Date.now();
  await producer.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  await admin.setOffsets({
    groupId: GROUP,
    topic: TOPIC,
    partitions: COMMITTED.map((offset, partition) => ({ partition, offset: String(offset) })),
  });
  await admin.disconnect();
});

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await pool?.close();
  await broker?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function processOn(owner: string) {
  const stamps = new RecordTimestamps();
  const store = openSqliteStore(join(dir, "console.db"));
  stores.push(store);
  const sampler = createLagSampler({
    store,
    clusters: () => ["local"],
    readLag: (cluster: string) => readClusterLag(cluster, { timeLag: stamps }),
    owner,
    intervalMs: 30_000,
    retentionSeconds: 7 * 86_400,
    log: () => {},
  });
  return { store, sampler };
}

describe("the lag sampler on a real broker", () => {
  it("records produced − committed per partition and in total; a second process waits while the lease is held", async () => {
    const first = processOn("console-a");
    const second = processOn("console-b");

    const roundAt = Date.now();
    const round = await first.sampler.runRound();
    expect(round).toMatchObject({ sampled: true, failedClusters: [] });
    const [point, ...more] = await first.store.lagHistory.series("local", GROUP, 0, 0, { partitions: true });
    expect(more).toEqual([]);
    const lags = PRODUCED.map((count, partition) => count - COMMITTED[partition]!);
    expect(point?.lagLast).toBe(BigInt(lags.reduce((sum, lag) => sum + lag, 0)));
    expect(point?.partitions).toEqual(lags.map((lag, partition) => ({ topic: TOPIC, partition, lag })));
    // The age of the oldest record the group has yet to read (partitions 0 and 2; 1 is caught up).
    expect(point?.timeLagLastMs).toBeGreaterThanOrEqual(roundAt - producedUntil);
    expect(point?.timeLagLastMs).toBeLessThanOrEqual(Date.now() - producedFrom);

    expect(await second.sampler.runRound()).toMatchObject({ sampled: false, rowsWritten: 0 });
    expect((await second.store.leases.holder(SAMPLER_LEASE))?.owner).toBe("console-a");
    expect(await second.store.lagHistory.series("local", GROUP, 0, 0)).toHaveLength(1);

    // The first stops (shutdown) and gives the lease up: the second samples at its next round.
    await first.sampler.stop();
    expect((await second.sampler.runRound()).sampled).toBe(true);
    expect((await second.store.leases.holder(SAMPLER_LEASE))?.owner).toBe("console-b");
  });
});
