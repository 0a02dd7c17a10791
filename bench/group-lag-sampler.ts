// The lag history's sampler (issue 13) on a real broker with 1,000 groups (made by committing offsets,
// no live members; 2 topics × 12 partitions each, plus one group over 1,000 partitions): one round's
// wall time, CPU time in this process (the console's side; the broker is another process) as a share
// of one core at the default 30 s interval, Kafka requests, rows written; then the store's size in
// steady state at the default retention (7 days), per group-day, and one prune of that store.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { lagHistoryTiers } from "../lib/lag-history/tiers";
import { createLagSampler, type LagSampler, type RoundResult } from "../lib/server/lag-history/sampler";
import { openStore } from "../lib/server/store";
import type { LagSampleInput } from "../lib/server/store/types";
import { writeConsoleConfig } from "../scripts/cluster/console-config";
import { brokerLayout } from "../scripts/cluster/layout";
import { startTestBroker } from "../test/support/broker";
import { attempt, printTable, type FigureRow } from "./support/figures-table";
import { createGroupFixture } from "./support/group-fixtures";
import { describeRequests, traceKafkaRequests } from "./support/kafka-requests";
import { median } from "./support/stats";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CLUSTER = "bench";
const INTERVAL_S = 30;
const RETENTION_S = 7 * 86_400;
const ROUND_GOAL_MS = 2_000;
const CPU_GOAL = 0.05;
const SIZE_GOAL_MB = 100;

