// The lag and throughput histories and the leases: the same cases against SQLite and PostgreSQL.
import { describe, expect, it } from "vitest";

import { lagHistoryTiers } from "@/lib/lag-history/tiers";
import { CLUSTER_TOTAL } from "@/lib/server/store/throughput-types";
import type { LagSampleInput, ThroughputSampleInput } from "@/lib/server/store/types";
import { storeImplementations } from "@/test/support/store-implementations";

const tiers = lagHistoryTiers(7 * 86_400);
/** On an hour. */
const T0 = 1_700_000_000 - (1_700_000_000 % 3600);

const lagSample = (groupId: string, lag: number, timeLagMs: number | null = null): LagSampleInput => ({
  cluster: "local",
  groupId,
  totalLag: BigInt(lag),
  timeLagMs,
  partitions: [
    { topic: "orders", partition: 0, lag: BigInt(lag - 1) },
    { topic: "orders", partition: 1, lag: 1n },
  ],
});

const produced = (topic: string, messages: number, ms = 30_000): ThroughputSampleInput => ({
  cluster: "local",
  topic,
  ms,
  messages,
  bytes: messages * 100,
});

describe.each(storeImplementations())("$name store: lag history", ({ open }) => {
  it("writes every tier, keeps each bucket's largest and last value, and lags past 2^53", async () => {
    const { store } = await open();
    const lags = [5, 40, 7, 9];
    for (const [index, lag] of lags.entries())
      expect(
        await store.lagHistory.record(T0 + index * 30, [lagSample("readers", lag, lag * 100)], tiers),
      ).toBe(tiers.length);
    const raw = await store.lagHistory.series("local", "readers", 0, T0, { partitions: true });
    expect(raw.map((point) => [point.at, point.lagLast, point.lagMax])).toEqual(
      lags.map((lag, index) => [T0 + index * 30, BigInt(lag), BigInt(lag)]),
    );
    expect(raw[3]!.partitions).toEqual([
      { topic: "orders", partition: 0, lag: 8 },
      { topic: "orders", partition: 1, lag: 1 },
    ]);
    for (const resolution of [300, 3600])
      expect(await store.lagHistory.series("local", "readers", resolution, T0, { partitions: true })).toEqual(
        [{ at: T0, lagLast: 9n, lagMax: 40n, timeLagLastMs: 900, timeLagMaxMs: 4000, partitions: [] }],
      );
    await store.lagHistory.record(T0 + 600, [lagSample("readers", 3, 2500)], tiers);
    await store.lagHistory.record(T0 + 630, [lagSample("readers", 4, null)], tiers);
    expect((await store.lagHistory.series("local", "readers", 300, T0 + 600))[0]).toMatchObject({
      timeLagLastMs: null,
      timeLagMaxMs: 2500,
    });
    const huge = 2n ** 62n + 1n;
    await store.lagHistory.record(T0 + 900, [{ ...lagSample("huge", 1), totalLag: huge }], tiers);
    expect((await store.lagHistory.series("local", "huge", 0, T0))[0]!.lagLast).toBe(huge);
  });

  it("prunes each tier after its own time, then the groups with nothing left; pages of groups", async () => {
    const { store } = await open();
    await store.lagHistory.record(T0, [lagSample("a", 1), lagSample("b", 2), lagSample("gone", 3)], tiers);
    await store.lagHistory.record(T0 + 300, [lagSample("a", 4)], tiers);
    const recent = await store.lagHistory.recent("local", ["a", "b", "missing"], 300, T0);
    expect([...recent.keys()]).toEqual(["a", "b"]);
    expect(recent.get("a")!.map((point) => point.lagLast)).toEqual([1n, 4n]);
    expect((await store.lagHistory.recent("other", ["a"], 300, T0)).size).toBe(0);
    expect((await store.lagHistory.recent("local", [], 300, T0)).size).toBe(0);

    const late = T0 + 2 * 86_400;
    await store.lagHistory.record(late, [lagSample("a", 5)], tiers);
    // Raw samples keep 2 hours, 5-minute buckets 26 hours, hourly ones the retention (7 days).
    const deleted = await store.lagHistory.prune(late + 60, tiers);
    expect(deleted).toBe(4 + 4);
    expect((await store.lagHistory.series("local", "a", 0, 0)).map((point) => point.at)).toEqual([late]);
    expect((await store.lagHistory.series("local", "a", 3600, 0)).map((point) => point.at)).toEqual([
      T0,
      late,
    ]);
    expect((await store.lagHistory.recent("local", ["gone"], 3600, 0)).get("gone")).toHaveLength(1);
    await store.lagHistory.prune(T0 + 8 * 86_400, tiers);
    expect((await store.lagHistory.recent("local", ["gone", "a"], 3600, 0)).has("gone")).toBe(false);
  });
});

