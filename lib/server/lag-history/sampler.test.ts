// The sampler's bookkeeping with a real store and clusters answered by hand (the Kafka reads are
// proven against a real broker in test/integration/group-lag-history.test.ts): one process samples
// while it holds the lease, another takes over once it lapses; overlapping ticks are skipped and
// counted; a cluster's failure is logged when it starts and when it ends.
import { describe, expect, it, vi } from "vitest";

import type { ClusterLagSnapshot, ClusterResult } from "@/lib/server/kafka";
import { tempStores } from "@/test/fixtures/sqlite-stores";

import { createLagSampler, SAMPLER_LEASE, type LagSamplerOptions } from "./sampler";

const temp = tempStores();
const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);

const snapshot = (lag: bigint): ClusterResult<ClusterLagSnapshot> => ({
  ok: true,
  data: {
    listed: 1,
    groups: [
      {
        groupId: "readers",
        totalLag: lag,
        timeLagMs: 1500,
        partitions: [{ topic: "orders", partition: 0, lag }],
      },
    ],
  },
});

function sampler(options: Partial<LagSamplerOptions> & Pick<LagSamplerOptions, "store" | "owner">) {
  const lines: string[] = [];
  let clock = T0;
  const created = createLagSampler({
    clusters: () => ["local"],
    readLag: async () => snapshot(4n),
    intervalMs: 30_000,
    retentionSeconds: 7 * 86_400,
    now: () => clock,
    log: (line) => lines.push(line),
    ...options,
  });
  return { sampler: created, lines, advance: (ms: number) => (clock += ms) };
}

describe("lag sampler", () => {
  it("samples in one process at a time; the other takes over when the lease lapses", async () => {
    const { store, path } = temp.open();
    const { store: otherStore } = temp.open(path);
    const a = sampler({ store, owner: "a" });
    const b = sampler({ store: otherStore, owner: "b", readLag: async () => snapshot(9n) });

    expect((await a.sampler.runRound()).sampled).toBe(true);
    expect(await b.sampler.runRound()).toMatchObject({ sampled: false, rowsWritten: 0 });
    expect(b.lines).toEqual(["Lag history: a samples consumer groups' lag; this process (b) waits."]);
    expect((await store.lagHistory.series("local", "readers", 0, 0)).map((point) => point.lagLast)).toEqual([
      4n,
    ]);

    // a stops renewing (a process that died); 90 s later (3 intervals) b takes over.
    b.advance(89_999);
    expect((await b.sampler.runRound()).sampled).toBe(false);
    b.advance(1);
    expect(await b.sampler.runRound()).toMatchObject({ sampled: true, groups: 1, rowsWritten: 3 });
    expect((await store.leases.holder(SAMPLER_LEASE))?.owner).toBe("b");
    a.advance(90_000);
    expect((await a.sampler.runRound()).sampled).toBe(false);
    expect((await store.lagHistory.series("local", "readers", 0, 0)).map((point) => point.lagLast)).toEqual([
      4n,
      9n,
    ]);
  });

  it("gives the lease up when stopped, so another process samples at once", async () => {
    const { store } = temp.open();
    const a = sampler({ store, owner: "a" });
    const b = sampler({ store, owner: "b" });
    await a.sampler.runRound();
    await a.sampler.stop();
    expect((await b.sampler.runRound()).sampled).toBe(true);
  });

  it("writes nothing when the lease is lost while the clusters are read", async () => {
    const { store } = temp.open();
    const slow = sampler({
      store,
      owner: "a",
      readLag: async () => {
        // Another process whose clock says a's lease lapsed takes it meanwhile.
        await store.leases.acquire(SAMPLER_LEASE, "b", T0 + 1_090_000, 90_000);
        return snapshot(4n);
      },
    });
    slow.advance(1_000_000);
    expect((await slow.sampler.runRound()).sampled).toBe(false);
    expect(await store.lagHistory.series("local", "readers", 0, 0)).toEqual([]);
  });

  it("skips and counts a tick that comes while a round still runs", async () => {
    const { store } = temp.open();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { sampler: slow, lines } = sampler({
      store,
      owner: "a",
      intervalMs: 5_000,
      readLag: async () => {
        await gate;
        return snapshot(4n);
      },
    });
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      slow.start(); // the first round starts at once and waits for the gate
      vi.advanceTimersByTime(10_000); // two ticks while it runs
      expect(slow.stats()).toMatchObject({ rounds: 0, skippedRounds: 2 });
      release();
      await vi.waitFor(() => expect(slow.stats().rounds).toBe(1));
      await slow.stop();
    } finally {
      vi.useRealTimers();
    }
    expect(slow.stats()).toMatchObject({ rounds: 1, skippedRounds: 2, holdsLease: false });
    expect(lines.filter((line) => line.includes("skipped"))).toEqual([
      expect.stringMatching(
        /^Lag history: a round took \d+\.\d s, longer than the interval \(5 s\); 2 ticks skipped so far\.$/,
      ),
    ]);
    expect(await store.leases.holder(SAMPLER_LEASE)).toBeUndefined();
  });

  it("logs a cluster's failure once when it starts and once when it ends", async () => {
    const { store } = temp.open();
    const answers: ClusterResult<ClusterLagSnapshot>[] = [
      { ok: false, problem: { kind: "unreachable", title: "No broker answered", hint: "" } },
      { ok: false, problem: { kind: "unreachable", title: "No broker answered", hint: "" } },
      snapshot(1n),
      snapshot(2n),
    ];
    const { sampler: flaky, lines } = sampler({
      store,
      owner: "a",
      readLag: async () => answers.shift()!,
    });
    for (let round = 0; round < 4; round++) await flaky.runRound();
    expect(lines).toEqual([
      "Lag history: this process (a) samples consumer groups' lag.",
      "Lag history: cluster local cannot be sampled: No broker answered",
      "Lag history: cluster local is sampled again.",
    ]);
  });
});