export async function benchGroupLagSampler(): Promise<void> {
  const rows: FigureRow[] = [];
  const broker = await startTestBroker({ heap: "1g" });
  const dir = mkdtempSync(join(tmpdir(), "bench-lag-sampler-"));
  let close = async () => {};
  let lastSamples: LagSampleInput[] = [];
  try {
    const began = performance.now();
    const fixture = await createGroupFixture(broker, GROUPS);
    console.log(
      `created ${GROUPS} groups (2 topics × 12 partitions each) and one over ${fixture.widePartitions} partitions in ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );
    process.env.CONSOLE_CONFIG = writeConsoleConfig(brokerLayout(broker.dir), broker.ports, CLUSTER);
    // Not lib/server/kafka's index: that one also loads the auth module (and next/navigation).
    const [{ readClusterLag, RecordTimestamps }, { closeCurrentPool }] = await Promise.all([
      import("@/lib/server/kafka/group-lag-snapshot"),
      import("@/lib/server/kafka/global-pool"),
    ]);
    close = closeCurrentPool;
    const store = openStore(join(dir, "rounds.db"));
    for (const timeLag of [false, true]) {
      const what = timeLag ? "lag and time lag" : "lag only";
      const stamps = timeLag ? new RecordTimestamps() : undefined;
      // Its own owner each: the first gives the lease up when stopped.
      const sampler = createLagSampler({
        store,
        clusters: () => [CLUSTER],
        readLag: async (cluster) => {
          const answer = await readClusterLag(cluster, { timeLag: stamps });
          if (answer.ok) lastSamples = answer.data.groups.map((group) => ({ cluster, ...group }));
          return answer;
        },
        owner: `bench-${what}`,
        intervalMs: INTERVAL_S * 1000,
        retentionSeconds: RETENTION_S,
        log: (line) => console.log(line),
      });
      const label = timeLag ? `${what}, records being read` : what;
      await attempt(rows, `one round, ${GROUPS + 1} groups, ${label}`, `< ${ROUND_GOAL_MS} ms`, () =>
        measureRounds(sampler, label, rows),
      );
      if (timeLag) {
        // Until every lagging partition's next record is known: then a round fetches only moved offsets.
        const began = performance.now();
        let rounds = 0;
        for (let fetches = Infinity; fetches > 0 && rounds < 40; rounds++) {
          const trace = traceKafkaRequests();
          await sampler.runRound();
          fetches = trace.stop().find((entry) => entry.api === "Fetch")?.count ?? 0;
        }
        console.log(
          `every record known after ${rounds} more rounds (${((performance.now() - began) / 1000).toFixed(1)} s)`,
        );
        const known = `${what}, every record known`;
        await attempt(rows, `one round, ${GROUPS + 1} groups, ${known}`, `< ${ROUND_GOAL_MS} ms`, () =>
          measureRounds(sampler, known, rows),
        );
      }
      await sampler.stop();
    }
    await store.close();

    await attempt(
      rows,
      "store per group-day, steady state at 7 days",
      `< ${SIZE_GOAL_MB} MB for ${GROUPS} groups`,
      () => steadyStateSize(join(dir, "steady.db"), lastSamples),
    );
  } finally {
    await close();
    await broker.dispose();
    rmSync(dir, { recursive: true, force: true });
    printTable(
      `lag history sampler: ${GROUPS} groups + 1 wide, single-broker Kafka (test harness), median of ${RUNS} rounds after a warm-up; goals from issue 13`,
      rows,
    );
  }
}

/** One warm-up round, then RUNS rounds: wall time, CPU time in this process, requests, rows. */
async function measureRounds(sampler: LagSampler, what: string, rows: FigureRow[]) {
  await sampler.runRound(); // warm-up: connections, metadata
  const times: number[] = [];
  const cpu: number[] = [];
  let result: RoundResult | undefined;
  let requests = "";
  for (let run = 0; run < RUNS; run++) {
    const trace = traceKafkaRequests();
    const cpuBefore = process.cpuUsage();
    result = await sampler.runRound();
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
    times.push(result.durationMs);
    requests = describeRequests(trace.stop());
  }
  if (!result?.sampled || result.groups < GROUPS) throw new Error(`round sampled ${result?.groups} groups`);
  const share = median(cpu) / (INTERVAL_S * 1000);
  console.log(
    `round (${what}): median ${median(times).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (${(share * 100).toFixed(2)}% of a core at ${INTERVAL_S} s), ${result.groups} groups sampled, ${result.rowsWritten} rows written, failures: ${result.failedClusters.length}; requests of the last round: ${requests}`,
  );
  rows.push({
    figure: `CPU per round / ${INTERVAL_S} s interval, ${what}`,
    measured: `${(share * 100).toFixed(2)}% (${median(cpu).toFixed(0)} ms)`,
    target: `< ${CPU_GOAL * 100}% of one core`,
    met: share < CPU_GOAL,
  });
  return {
    measured: `${median(times).toFixed(0)} ms (${result.rowsWritten} rows)`,
    met: median(times) < ROUND_GOAL_MS,
  };
}

/**
 * The rows a 7-day retention holds at any time, written directly: every sample of the last 3 h (at
 * 30 s), 5-minute buckets for 26 h and hourly ones for 7 days, each with a real round's samples. Then
 * one prune of it all, timed.
 */
async function steadyStateSize(path: string, samples: LagSampleInput[]) {
  if (samples.length === 0) throw new Error("no round's samples to write");
  const store = openStore(path);
  const tiers = lagHistoryTiers(RETENTION_S);
  const now = Math.floor(Date.now() / 1000);
  const began = performance.now();
  for (const tier of tiers) {
    const step = tier.resolutionSeconds || INTERVAL_S;
    await store.transaction(async (tx) => {
      for (let at = now - tier.keepSeconds + step; at <= now; at += step)
        await tx.lagHistory.record(at, samples, [tier]);
    });
  }
  const written = performance.now() - began;
  const pruneStart = performance.now();
  const pruned = await store.lagHistory.prune(now + 60, tiers);
  const pruneMs = performance.now() - pruneStart;
  await store.close(); // checkpoints the WAL into the file
  const bytes = statSync(path).size;
  const perGroupDay = bytes / samples.length / 7;
  const totalMb = bytes / 1024 / 1024;
  const partitions = samples.reduce((sum, sample) => sum + sample.partitions.length, 0) / samples.length;
  console.log(
    `steady state: ${samples.length} groups (${partitions.toFixed(1)} partitions each on average), ${totalMb.toFixed(1)} MB, written in ${(written / 1000).toFixed(1)} s; one prune (${pruned} rows past their tier) ${pruneMs.toFixed(0)} ms`,
  );
  return {
    measured: `${(perGroupDay / 1024).toFixed(1)} KiB (${totalMb.toFixed(1)} MB total)`,
    met: totalMb < SIZE_GOAL_MB,
  };
}
