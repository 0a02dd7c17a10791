// A search outlives a broker restart: it waits, says so, and resumes from the next offset not yet
// shown, so every record appears exactly once.
import type { Admin } from "@platformatic/kafka";
import { afterAll, beforeAll, expect, it } from "vitest";

import type { SearchEvent } from "@/lib/messages/events";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";
import { LOST_NOTICE, RESUMED_NOTICE } from "@/lib/server/kafka/messages/fetch-recovery";

import { mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";
import {
  openSearch,
  positionsOf,
  produce,
  range,
  summarize,
  closeTestProducer,
  testProducerFor,
} from "../support/message-search";

let broker: TestBroker;
let pool: ClusterPool;
const asConsole = <T>(operation: (admin: Admin) => Promise<T>) => withConsoleAdmin(pool, operation);
// About 15 MiB: five rounds of fetches at 1 MiB per partition, so most are read after the restart.
const COUNT = 15_000;

beforeAll(async () => {
  broker = await startTestBroker();
  const local = mtls(broker, "local", broker.console);
  pool = createClusterPool([local]);
  testProducerFor(pool, local);
  await asConsole((admin) => admin.createTopics({ topics: ["telemetry"], partitions: 3, replicas: 1 }));
  const value = Buffer.alloc(1024, "t");
  for (const chunk of range(COUNT / 300)) {
    await produce(
      pool,
      range(300).map((i) => ({
        topic: "telemetry",
        partition: (chunk * 300 + i) % 3,
        key: Buffer.from(String(chunk * 300 + i)),
        value,
      })),
    );
  }
});

afterAll(async () => {
  if (pool) await closeTestProducer(pool);
  await pool?.close();
  await broker?.dispose();
});

it(
  "resumes after the broker restarts mid-search, with no gap and no duplicate",
  { timeout: 180_000 },
  async () => {
    const { start, consumers } = await openSearch(pool, "telemetry", { start: "oldest", max: "100000" });
    if (!start.ok) throw new Error(start.problem.title);
    const events: SearchEvent[] = [];
    let restarting: Promise<void> | undefined;
    for await (const event of start.events) {
      events.push(event);
      if (event.type === "records" && !restarting) {
        // Down for sure before reading on; the restart (seconds of JVM start) runs while the search waits.
        await broker.stop();
        restarting = broker.restart();
      }
    }
    await restarting;
    const run = summarize(start, events, consumers);
    const seen = positionsOf(run.records);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(COUNT);
    expect(run.notices).toEqual([LOST_NOTICE, RESUMED_NOTICE]);
    expect(run.done).toMatchObject({ reason: "end", counters: { scanned: COUNT, matched: COUNT } });
    expect(consumers[0]?.consumer.closed).toBe(true);
  },
);

it("skips offsets that retention deletes under a running search, with a notice", async () => {
  await asConsole((admin) => admin.createTopics({ topics: ["retained"], partitions: 1, replicas: 1 }));
  const value = Buffer.alloc(1024, "r");
  for (const chunk of range(10)) {
    await produce(
      pool,
      range(300).map((i) => ({ topic: "retained", key: Buffer.from(String(chunk * 300 + i)), value })),
    );
  }
  const { start, consumers } = await openSearch(pool, "retained", { start: "oldest", max: "100000" });
  if (!start.ok) throw new Error(start.problem.title);
  const events: SearchEvent[] = [];
  let deleted = false;
  for await (const event of start.events) {
    events.push(event);
    if (event.type === "records" && !deleted) {
      deleted = true;
      // What retention does: the log now starts at 2500, past where the search is.
      await asConsole((admin) =>
        admin.deleteRecords({
          topics: [{ name: "retained", partitions: [{ partition: 0, offset: 2500n }] }],
        }),
      );
    }
  }
  const run = summarize(start, events, consumers);
  const offsets = run.records.map((record) => Number(record.offset));
  const skippedFrom = offsets.findIndex((offset, index) => index > 0 && offset !== offsets[index - 1]! + 1);
  expect(offsets.slice(0, skippedFrom)).toEqual(range(skippedFrom));
  expect(offsets.slice(skippedFrom)).toEqual(range(500).map((i) => 2500 + i));
  expect(run.notices).toEqual([
    `Partition 0: offsets ${skippedFrom}–2499 were deleted while searching (retention); continued at 2500`,
  ]);
  expect(run.done).toMatchObject({ reason: "end", partitions: [{ position: "3000", end: "3000" }] });
});
