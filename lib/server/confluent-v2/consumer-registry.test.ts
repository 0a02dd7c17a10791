import { describe, expect, it } from "vitest";

import { ConsumerRegistry, V2_CODES } from "./consumer-registry";
import type {
  ConsumedRecord,
  GroupConsumer,
  InstanceOptions,
  NextOffset,
  TopicPartition,
} from "./consumer-types";

const JSON_OPTIONS: InstanceOptions = { format: "json", autoOffsetReset: "earliest", autoCommit: false };
const alice = { actor: "token:a (alice)" };
const bob = { actor: "token:b (bob)" };

function fakeConsumer(records: ConsumedRecord[] = [], assigned: TopicPartition[] = []) {
  const state = {
    commits: [] as NextOffset[][],
    closed: false,
    subscribed: [] as string[],
    assigned: [] as TopicPartition[],
    seeks: [] as NextOffset[][],
  };
  const consumer: GroupConsumer = {
    subscribe: (topics) => void (state.subscribed = topics),
    assign: async (partitions) => void (state.assigned = partitions),
    unsubscribe: async () => void ((state.subscribed = []), (state.assigned = [])),
    assignments: () => (state.assigned.length > 0 ? state.assigned : assigned),
    seek: async (offsets) => void state.seeks.push(offsets),
    edgeOffsets: async (partitions, edge) =>
      partitions.map((row) => ({ ...row, offset: edge === "beginning" ? 0n : 42n })),
    poll: async () => records.splice(0),
    commit: async (offsets) => void state.commits.push(offsets),
    close: async () => void (state.closed = true),
  };
  return { consumer, state };
}

const record = (partition: number, offset: bigint, value: string): ConsumedRecord => ({
  topic: "orders",
  partition,
  offset,
  leaderEpoch: 3,
  key: null,
  value: Buffer.from(value),
});

function registryWith(fake: ReturnType<typeof fakeConsumer>, clock = { now: 0 }, maxPerHolder = 2) {
  return new ConsumerRegistry({
    idleMs: 1000,
    maxPerHolder,
    open: () => fake.consumer,
    now: () => clock.now,
  });
}

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { errorCode?: number }).errorCode;
  }
  return undefined;
};

