// Hostile JavaScript filters against a real Kafka 4.3 (issue 11): the sandbox's memory limit holds
// where the memory lives (typed arrays grow QuickJS's WebAssembly heap outside its own accounting),
// the memory comes back, and a CPU-heavy filter does not hold up the thread that serves requests.
import { monitorEventLoopDelay } from "node:perf_hooks";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import { mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";
import { closeTestProducer, produce, range, search, testProducerFor } from "../support/message-search";

let broker: TestBroker;
let pool: ClusterPool;
const MESSAGES = 30;
const HEAVY_MESSAGES = 60;

beforeAll(async () => {
  broker = await startTestBroker();
  const local = mtls(broker, "local", broker.console);
  pool = createClusterPool([local]);
  testProducerFor(pool, local);
  await withConsoleAdmin(pool, (admin) =>
    admin.createTopics({ topics: ["probed", "heavy"], partitions: 2, replicas: 1 }),
  );
  await produce(pool, [
    ...range(MESSAGES).map((i) => ({
      topic: "probed",
      partition: i % 2,
      value: Buffer.from(JSON.stringify({ n: i })),
    })),
    // One partition: a fetch brings them all, one batch for the filter.
    ...range(HEAVY_MESSAGES).map((i) => ({
      topic: "heavy",
      partition: 0,
      value: Buffer.from(JSON.stringify({ n: i })),
    })),
  ]);
});

afterAll(async () => {
  if (pool) await closeTestProducer(pool);
  await pool?.close();
  await broker?.dispose();
});

const rssMiB = () => process.memoryUsage().rss / 1024 / 1024;

// The probe from the issue: 16 MiB of typed array kept per message.
const ALLOCATING = "((globalThis.acc=globalThis.acc||[]).push(new Uint8Array(1<<24).fill(7)),false)";
// About 300,000 interpreter steps per message: legal (under the time limit), and heavy.
const CPU_HEAVY =
  "(() => { let s = 0; for (let i = 0; i < 300000; i++) s += i; return value.n % 10 === 0; })()";

describe("JavaScript filters that attack the server", () => {
  it("ends each of 3 concurrent allocating searches with out of memory naming a message, and gives the memory back", async () => {
    // Warm: the filter workers started and the consumer code loaded, so the baseline is the steady state.
    const warm = await search(pool, "probed", { start: "newest", max: "120", js: "value.n >= 0" });
    expect(warm.records).toHaveLength(MESSAGES);
    const before = rssMiB();

    const runs = await Promise.all(
      range(3).map(() => search(pool, "probed", { start: "newest", max: "120", js: ALLOCATING })),
    );
    for (const run of runs) {
      expect(run.done).toMatchObject({ reason: "filter-failed" });
      const failures = run.events.flatMap((event) => (event.type === "filter-error" ? [event.failure] : []));
      expect(failures).toEqual([
        {
          partition: expect.any(Number),
          offset: expect.stringMatching(/^\d+$/),
          kind: "memory",
          message: expect.stringMatching(/out of memory/),
        },
      ]);
    }

    // The sandboxes' memory lives in their workers; those are replaced, and the memory goes back.
    let after = rssMiB();
    for (let waited = 0; waited < 10_000 && after > before * 1.1; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = rssMiB();
    }
    expect(after, `RSS ${before.toFixed(0)} MiB before, ${after.toFixed(0)} MiB after`).toBeLessThanOrEqual(
      before * 1.1,
    );

    // And the next search runs as usual.
    const next = await search(pool, "probed", { start: "oldest", js: "value.n < 3" });
    expect(next.records).toHaveLength(3);
  });

  it("runs CPU-heavy filters off the thread that serves requests", async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const runs = await Promise.all(
      range(3).map(() => search(pool, "heavy", { start: "oldest", js: CPU_HEAVY })),
    );
    delay.disable();
    for (const run of runs) {
      expect(run.done).toMatchObject({
        reason: "end",
        counters: { scanned: HEAVY_MESSAGES, matched: HEAVY_MESSAGES / 10 },
      });
    }
    // A behaviour, not a speed figure: on the serving thread a batch of these holds it for seconds.
    expect(delay.max / 1e6, "longest event-loop delay, ms").toBeLessThan(1_000);
  });
});
