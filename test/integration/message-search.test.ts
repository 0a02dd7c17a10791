// Message search against a real Kafka 4.3: the offset arithmetic of every start position, empty
// partitions, the maximum, tailing, Stop, refusals before streaming, and loading a full record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Admin } from "@platformatic/kafka";

import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";
import { readFullRecord } from "@/lib/server/kafka/messages/full-record";
import { NEWEST_FILTERED_NOTICE } from "@/lib/server/kafka/messages/search";

import { mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";
import {
  openSearch,
  positionsOf,
  produce,
  range,
  search,
  summarize,
  textOf,
  closeTestProducer,
  testProducerFor,
} from "../support/message-search";

let broker: TestBroker;
let pool: ClusterPool;
const asConsole = <T>(operation: (admin: Admin) => Promise<T>) => withConsoleAdmin(pool, operation);

/** orders: partition 0 holds 10 messages, 1 holds 3, 2 none; timestamps one second apart from T0. */
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

beforeAll(async () => {
  broker = await startTestBroker();
  const local = mtls(broker, "local", broker.console);
  pool = createClusterPool([local]);
  testProducerFor(pool, local);
  await asConsole((admin) =>
    admin.createTopics({ topics: ["orders", "trimmed", "big", "tailed"], partitions: 3, replicas: 1 }),
  );
  await produce(pool, [
    ...range(10).map((i) => ({
      topic: "orders",
      partition: 0,
      key: Buffer.from(`k${i}`),
      value: Buffer.from(`p0-${i}`),
      timestamp: BigInt(T0 + i * 1000),
    })),
    ...range(3).map((i) => ({
      topic: "orders",
      partition: 1,
      value: Buffer.from(`p1-${i}`),
      timestamp: BigInt(T0 + i * 1000),
    })),
  ]);
  // trimmed: partition 0 starts at 4 after DeleteRecords.
  await produce(
    pool,
    range(8).map((i) => ({ topic: "trimmed", partition: 0, value: Buffer.from(`t${i}`) })),
  );
  await asConsole((admin) =>
    admin.deleteRecords({ topics: [{ name: "trimmed", partitions: [{ partition: 0, offset: 4n }] }] }),
  );
});

afterAll(async () => {
  if (pool) await closeTestProducer(pool);
  await pool?.close();
  await broker?.dispose();
});

describe("start positions", () => {
  it("newest N balances across partitions, a small one handing its share to the others", async () => {
    const run = await search(pool, "orders", { start: "newest", max: "8" });
    expect(positionsOf(run.records)).toEqual([
      ...["0:5", "0:6", "0:7", "0:8", "0:9"],
      ...["1:0", "1:1", "1:2"],
    ]);
    expect(run.done).toMatchObject({ reason: "max", counters: { matched: 8, scanned: 8 } });
    const plan = run.events[0];
    expect(plan).toMatchObject({
      type: "plan",
      tail: false,
      partitions: [
        { partition: 0, low: "0", high: "10", start: "5", end: "10" },
        { partition: 1, low: "0", high: "3", start: "0", end: "3" },
        { partition: 2, low: "0", high: "0", start: "0", end: "0" },
      ],
    });
  });

  it("oldest reads everything up to the end captured at the start", async () => {
    const run = await search(pool, "orders", { start: "oldest", max: "100" });
    expect(positionsOf(run.records)).toHaveLength(13);
    expect(run.events.find((event) => event.type === "progress")).toMatchObject({
      counters: { scanned: 13, matched: 13, bytes: expect.any(Number) },
      partitions: [{ partition: 0, position: "10", end: "10" }, { partition: 1 }, { partition: 2 }],
    });
    expect(run.done).toMatchObject({
      reason: "end",
      counters: { scanned: 13, matched: 13 },
      partitions: [
        { partition: 0, position: "10", end: "10" },
        { partition: 1, position: "3", end: "3" },
        { partition: 2, position: "0", end: "0" },
      ],
      filterErrors: 0,
    });
    const first = run.records.find((record) => record.partition === 0 && record.offset === "0");
    expect(first).toEqual({
      partition: 0,
      offset: "0",
      timestamp: T0,
      timestampType: "create",
      key: { size: 2, text: "k0" },
      value: { size: 4, text: "p0-0" },
      headers: [],
      size: 6,
      compression: "none",
    });
  });

  it("stops at the maximum", async () => {
    const run = await search(pool, "orders", { start: "oldest", max: "4", partition: "0" });
    expect(positionsOf(run.records)).toEqual(["0:0", "0:1", "0:2", "0:3"]);
    expect(run.done?.reason).toBe("max");
  });

  it("from an offset, clamped past the end with a notice naming the partition", async () => {
    const run = await search(pool, "orders", { start: "offset", offset: "7" });
    expect(positionsOf(run.records)).toEqual(["0:7", "0:8", "0:9"]);
    expect(run.notices).toEqual([
      "Offset 7 is past the end; nothing to read in partition 1 at 3, partition 2 at 0",
    ]);
  });

  it("from an offset below the first one kept, clamped up with a notice", async () => {
    const run = await search(pool, "trimmed", { start: "offset", offset: "1", partition: "0" });
    expect(positionsOf(run.records)).toEqual(["0:4", "0:5", "0:6", "0:7"]);
    expect(run.notices).toEqual(["Offset 1 is before the first offset still kept; started partition 0 at 4"]);
  });

  it("one partition only", async () => {
    const run = await search(pool, "orders", { start: "oldest", partition: "1" });
    expect(textOf(run.records)).toEqual(["p1-0", "p1-1", "p1-2"]);
    expect(run.events[0]).toMatchObject({ partitions: [{ partition: 1 }] });
  });

  it("from a timestamp: each partition at its first message at or after it", async () => {
    const run = await search(pool, "orders", { start: "timestamp", timestamp: String(T0 + 6_500) });
    expect(positionsOf(run.records)).toEqual(["0:7", "0:8", "0:9"]);
    expect(run.notices).toEqual([
      `No message at or after ${new Date(T0 + 6_500).toISOString()} in partition 1`,
    ]);
  });

  it("from a timestamp later than every message: nothing, and one notice", async () => {
    const later = T0 + 3_600_000;
    const run = await search(pool, "orders", {
      start: "timestamp",
      timestamp: new Date(later).toISOString(),
    });
    expect(run.records).toEqual([]);
    expect(run.notices).toEqual([
      `No message at or after ${new Date(later).toISOString()} in partitions 0, 1`,
    ]);
    expect(run.done?.reason).toBe("end");
  });

  it("an empty topic ends at once", async () => {
    const run = await search(pool, "tailed", { start: "oldest" });
    expect(run.events.map((event) => event.type)).toEqual(["plan", "done"]);
    expect(run.consumers[0]?.consumer.closed).toBe(true);
  });
});

describe("refusals before the first event", () => {
  it("an unknown topic is a 404", async () => {
    const run = await search(pool, "no-such-topic", { start: "oldest" });
    expect(run.start).toMatchObject({
      ok: false,
      status: 404,
      problem: { title: "Topic no-such-topic does not exist", code: "UNKNOWN_TOPIC_OR_PARTITION" },
    });
    expect(run.consumers[0]?.consumer.closed).toBe(true);
  });

  it("a partition the topic does not have is a 400", async () => {
    const run = await search(pool, "orders", { start: "oldest", partition: "3" });
    expect(run.start).toMatchObject({
      ok: false,
      status: 400,
      problem: { title: "Topic orders has no partition 3", code: "UNKNOWN_PARTITION" },
    });
  });
});

describe("tail and Stop", () => {
  it("tails from the end: shows what is produced afterwards, stops on abort and closes the consumer", async () => {
    const stop = new AbortController();
    const { start, consumers } = await openSearch(pool, "tailed", { start: "tail" }, { signal: stop.signal });
    if (!start.ok) throw new Error(start.problem.title);
    const events = [];
    const producedAt = Date.now();
    let seenAt = 0;
    setTimeout(
      () => void produce(pool, [{ topic: "tailed", partition: 1, value: Buffer.from("live") }]),
      300,
    );
    for await (const event of start.events) {
      events.push(event);
      if (event.type === "records") {
        seenAt = Date.now();
        stop.abort();
      }
    }
    const run = summarize(start, events, consumers);
    expect(textOf(run.records)).toEqual(["live"]);
    expect(seenAt - producedAt).toBeLessThan(2_000);
    expect(run.events[0]).toMatchObject({
      type: "plan",
      tail: true,
      partitions: [{ end: null }, { end: null }, { end: null }],
    });
    expect(run.done?.reason).toBe("stopped");
    expect(Date.now() - seenAt).toBeLessThan(1_000);
    expect(consumers[0]?.consumer.closed).toBe(true);
  });

  it("Stop during a long search ends it within a second", async () => {
    const value = Buffer.alloc(2048, "x");
    for (const chunk of range(10)) {
      await produce(
        pool,
        range(200).map((i) => ({ topic: "big", partition: (chunk * 200 + i) % 3, value })),
      );
    }
    const stop = new AbortController();
    const { start, consumers } = await openSearch(
      pool,
      "big",
      { start: "oldest", max: "100000" },
      { signal: stop.signal },
    );
    if (!start.ok) throw new Error(start.problem.title);
    let stoppedAt = 0;
    let last;
    for await (const event of start.events) {
      last = event;
      if (event.type === "records" && !stoppedAt) {
        stoppedAt = Date.now();
        stop.abort();
      }
      // A slow reader: the search must not run ahead of it.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(last).toMatchObject({ type: "done", reason: "stopped" });
    expect((last as { counters: { scanned: number } }).counters.scanned).toBeLessThan(2000);
    expect(Date.now() - stoppedAt).toBeLessThan(1_000);
    expect(consumers[0]?.consumer.closed).toBe(true);
  });

  it("closes the consumer when the reader leaves early (generator.return)", async () => {
    const { start, consumers } = await openSearch(pool, "big", { start: "oldest", max: "100000" });
    if (!start.ok) throw new Error(start.problem.title);
    for await (const event of start.events) if (event.type === "records") break;
    expect(consumers[0]?.consumer.closed).toBe(true);
  });
});

describe("filters, end to end", () => {
  beforeAll(async () => {
    await asConsole((admin) => admin.createTopics({ topics: ["devices"], partitions: 2, replicas: 1 }));
    await produce(
      pool,
      range(200).map((i) => ({
        topic: "devices",
        partition: i % 2,
        value: Buffer.from(JSON.stringify({ n: i, temp: i % 40 })),
        headers: new Map([[Buffer.from("device"), Buffer.from(`d${i}`)]]),
      })),
    );
  });

  it("a header filter finds the single matching message, having scanned them all", async () => {
    const run = await search(pool, "devices", { start: "oldest", header: "device", headerValue: "d137" });
    expect(run.records.map((record) => record.value?.text)).toEqual(['{"n":137,"temp":17}']);
    expect(run.done).toMatchObject({ reason: "end", counters: { scanned: 200, matched: 1 } });
  });

  it("with newest N, filters only the newest N and says so", async () => {
    const run = await search(pool, "devices", { start: "newest", max: "10", header: "device" });
    expect(run.records).toHaveLength(10);
    expect(run.notices).toEqual([NEWEST_FILTERED_NOTICE]);
  });

  it("a JavaScript filter over the parsed value", async () => {
    const run = await search(pool, "devices", { start: "oldest", js: "value.temp > 37", max: "1000" });
    expect(run.records).toHaveLength(10);
  });

  it("reports each record a JavaScript filter throws on, and counts them all", async () => {
    const run = await search(pool, "devices", { start: "oldest", js: "value.missing.deep === 1" });
    const failures = run.events.filter((event) => event.type === "filter-error");
    expect(failures).toHaveLength(100);
    expect(failures[0]).toMatchObject({ failure: { kind: "exception", partition: expect.any(Number) } });
    expect(run.done).toMatchObject({ reason: "end", filterErrors: 200, counters: { matched: 0 } });
  });

  it("refuses invalid filter syntax before reading", async () => {
    const run = await search(pool, "devices", { start: "oldest", value: "(", valueMode: "regex" });
    expect(run.start).toMatchObject({ ok: false, status: 400, syntax: { field: "value" } });
    expect(run.consumers).toEqual([]);
  });
});

describe("previews and full records", () => {
  it("cuts payloads at the preview size, and loads the full record on demand", async () => {
    const value = Buffer.from("ü".repeat(3000)); // 6000 bytes of two-byte characters
    await produce(pool, [{ topic: "trimmed", partition: 2, value }]);
    const run = await search(pool, "trimmed", { start: "oldest", partition: "2" }, { previewBytes: 1025 });
    expect(run.records[0]?.value).toEqual({ size: 6000, text: "ü".repeat(512), truncated: true });

    const full = await readFullRecord(() => pool.openFetchConsumer("local"), "trimmed", 2, 0n);
    expect(full.ok && full.data?.value).toEqual({ size: 6000, text: "ü".repeat(3000) });
    const missing = await readFullRecord(() => pool.openFetchConsumer("local"), "trimmed", 2, 1n);
    expect(missing).toEqual({ ok: true, data: null });
    const noTopic = await readFullRecord(() => pool.openFetchConsumer("local"), "nope", 0, 0n);
    expect(noTopic).toEqual({ ok: true, data: null });
  });
});
