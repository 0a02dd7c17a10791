// The Kafka side of a Confluent REST v2 consumer instance against a real broker: a group member that
// reads from the earliest offset when the group has none, commits, and a later member of the same
// group resumes after the commit; unsubscribing and subscribing again reads again.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { ClusterConnection } from "@/lib/schemas/cluster";
import type { ConsumedRecord, GroupConsumer } from "@/lib/server/confluent-v2/consumer-types";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import { mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";

const shared = vi.hoisted(() => ({ connection: undefined as ClusterConnection | undefined }));

vi.mock("@/lib/server/config", () => ({ getConfig: () => ({ clusters: [shared.connection] }) }));

const { openV2GroupConsumer } = await import("@/lib/server/kafka/v2-group-consumer");

const TOPIC = "v2-consumer";
let broker: TestBroker;
let pool: ClusterPool;

beforeAll(async () => {
  broker = await startTestBroker();
  shared.connection = mtls(broker, "local", broker.console);
  pool = createClusterPool([shared.connection]);
  await withConsoleAdmin(pool, async (admin) => {
    await admin.createTopics({ topics: [TOPIC], partitions: 1, replicas: 1 });
  });
  const produced = await pool.withProducer("local", (producer) =>
    producer.send({
      messages: ["a", "b", "c"].map((value) => ({ topic: TOPIC, partition: 0, value: Buffer.from(value) })),
    }),
  );
  expect(produced.ok).toBe(true);
});

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
});

/** Polls until `count` records arrived (joining the group takes a few seconds). */
async function readAtLeast(consumer: GroupConsumer, count: number): Promise<ConsumedRecord[]> {
  const read: ConsumedRecord[] = [];
  for (let round = 0; round < 60 && read.length < count; round++) {
    try {
      read.push(...(await consumer.poll(1000, 1024 * 1024)));
    } catch {
      // A fresh broker's coordinator may still be loading: the next poll joins again.
    }
  }
  return read;
}

describe("openV2GroupConsumer", () => {
  it("reads as a group member, commits, and the next member resumes after the commit", async () => {
    const options = { format: "binary", autoOffsetReset: "earliest", autoCommit: false } as const;
    const first = openV2GroupConsumer("local", "v2-group", options)!;
    try {
      first.subscribe([TOPIC]);
      const read = await readAtLeast(first, 3);
      expect(read.map((record) => [record.offset, record.value?.toString()])).toEqual([
        [0n, "a"],
        [1n, "b"],
        [2n, "c"],
      ]);
      expect(first.assignments()).toEqual([{ topic: TOPIC, partition: 0 }]);
      await first.commit([{ topic: TOPIC, partition: 0, offset: 2n, leaderEpoch: read[1]!.leaderEpoch }]);

      await first.unsubscribe();
      first.subscribe([TOPIC]);
      const again = await readAtLeast(first, 1);
      expect(again[0]?.offset).toBe(2n);
    } finally {
      await first.close();
    }

    const second = openV2GroupConsumer("local", "v2-group", { ...options, autoOffsetReset: "latest" })!;
    try {
      second.subscribe([TOPIC]);
      const resumed = await readAtLeast(second, 1);
      expect(resumed.map((record) => record.value?.toString())).toEqual(["c"]);
    } finally {
      await second.close();
    }
  });
});
