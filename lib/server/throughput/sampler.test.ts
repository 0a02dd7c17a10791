// The throughput sampler's bookkeeping with a real store and counters answered by hand (the Kafka read
// is proven against a real broker in test/integration/throughput.test.ts): the first round primes,
// the next stores the growth per topic and cluster; a process that lost the lease primes again.
import { describe, expect, it } from "vitest";

import type { ClusterCounters, ClusterResult } from "@/lib/server/kafka";
import { CLUSTER_TOTAL } from "@/lib/server/store/throughput-types";
import { tempStores } from "@/test/fixtures/sqlite-stores";

import { createThroughputSampler, type ThroughputSamplerOptions } from "./sampler";

const temp = tempStores();
const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);

function counters(atMs: number, highWatermark: number): ClusterResult<ClusterCounters> {
  const partitions = new Map([
    [0, { highWatermark: BigInt(highWatermark), bytes: BigInt(highWatermark * 50) }],
  ]);
  return {
    ok: true,
    data: {
      snapshot: { atMs, topics: new Map([["orders", { topicId: "id", partitions }]]) },
      unread: 0,
      brokersWithoutSizes: [],
    },
  };
}

function sampler(options: Pick<ThroughputSamplerOptions, "store" | "owner">, offsets: () => number) {
  let clock = T0;
  const lines: string[] = [];
  const created = createThroughputSampler({
    clusters: () => ["local"],
    readCounters: async () => counters(clock, offsets()),
    intervalMs: 30_000,
    retentionSeconds: 7 * 86_400,
    now: () => clock,
    log: (line) => lines.push(line),
    ...options,
  });
  return { sampler: created, lines, advance: (ms: number) => (clock += ms) };
}

describe("throughput sampler", () => {
  it("primes on its first round, then stores what each interval produced", async () => {
    const { store } = temp.open();
    let offset = 100;
    const a = sampler({ store, owner: "a" }, () => offset);
    expect(await a.sampler.runRound()).toMatchObject({
      sampled: true,
      intervals: 0,
      rowsWritten: 0,
      topics: 1,
    });
    a.advance(30_000);
    offset = 160;
    expect(await a.sampler.runRound()).toMatchObject({ sampled: true, intervals: 1, rowsWritten: 6 });
    const [point] = await store.throughput.series("local", "orders", 0, 0);
    expect(point).toMatchObject({ ms: 30_000, messages: 60, bytes: 3000, peakMessagesPerSecond: 2 });
    expect(await store.throughput.series("local", CLUSTER_TOTAL, 0, 0)).toHaveLength(1);
  });

  it("waits while another process holds the lease, and primes again after taking it over", async () => {
    const { store, path } = temp.open();
    const { store: otherStore } = temp.open(path);
    let offset = 0;
    const a = sampler({ store, owner: "a" }, () => offset);
    const b = sampler({ store: otherStore, owner: "b" }, () => offset);
    await a.sampler.runRound();
    expect((await b.sampler.runRound()).sampled).toBe(false);
    expect(b.lines).toEqual(["Throughput: a samples topics' high watermarks; this process (b) waits."]);
    await a.sampler.stop();
    b.advance(30_000);
    offset = 30;
    // b never saw counters before: it primes instead of counting a's interval.
    expect(await b.sampler.runRound()).toMatchObject({ sampled: true, intervals: 0 });
    b.advance(30_000);
    offset = 90;
    expect(await b.sampler.runRound()).toMatchObject({ intervals: 1 });
    expect((await store.throughput.series("local", "orders", 0, 0)).map((point) => point.messages)).toEqual([
      60,
    ]);
  });

  it("logs a cluster that cannot be read once, and when it recovers", async () => {
    const { store } = temp.open();
    let fail = true;
    const lines: string[] = [];
    const created = createThroughputSampler({
      store,
      owner: "a",
      clusters: () => ["local"],
      readCounters: async () =>
        fail
          ? {
              ok: false,
              problem: { kind: "unreachable", title: "Cannot reach the cluster", detail: "" } as never,
            }
          : counters(T0, 1),
      intervalMs: 30_000,
      retentionSeconds: 86_400,
      now: () => T0,
      log: (line) => lines.push(line),
    });
    expect((await created.runRound()).failedClusters).toEqual(["local"]);
    await created.runRound();
    fail = false;
    await created.runRound();
    expect(lines.slice(1)).toEqual([
      "Throughput: cluster local cannot be sampled: Cannot reach the cluster",
      "Throughput: cluster local is sampled again.",
    ]);
  });
});