describe("ConsumerRegistry", () => {
  it("refuses a second instance of the same name, and more than the cap per holder", () => {
    const registry = registryWith(fakeConsumer());
    registry.create({ group: "g", name: "one", options: JSON_OPTIONS, holder: alice });
    expect(
      codeOf(() => registry.create({ group: "g", name: "one", options: JSON_OPTIONS, holder: alice })),
    ).toBe(V2_CODES.alreadyExists);
    registry.create({ group: "g", options: JSON_OPTIONS, holder: alice });
    expect(codeOf(() => registry.create({ group: "g", options: JSON_OPTIONS, holder: alice }))).toBe(
      V2_CODES.tooMany,
    );
    expect(registry.create({ group: "g", options: JSON_OPTIONS, holder: bob }).name).toMatch(
      /^rest-consumer-/,
    );
  });

  it("answers not found for another holder's instance and after delete", async () => {
    const fake = fakeConsumer();
    const registry = registryWith(fake);
    registry.create({ group: "g", name: "one", options: JSON_OPTIONS, holder: alice });
    expect(codeOf(() => registry.get("g", "one", bob))).toBe(V2_CODES.instanceNotFound);
    await registry.delete("g", "one", alice);
    expect(fake.state.closed).toBe(true);
    expect(codeOf(() => registry.get("g", "one", alice))).toBe(V2_CODES.instanceNotFound);
  });

  it("closes instances idle for longer than the configured time, not used ones", async () => {
    const clock = { now: 0 };
    const fake = fakeConsumer();
    const registry = registryWith(fake, clock);
    registry.create({ group: "g", name: "idle", options: JSON_OPTIONS, holder: alice });
    registry.create({ group: "g", name: "busy", options: JSON_OPTIONS, holder: alice });
    clock.now = 800;
    registry.get("g", "busy", alice);
    clock.now = 1500;
    expect(await registry.closeIdle()).toBe(1);
    expect(codeOf(() => registry.get("g", "idle", alice))).toBe(V2_CODES.instanceNotFound);
    expect(registry.get("g", "busy", alice).name).toBe("busy");
    await registry.closeAll();
    expect(registry.size).toBe(0);
  });

  it("formats records, and commits what was handed out (offset + 1) or the given offsets + 1", async () => {
    const fake = fakeConsumer([record(0, 4n, '{"a":1}'), record(1, 9n, "[2]")]);
    const registry = registryWith(fake);
    const instance = registry.create({ group: "g", name: "one", options: JSON_OPTIONS, holder: alice });
    await expect(instance.records(100, 1000)).rejects.toMatchObject({ errorCode: V2_CODES.illegalState });
    instance.subscribe(["orders"]);
    expect(await instance.records(100, 1000)).toEqual([
      { topic: "orders", key: null, value: { a: 1 }, partition: 0, offset: 4 },
      { topic: "orders", key: null, value: [2], partition: 1, offset: 9 },
    ]);
    await instance.commit();
    expect(fake.state.commits[0]).toEqual([
      { topic: "orders", partition: 0, offset: 5n, leaderEpoch: 3 },
      { topic: "orders", partition: 1, offset: 10n, leaderEpoch: 3 },
    ]);
    await instance.commit([{ topic: "orders", partition: 0, offset: 2 }]);
    expect(fake.state.commits[1]).toEqual([{ topic: "orders", partition: 0, offset: 3n, leaderEpoch: 3 }]);
  });

  it("commits on its own after each read with auto.commit.enable", async () => {
    const fake = fakeConsumer([record(0, 0n, "x")]);
    const registry = registryWith(fake);
    const options: InstanceOptions = { format: "binary", autoOffsetReset: "latest", autoCommit: true };
    const instance = registry.create({ group: "g", name: "one", options, holder: alice });
    instance.subscribe(["orders"]);
    expect(await instance.records(100, 1000)).toEqual([
      { topic: "orders", key: null, value: Buffer.from("x").toString("base64"), partition: 0, offset: 0 },
    ]);
    expect(fake.state.commits).toEqual([[{ topic: "orders", partition: 0, offset: 1n, leaderEpoch: 3 }]]);
  });

  it("seeks only assigned partitions, changing nothing when one is not, and commits the new positions", async () => {
    const fake = fakeConsumer([], [{ topic: "orders", partition: 0 }]);
    const instance = registryWith(fake).create({
      group: "g",
      name: "one",
      options: JSON_OPTIONS,
      holder: alice,
    });
    instance.subscribe(["orders"]);
    await expect(
      instance.seek([
        { topic: "orders", partition: 0, offset: 5 },
        { topic: "orders", partition: 3, offset: 1 },
      ]),
    ).rejects.toMatchObject({
      errorCode: V2_CODES.illegalState,
      message: expect.stringContaining("orders-3"),
    });
    expect(fake.state.seeks).toEqual([]);
    await instance.seek([{ topic: "orders", partition: 0, offset: 5 }]);
    await instance.seekToEdge([{ topic: "orders", partition: 0 }], "end");
    expect(fake.state.seeks).toEqual([
      [{ topic: "orders", partition: 0, offset: 5n }],
      [{ topic: "orders", partition: 0, offset: 42n }],
    ]);
    await instance.commit();
    expect(fake.state.commits).toEqual([[{ topic: "orders", partition: 0, offset: 42n, leaderEpoch: -1 }]]);
  });

  it("keeps a subscription and a manual assignment exclusive, and reads with an assignment", async () => {
    const fake = fakeConsumer([record(1, 0n, "1")]);
    const instance = registryWith(fake).create({
      group: "g",
      name: "one",
      options: JSON_OPTIONS,
      holder: alice,
    });
    instance.subscribe(["orders"]);
    await expect(instance.assign([{ topic: "orders", partition: 1 }])).rejects.toMatchObject({
      errorCode: V2_CODES.illegalState,
      message: expect.stringContaining("mutually exclusive"),
    });
    expect(fake.state.assigned).toEqual([]);
    await instance.unsubscribe();
    await instance.assign([{ topic: "orders", partition: 1 }]);
    expect(() => instance.subscribe(["orders"])).toThrow(/mutually exclusive/);
    expect(fake.state.subscribed).toEqual([]);
    expect(await instance.records(100, 1000)).toHaveLength(1);
  });
});
