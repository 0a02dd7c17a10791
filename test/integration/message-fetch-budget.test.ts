// A search under a fetch budget (messages.fetchBytes) far below its partitions' data and its batches:
// the partitions take turns, the first requests are small, and still every record arrives, in order,
// once, the ones larger than the whole budget included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SearchEvent } from "@/lib/messages/events";
import { messageQuerySchema } from "@/lib/schemas/messages";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";
import { startSearch } from "@/lib/server/kafka/messages/search";

import { mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";
import {
  closeTestProducer,
  positionsOf,
  produce,
  range,
  summarize,
  testProducerFor,
} from "../support/message-search";

const TOPIC = "fetch-budget";
const PARTITIONS = 3;
const BUDGET = 64 * 1024;

let broker: TestBroker;
let pool: ClusterPool;

beforeAll(async () => {
  broker = await startTestBroker();
  const local = mtls(broker, "local", broker.console);
  pool = createClusterPool([local]);
  testProducerFor(pool, local);
  await withConsoleAdmin(pool, (admin) =>
    admin.createTopics({ topics: [TOPIC], partitions: PARTITIONS, replicas: 1 }),
  );
  // Batches of ten 20 KiB records (200 KiB, three times the budget), then one 150 KiB record.
  for (const partition of range(PARTITIONS)) {
    for (const batch of range(4)) {
      const values = range(10).map((i) => `${partition}/${batch * 10 + i}:${"x".repeat(20 * 1024)}`);
      await produce(
        pool,
        values.map((value) => ({ topic: TOPIC, partition, value: Buffer.from(value) })),
      );
    }
    await produce(pool, [
      { topic: TOPIC, partition, value: Buffer.from(`${partition}/40:${"y".repeat(150 * 1024)}`) },
    ]);
  }
});

afterAll(async () => {
  if (pool) await closeTestProducer(pool);
  await pool?.close();
  await broker?.dispose();
});

async function searchWithBudget(input: Record<string, string>) {
  const consumers: Parameters<typeof summarize>[2] = [];
  const open = () => {
    const opened = pool.openFetchConsumer("local");
    if (opened.ok) consumers.push(opened.data);
    return opened;
  };
  const start = await startSearch(open, TOPIC, messageQuerySchema.parse(input), {
    signal: new AbortController().signal,
    previewBytes: 1024 * 1024,
    fetchBytes: BUDGET,
  });
  const events: SearchEvent[] = [];
  if (start.ok) for await (const event of start.events) events.push(event);
  return summarize(start, events, consumers);
}

describe("fetch budget", () => {
  it("reads every record of every partition once, in order, batches and records larger than the budget included", async () => {
    const run = await searchWithBudget({ start: "oldest", max: "1000" });
    const expected = range(PARTITIONS).flatMap((partition) =>
      range(41).map((offset) => `${partition}:${offset}`),
    );
    expect(positionsOf(run.records)).toEqual(expected);
    for (const record of run.records)
      expect(record.value?.text?.startsWith(`${record.partition}/${record.offset}:`)).toBe(true);
    expect(run.done).toMatchObject({ reason: "end", counters: { scanned: 123, matched: 123 } });
  });

  it("a filtered scan sees every record too", async () => {
    const run = await searchWithBudget({ start: "oldest", max: "1000", value: "yyyy" });
    expect(positionsOf(run.records)).toEqual(range(PARTITIONS).map((partition) => `${partition}:40`));
    expect(run.done).toMatchObject({ reason: "end", counters: { scanned: 123, matched: 3 } });
  });
});
