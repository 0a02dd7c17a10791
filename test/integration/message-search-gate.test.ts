// The record gate against a real Kafka: batches without the text a filter requires are counted, not
// read. Whatever is skipped, a search must report exactly what reading every record reports: the same
// matches, the same scanned count and bytes, in the same order when it stops at the maximum.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";
import type { MessageQueryInput } from "@/lib/schemas/messages";

import { mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";
import {
  closeTestProducer,
  positionsOf,
  produce,
  range,
  search,
  testProducerFor,
} from "../support/message-search";

let broker: TestBroker;
let pool: ClusterPool;

const NEEDLE = "needle-7";
/** Per topic: 6 batches of 50; batch 2 holds the needle at index 13, batch 4 at index 40 (in a header
 * too), batch 5 spells it with a JSON escape only, so its bytes do not hold it. */
const BATCHES = 6;
const PER_BATCH = 50;

function reading(batch: number, index: number): string {
  if (batch === 5 && index === 20) return '{"device":"needle\\u002d7","n":520}';
  const device = (batch === 2 && index === 13) || (batch === 4 && index === 40) ? NEEDLE : `dev-${index % 9}`;
  return JSON.stringify({ device, n: batch * 100 + index });
}

beforeAll(async () => {
  broker = await startTestBroker();
  const local = mtls(broker, "local", broker.console);
  pool = createClusterPool([local]);
  testProducerFor(pool, local);
  await withConsoleAdmin(pool, (admin) =>
    admin.createTopics({ topics: ["gated-plain", "gated-zstd"], partitions: 1, replicas: 1 }),
  );
  for (const [topic, compression] of [
    ["gated-plain", "none"],
    ["gated-zstd", "zstd"],
  ] as const) {
    for (const batch of range(BATCHES)) {
      const messages = range(PER_BATCH).map((index) => ({
        topic,
        partition: 0,
        key: Buffer.from(`k${index}`),
        value: Buffer.from(reading(batch, index)),
        headers: new Map([
          [Buffer.from("device"), Buffer.from(batch === 4 && index === 40 ? NEEDLE : "other")],
        ]),
      }));
      await produce(pool, messages, { compression });
    }
  }
});

afterAll(async () => {
  if (pool) await closeTestProducer(pool);
  await pool?.close();
  await broker?.dispose();
});

/** The same search with a filter no gate can read (a computed string): every record is read. */
const UNGATED_JS = `value.device === ["needle", "7"].join("-")`;

describe.each(["gated-plain", "gated-zstd"])("%s", (topic) => {
  const all = BATCHES * PER_BATCH;
  const run = (query: MessageQueryInput) => search(pool, topic, { start: "oldest", max: "1000", ...query });

  it("finds the needles, the escaped one included, and counts every record and byte", async () => {
    const everything = await run({});
    const bytes = everything.done?.counters.bytes;
    expect(everything.done?.counters).toMatchObject({ scanned: all, matched: all });

    const reference = await run({ js: UNGATED_JS });
    expect(positionsOf(reference.records)).toEqual(["0:113", "0:240", "0:270"]);
    expect(reference.done?.counters).toMatchObject({ scanned: all, matched: 3, bytes });

    for (const query of [{ js: `value.device === "${NEEDLE}"` }, { jsonPath: `$.device == "${NEEDLE}"` }]) {
      const gated = await run(query);
      expect(positionsOf(gated.records), JSON.stringify(query)).toEqual(["0:113", "0:240", "0:270"]);
      expect(gated.done?.counters).toMatchObject({ scanned: all, matched: 3, bytes });
    }
  });

  it("counts skipped records in their place when the maximum stops the search", async () => {
    const gated = await run({ jsonPath: `$.device == "${NEEDLE}"`, max: "1" });
    const reference = await run({ js: UNGATED_JS, max: "1" });
    expect(positionsOf(gated.records)).toEqual(["0:113"]);
    expect(gated.done?.counters.scanned).toBe(reference.done?.counters.scanned);
    expect(gated.done?.counters.bytes).toBe(reference.done?.counters.bytes);
    expect(gated.done?.reason).toBe("max");
  });

  it("starts and ends inside skipped batches", async () => {
    const from = await search(pool, topic, {
      start: "offset",
      partition: "0",
      offset: "75",
      max: "1000",
      header: "device",
      headerValue: NEEDLE,
    });
    expect(positionsOf(from.records)).toEqual(["0:240"]);
    expect(from.done?.counters).toMatchObject({ scanned: all - 75, matched: 1 });

    const value = await search(pool, topic, {
      start: "offset",
      partition: "0",
      offset: "241",
      value: NEEDLE,
    });
    expect(value.records).toEqual([]);
    expect(value.done?.counters).toMatchObject({ scanned: all - 241, matched: 0 });
  });
});
