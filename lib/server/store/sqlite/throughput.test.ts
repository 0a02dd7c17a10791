// The throughput history against a real SQLite file: buckets add their intervals up and keep the
// largest rate, a topic's series is 0 where it did not grow, pruning follows each tier.
import { describe, expect, it } from "vitest";

import { lagHistoryTiers } from "@/lib/lag-history/tiers";
import { tempStores } from "@/test/fixtures/sqlite-stores";

import { CLUSTER_TOTAL, type ThroughputSampleInput } from "../throughput-types";

const temp = tempStores();
const tiers = lagHistoryTiers(7 * 86_400);
/** On an hour. */
const T0 = 1_700_000_000 - (1_700_000_000 % 3600);

const sample = (topic: string, messages: number, ms = 30_000): ThroughputSampleInput => ({
  cluster: "local",
  topic,
  ms,
  messages,
  bytes: messages * 100,
});

describe("throughput history", () => {
  it("keeps every interval, and buckets that add them up with the largest rate", async () => {
    const { store } = temp.open();
    for (const [index, messages] of [30, 90, 60].entries())
      await store.throughput.record(
        T0 + (index + 1) * 30,
        [sample(CLUSTER_TOTAL, messages), sample("orders", messages)],
        tiers,
      );
    const raw = await store.throughput.series("local", CLUSTER_TOTAL, 0, T0);
    expect(raw.map((point) => point.messages)).toEqual([30, 90, 60]);
    expect(raw[1]).toMatchObject({ ms: 30_000, bytes: 9000, peakMessagesPerSecond: 3 });
    const [bucket] = await store.throughput.series("local", "orders", 300, T0);
    expect(bucket).toEqual({
      at: T0,
      ms: 90_000,
      messages: 180,
      bytes: 18_000,
      peakMessagesPerSecond: 3,
      peakBytesPerSecond: 300,
    });
  });

  it("gives a topic every sampled time, 0 where it did not grow", async () => {
    const { store } = temp.open();
    await store.throughput.record(T0 + 30, [sample(CLUSTER_TOTAL, 10), sample("orders", 10)], tiers);
    await store.throughput.record(T0 + 60, [sample(CLUSTER_TOTAL, 0)], tiers);
    await store.throughput.record(T0 + 90, [sample(CLUSTER_TOTAL, 5), sample("logs", 5)], tiers);
    expect((await store.throughput.series("local", "orders", 0, T0)).map((point) => point.messages)).toEqual([
      10, 0, 0,
    ]);
    expect((await store.throughput.series("local", "absent", 0, T0)).map((point) => point.messages)).toEqual([
      0, 0, 0,
    ]);
    expect(await store.throughput.series("other", "orders", 0, T0)).toEqual([]);
    expect(await store.throughput.topTopics("local", T0, 5)).toEqual([
      { topic: "orders", messages: 10, bytes: 1000 },
      { topic: "logs", messages: 5, bytes: 500 },
    ]);
    expect(await store.throughput.topTopics("local", T0 + 61, 5)).toEqual([
      { topic: "logs", messages: 5, bytes: 500 },
    ]);
  });

  it("prunes each tier after its time and forgets series without rows", async () => {
    const { store } = temp.open();
    await store.throughput.record(T0, [sample(CLUSTER_TOTAL, 1), sample("gone", 1)], tiers);
    await store.throughput.record(T0 + 3 * 3600, [sample(CLUSTER_TOTAL, 1)], tiers);
    await store.throughput.prune(T0 + 3 * 3600, tiers);
    expect((await store.throughput.series("local", CLUSTER_TOTAL, 0, 0)).map((point) => point.at)).toEqual([
      T0 + 3 * 3600,
    ]);
    expect(await store.throughput.series("local", CLUSTER_TOTAL, 300, 0)).toHaveLength(2);
    await store.throughput.prune(T0 + 8 * 86_400, tiers);
    expect(await store.throughput.series("local", CLUSTER_TOTAL, 3600, 0)).toEqual([]);
    expect(await store.throughput.topTopics("local", 0, 5)).toEqual([]);
  });
});
