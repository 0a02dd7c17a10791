// The throughput sampler against a real Kafka: a round primes, kafkajs then produces at a steady,
// known rate into a 3-partition topic, and the next round stores exactly the records produced, at a
// rate within 15% of the one produced at, and the bytes the leaders' logs grew by; an idle topic
// writes no row; the overview's disk figures name the busy topic the largest. Rates are per sampled
// interval, so the test measures its own clock, not a deadline.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";
import { openSqliteStore } from "@/lib/server/store/sqlite/open-sqlite-store";
import { CLUSTER_TOTAL } from "@/lib/server/store/throughput-types";
import type { ConsoleStore } from "@/lib/server/store/types";

import { eventually, mtls } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";

const shared = vi.hoisted(() => ({ pool: undefined as ClusterPool | undefined }));

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));

const { readClusterCounters, readOverviewDisk } = await import("@/lib/server/kafka");
const { createThroughputSampler } = await import("@/lib/server/throughput/sampler");

const BUSY = "tp-orders";
const IDLE = "tp-idle";
const PER_SECOND = 50;
const SECONDS = 4;
const VALUE = "x".repeat(100);

let broker: TestBroker;
let pool: ClusterPool;
let dir: string;
let store: ConsoleStore;
let kafka: Kafka;

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  shared.pool = pool;
  dir = mkdtempSync(join(tmpdir(), "console-throughput-"));
  store = openSqliteStore(join(dir, "console.db"));
  const created = await pool.withAdmin("local", (admin) =>
    admin.createTopics({ topics: [BUSY, IDLE], partitions: 3, replicas: 1 }),
  );
  expect(created.ok).toBe(true);
  // A new topic's partitions answer ListOffsets once their leaders are elected: wait for all six.
  const ready = await eventually(async () => {
    const read = await readClusterCounters("local");
    return read.ok && read.data.snapshot.topics.get(BUSY)?.partitions.size === 3 && read.data.unread === 0;
  }, 60_000);
  expect(ready).toBe(true);
  kafka = new Kafka({
    clientId: "throughput-test",
    brokers: [broker.sslBootstrap],
    ssl: { ca: [broker.ca], ...broker.console },
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 300 },
  });
});

afterAll(async () => {
  await store?.close();
  await pool?.close();
  await broker?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** PER_SECOND records a second for SECONDS seconds, in tenth-of-a-second batches spread over the partitions. */
async function produceSteadily(): Promise<number> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const batches = SECONDS * 10;
  const began = performance.now();
  for (let batch = 0; batch < batches; batch++) {
    await producer.send({
      topic: BUSY,
      messages: Array.from({ length: PER_SECOND / 10 }, (_, index) => ({
        partition: index % 3,
        value: VALUE,
      })),
    });
    const due = began + (batch + 1) * 100;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
  }
  await producer.disconnect();
  return PER_SECOND * SECONDS;
}

describe("the throughput sampler on a real broker", () => {
  it("stores what each topic produced between two rounds, at the rate it was produced", async () => {
    const sampler = createThroughputSampler({
      store,
      clusters: () => ["local"],
      readCounters: (cluster: string) => readClusterCounters(cluster),
      owner: "console-a",
      intervalMs: 5_000,
      retentionSeconds: 86_400,
      log: () => {},
    });
    const first = await sampler.runRound();
    expect(first).toMatchObject({ sampled: true, intervals: 0, failedClusters: [] });
    expect(first.topics).toBeGreaterThanOrEqual(2);

    const produced = await produceSteadily();
    const second = await sampler.runRound();
    expect(second).toMatchObject({ sampled: true, intervals: 1, resets: 0, failedClusters: [] });

    const [point, ...more] = await store.throughput.series("local", BUSY, 0, 0);
    expect(more).toEqual([]);
    expect(point!.messages).toBe(produced);
    // The interval is the producing time plus the rounds' own reads: within 15% of it.
    const rate = (point!.messages * 1000) / point!.ms;
    expect(rate).toBeGreaterThan(PER_SECOND * 0.85);
    expect(rate).toBeLessThanOrEqual(PER_SECOND * 1.05);
    // Each record's value plus its batch's and its own headers on the leaders' logs.
    expect(point!.bytes).toBeGreaterThan(produced * VALUE.length);
    expect(point!.bytes).toBeLessThan(produced * VALUE.length * 3);

    const [total] = await store.throughput.series("local", CLUSTER_TOTAL, 0, 0);
    expect(total).toMatchObject({ messages: produced, bytes: point!.bytes, ms: point!.ms });
    expect((await store.throughput.series("local", IDLE, 0, 0)).map((idle) => idle.messages)).toEqual([0]);
    expect((await store.throughput.topTopics("local", 0, 5)).map((row) => row.topic)).toEqual([BUSY]);
    await sampler.stop();

    // The overview's disk figures from the same broker: the busy topic is the largest.
    const disk = await readOverviewDisk("local");
    expect(disk.ok && disk.data.ok).toBe(true);
    if (!disk.ok || !disk.data.ok) return;
    const [only] = disk.data.brokers;
    expect(only).toMatchObject({ broker: 1, error: null, offlineDirs: 0 });
    expect(BigInt(only!.usedBytes!)).toBeGreaterThanOrEqual(BigInt(point!.bytes));
    expect(disk.data.largestTopics[0]).toEqual({ topic: BUSY, bytes: String(point!.bytes) });
  });
});
