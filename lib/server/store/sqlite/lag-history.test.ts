// The lag history and the sampler's lease against a real SQLite file: downsampling keeps the largest
// and the last value of each bucket, pruning follows each tier, and a lease has one holder at a time.
import { describe, expect, it } from "vitest";

import { lagHistoryTiers } from "@/lib/lag-history/tiers";
import { tempStores } from "@/test/fixtures/sqlite-stores";

import type { LagSampleInput } from "../types";

const temp = tempStores();
const tiers = lagHistoryTiers(7 * 86_400);
/** 2023-11-14T22:00:00Z, on an hour. */
const T0 = 1_700_000_000 - (1_700_000_000 % 3600);

const sample = (groupId: string, lag: number, timeLagMs: number | null = null): LagSampleInput => ({
  cluster: "local",
  groupId,
  totalLag: BigInt(lag),
  timeLagMs,
  partitions: [
    { topic: "orders", partition: 0, lag: BigInt(lag - 1) },
    { topic: "orders", partition: 1, lag: 1n },
  ],
});

describe("lag history", () => {
  it("writes each sample into every tier and keeps each bucket's largest and last value", async () => {
    const { store } = temp.open();
    const lags = [5, 40, 7, 9];
    for (const [index, lag] of lags.entries())
      await store.lagHistory.record(T0 + index * 30, [sample("readers", lag, lag * 100)], tiers);
    const raw = await store.lagHistory.series("local", "readers", 0, T0, { partitions: true });
    expect(raw.map((point) => [point.at, point.lagLast, point.lagMax])).toEqual(
      lags.map((lag, index) => [T0 + index * 30, BigInt(lag), BigInt(lag)]),
    );
    expect(raw[3]!.partitions).toEqual([
      { topic: "orders", partition: 0, lag: 8 },
      { topic: "orders", partition: 1, lag: 1 },
    ]);
    for (const resolution of [300, 3600]) {
      expect(await store.lagHistory.series("local", "readers", resolution, T0, { partitions: true })).toEqual(
        [{ at: T0, lagLast: 9n, lagMax: 40n, timeLagLastMs: 900, timeLagMaxMs: 4000, partitions: [] }],
      );
    }
  });

  it("keeps a bucket's time lag when a later sample has none", async () => {
    const { store } = temp.open();
    await store.lagHistory.record(T0, [sample("readers", 3, 2500)], tiers);
    await store.lagHistory.record(T0 + 30, [sample("readers", 4, null)], tiers);
    const [bucket] = await store.lagHistory.series("local", "readers", 300, T0);
    expect(bucket).toMatchObject({ timeLagLastMs: null, timeLagMaxMs: 2500 });
  });

  it("keeps lags beyond 2^53 exact", async () => {
    const { store } = temp.open();
    const huge = 2n ** 62n + 1n;
    await store.lagHistory.record(T0, [{ ...sample("readers", 1), totalLag: huge }], tiers);
    expect((await store.lagHistory.series("local", "readers", 0, T0))[0]!.lagLast).toBe(huge);
  });

  it("prunes each tier after its own time, then the groups with nothing left", async () => {
    const { store } = temp.open();
    // A sample a minute for 8 days from T0, for one group; another group sampled only at T0. One
    // transaction around it all: a commit per round would spend the test's time on fsync.
    await store.transaction(async (tx) => {
      for (let at = T0; at < T0 + 8 * 86_400; at += 60) {
        const samples = [sample("steady", 2)];
        if (at === T0) samples.push(sample("gone", 1));
        await tx.lagHistory.record(at, samples, tiers);
      }
    });
    const now = T0 + 8 * 86_400;
    await store.lagHistory.prune(now, tiers);
    const count = async (resolution: number) =>
      (await store.lagHistory.series("local", "steady", resolution, 0)).length;
    expect(await count(0)).toBe((2 * 3600) / 60);
    expect(await count(300)).toBe((26 * 3600) / 300);
    expect(await count(3600)).toBe(7 * 24);
    expect((await store.lagHistory.recent("local", ["gone", "steady"], 0, 0)).has("gone")).toBe(false);
  });

  it("returns a page of groups' recent points in one call", async () => {
    const { store } = temp.open();
    await store.lagHistory.record(T0, [sample("a", 1), sample("b", 2), sample("c", 3)], tiers);
    await store.lagHistory.record(T0 + 300, [sample("a", 4)], tiers);
    const recent = await store.lagHistory.recent("local", ["a", "b", "missing"], 300, T0);
    expect([...recent.keys()]).toEqual(["a", "b"]);
    expect(recent.get("a")!.map((point) => point.lagLast)).toEqual([1n, 4n]);
    expect((await store.lagHistory.recent("other", ["a"], 300, T0)).size).toBe(0);
  });
});

describe("lease", () => {
  it("has one holder at a time; the other takes over once it expires, and the first then loses it", async () => {
    const { store, path } = temp.open();
    // Two processes: two connections to the same file.
    const { store: other } = temp.open(path);
    expect(await store.leases.acquire("sampler", "process-a", 1_000, 90_000)).toBe(true);
    expect(await other.leases.acquire("sampler", "process-b", 1_000, 90_000)).toBe(false);
    // Renewed by its holder, still refused to the other until it expires.
    expect(await store.leases.acquire("sampler", "process-a", 60_000, 90_000)).toBe(true);
    expect(await other.leases.acquire("sampler", "process-b", 149_999, 90_000)).toBe(false);
    expect(await other.leases.holder("sampler")).toEqual({ owner: "process-a", expiresAt: 150_000 });
    expect(await other.leases.acquire("sampler", "process-b", 150_000, 90_000)).toBe(true);
    expect(await store.leases.acquire("sampler", "process-a", 150_001, 90_000)).toBe(false);
    expect(await store.leases.holder("sampler")).toEqual({ owner: "process-b", expiresAt: 240_000 });
  });

  it("is free again once its holder releases it, and only its holder can release it", async () => {
    const { store } = temp.open();
    await store.leases.acquire("sampler", "process-a", 0, 90_000);
    await store.leases.release("sampler", "process-b");
    expect(await store.leases.acquire("sampler", "process-b", 1, 90_000)).toBe(false);
    await store.leases.release("sampler", "process-a");
    expect(await store.leases.holder("sampler")).toBeUndefined();
    expect(await store.leases.acquire("sampler", "process-b", 2, 90_000)).toBe(true);
  });
});
