// Confluent REST v2 positions and manual assignments against a real broker: an instance seeks to an
// offset, to the beginning and to the end (then reads only what is written afterwards); a partition
// not assigned to it is refused and nothing moves; a manual assignment reads outside the group,
// refuses a subscription, and its commit is what the next assignment resumes from.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { ClusterConnection } from "@/lib/schemas/cluster";
import type { V2Record } from "@/lib/server/confluent-v2/record-format";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import { mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";

const shared = vi.hoisted(() => ({ connection: undefined as ClusterConnection | undefined }));

vi.mock("@/lib/server/config", () => ({ getConfig: () => ({ clusters: [shared.connection] }) }));

const { openV2GroupConsumer } = await import("@/lib/server/kafka/v2-group-consumer");
const { ConsumerRegistry, V2_CODES } = await import("@/lib/server/confluent-v2/consumer-registry");

const TOPIC = "v2-positions";
const holder = { actor: "token:t (test)" };
let broker: TestBroker;
let pool: ClusterPool;
let registry: InstanceType<typeof ConsumerRegistry>;

async function produce(values: string[]) {
  const produced = await pool.withProducer("local", (producer) =>
    producer.send({
      messages: values.map((value) => ({ topic: TOPIC, partition: 0, value: Buffer.from(value) })),
    }),
  );
  expect(produced.ok).toBe(true);
}

beforeAll(async () => {
  broker = await startTestBroker();
  shared.connection = mtls(broker, "local", broker.console);
  pool = createClusterPool([shared.connection]);
  await withConsoleAdmin(pool, async (admin) => {
    await admin.createTopics({ topics: [TOPIC], partitions: 1, replicas: 1 });
  });
  await produce(["a", "b", "c", "d", "e"]);
  registry = new ConsumerRegistry({
    idleMs: 60_000,
    maxPerHolder: 10,
    open: (group, options) => openV2GroupConsumer("local", group, options)!,
  });
});

afterAll(async () => {
  await registry?.closeAll();
  await pool?.close();
  await broker?.dispose();
});

type Instance = ReturnType<InstanceType<typeof ConsumerRegistry>["create"]>;

/** Reads until `count` records arrived or 30 polls passed (joining the group takes a few seconds). */
async function readAtLeast(instance: Instance, count: number): Promise<string[]> {
  const values: string[] = [];
  for (let round = 0; round < 30 && values.length < count; round++) {
    try {
      const records: V2Record[] = await instance.records(1000, 1024 * 1024);
      values.push(...records.map((record) => String(record.value)));
    } catch {
      // A fresh broker's coordinator may still be loading: the next read joins again.
    }
  }
  return values;
}

const codeOf = async (run: () => Promise<unknown>) =>
  run().then(
    () => undefined,
    (error: { errorCode?: number }) => error.errorCode,
  );

describe("v2 positions", () => {
  it("seeks to an offset, to the beginning and to the end, and refuses an unassigned partition", async () => {
    const options = { format: "string", autoOffsetReset: "earliest", autoCommit: false } as const;
    const instance = registry.create({ group: "v2-positions-group", name: "seeker", options, holder });
    instance.subscribe([TOPIC]);
    expect(await readAtLeast(instance, 5)).toEqual(["a", "b", "c", "d", "e"]);

    await instance.seek([{ topic: TOPIC, partition: 0, offset: 2 }]);
    expect(await readAtLeast(instance, 3)).toEqual(["c", "d", "e"]);

    await instance.seekToEdge([{ topic: TOPIC, partition: 0 }], "beginning");
    expect(await readAtLeast(instance, 5)).toEqual(["a", "b", "c", "d", "e"]);

    await instance.seek([{ topic: TOPIC, partition: 0, offset: 3 }]);
    expect(
      await codeOf(() =>
        instance.seek([
          { topic: TOPIC, partition: 0, offset: 0 },
          { topic: TOPIC, partition: 5, offset: 0 },
        ]),
      ),
    ).toBe(V2_CODES.illegalState);
    expect(await codeOf(() => instance.seekToEdge([{ topic: "elsewhere", partition: 0 }], "end"))).toBe(
      V2_CODES.illegalState,
    );
    expect(await readAtLeast(instance, 2)).toEqual(["d", "e"]);

    await instance.seekToEdge([{ topic: TOPIC, partition: 0 }], "end");
    expect(await instance.records(1500, 1024 * 1024)).toEqual([]);
    await produce(["f"]);
    expect(await readAtLeast(instance, 1)).toEqual(["f"]);
    await registry.delete("v2-positions-group", "seeker", holder);
  });

  it("reads a manual assignment outside the group, refuses a subscription, and resumes from its commit", async () => {
    const options = { format: "string", autoOffsetReset: "earliest", autoCommit: false } as const;
    const first = registry.create({ group: "v2-assign-group", name: "first", options, holder });
    await first.assign([{ topic: TOPIC, partition: 0 }]);
    expect(first.kafka.assignments()).toEqual([{ topic: TOPIC, partition: 0 }]);
    expect(() => first.subscribe([TOPIC])).toThrow(/mutually exclusive/);
    expect(await codeOf(() => first.assign([{ topic: TOPIC, partition: 9 }]))).toBe(40402);
    expect(await codeOf(() => first.assign([{ topic: "v2-positions-missing", partition: 0 }]))).toBe(40401);
    expect(first.kafka.assignments()).toEqual([{ topic: TOPIC, partition: 0 }]);
    const read = await readAtLeast(first, 6);
    expect(read).toEqual(["a", "b", "c", "d", "e", "f"]);

    await first.seek([{ topic: TOPIC, partition: 0, offset: 4 }]);
    expect(await readAtLeast(first, 2)).toEqual(["e", "f"]);
    // Confluent's commit names the last record processed: the group resumes at offset 3 ("d").
    await first.commit([{ topic: TOPIC, partition: 0, offset: 2 }]);
    await registry.delete("v2-assign-group", "first", holder);

    const second = registry.create({ group: "v2-assign-group", name: "second", options, holder });
    await second.assign([{ topic: TOPIC, partition: 0 }]);
    expect(await readAtLeast(second, 3)).toEqual(["d", "e", "f"]);
    await registry.delete("v2-assign-group", "second", holder);
  });
});