describe.each(storeImplementations())("$name store: throughput history", ({ open }) => {
  it("adds intervals up in buckets with the largest rate; a topic is 0 where it did not grow", async () => {
    const { store } = await open();
    for (const [index, messages] of [30, 90, 60].entries())
      await store.throughput.record(
        T0 + (index + 1) * 30,
        [produced(CLUSTER_TOTAL, messages), produced("orders", messages)],
        tiers,
      );
    await store.throughput.record(T0 + 120, [produced(CLUSTER_TOTAL, 5), produced("logs", 5)], tiers);
    const raw = await store.throughput.series("local", CLUSTER_TOTAL, 0, T0);
    expect(raw.map((point) => point.messages)).toEqual([30, 90, 60, 5]);
    expect(raw[1]).toEqual({
      at: T0 + 60,
      ms: 30_000,
      messages: 90,
      bytes: 9000,
      peakMessagesPerSecond: 3,
      peakBytesPerSecond: 300,
    });
    expect(await store.throughput.series("local", "orders", 300, T0)).toEqual([
      {
        at: T0,
        ms: 120_000,
        messages: 180,
        bytes: 18_000,
        peakMessagesPerSecond: 3,
        peakBytesPerSecond: 300,
      },
    ]);
    expect((await store.throughput.series("local", "logs", 0, T0)).map((point) => point.messages)).toEqual([
      0, 0, 0, 5,
    ]);
    expect((await store.throughput.series("local", "absent", 0, T0)).map((point) => point.messages)).toEqual([
      0, 0, 0, 0,
    ]);
    expect(await store.throughput.series("other", "orders", 0, T0)).toEqual([]);
    expect(await store.throughput.topTopics("local", T0, 5)).toEqual([
      { topic: "orders", messages: 180, bytes: 18_000 },
      { topic: "logs", messages: 5, bytes: 500 },
    ]);
    expect(await store.throughput.topTopics("local", T0, 1)).toHaveLength(1);
    expect(await store.throughput.prune(T0 + 8 * 86_400, tiers)).toBe(8 + 3 + 3);
    expect(await store.throughput.series("local", CLUSTER_TOTAL, 3600, 0)).toEqual([]);
  });
});

describe.each(storeImplementations())("$name store: leases", ({ open }) => {
  it("has one holder at a time across two stores on one database; released only by its holder", async () => {
    const { store, openAnother } = await open();
    const other = await openAnother();
    expect(await store.leases.acquire("sampler", "process-a", 1_000, 90_000)).toBe(true);
    expect(await other.leases.acquire("sampler", "process-b", 1_000, 90_000)).toBe(false);
    expect(await store.leases.acquire("sampler", "process-a", 60_000, 90_000)).toBe(true);
    expect(await other.leases.acquire("sampler", "process-b", 149_999, 90_000)).toBe(false);
    expect(await other.leases.holder("sampler")).toEqual({ owner: "process-a", expiresAt: 150_000 });
    expect(await other.leases.acquire("sampler", "process-b", 150_000, 90_000)).toBe(true);
    expect(await store.leases.acquire("sampler", "process-a", 150_001, 90_000)).toBe(false);
    await store.leases.release("sampler", "process-a");
    expect(await store.leases.holder("sampler")).toEqual({ owner: "process-b", expiresAt: 240_000 });
    await other.leases.release("sampler", "process-b");
    expect(await store.leases.holder("sampler")).toBeUndefined();
  });
});
