// The throughput sampler (issue 18) on a real broker with 10,000 topics (1 partition each), BUSY of
// them produced into between rounds: one round's wall time and CPU time in this process (the
// console's side) as a share of one core at the default 30 s interval, the Kafka requests it sends,
// rows written per round and per day; then the store's size in steady state at the default 7-day
// retention, written directly from a real round's samples, and one prune of it.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { lagHistoryTiers } from "../lib/lag-history/tiers";
import { defaultTimeouts } from "../lib/server/kafka/client-options";
import { createClusterPool } from "../lib/server/kafka/cluster-pool";
import { openStore } from "../lib/server/store";
import { CLUSTER_TOTAL, type ThroughputSampleInput } from "../lib/server/store/throughput-types";
import { createThroughputSampler, type ThroughputRoundResult } from "../lib/server/throughput/sampler";
import { writeConsoleConfig } from "../scripts/cluster/console-config";
import { brokerLayout } from "../scripts/cluster/layout";
import { startTestBroker } from "../test/support/broker";
import { attempt, printTable, type FigureRow } from "./support/figures-table";
import { describeRequests, traceKafkaRequests } from "./support/kafka-requests";
import { median } from "./support/stats";

const TOPICS = Number(process.env.BENCH_TOPICS ?? 10_000);
const BUSY = Number(process.env.BENCH_BUSY ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BATCH = 500;
const CLUSTER = "bench";
const INTERVAL_S = 30;
const RETENTION_S = 7 * 86_400;
const ROUND_GOAL_MS = 2_000;
const CPU_GOAL = 0.05;
const SIZE_GOAL_MB = 100;

const topicOf = (index: number) => `bench-topic-${String(index).padStart(5, "0")}`;

export async function benchThroughputSampler(): Promise<void> {
  const rows: FigureRow[] = [];
  const broker = await startTestBroker({ heap: "1g" });
  const setup = createClusterPool(
    [{ name: CLUSTER, bootstrapBrokers: [broker.sslBootstrap], tls: { ca: broker.ca, ...broker.console } }],
    { deadlineMs: 120_000, timeouts: { ...defaultTimeouts, connectMs: 5_000, requestMs: 60_000 } },
  );
  const dir = mkdtempSync(join(tmpdir(), "bench-throughput-"));
  let close = async () => {};
  try {
    const began = performance.now();
    for (let first = 0; first < TOPICS; first += BATCH) {
      const names = Array.from({ length: Math.min(BATCH, TOPICS - first) }, (_, i) => topicOf(first + i));
      const created = await setup.withAdmin(CLUSTER, (admin) =>
        admin.createTopics({ topics: names, partitions: 1, replicas: 1 }),
      );
      if (!created.ok) throw new Error(`creating topics failed: ${created.problem.title}`);
    }
    for (let seen = 0; seen < TOPICS;) {
      const status = await setup.status(CLUSTER);
      seen = status.ok ? status.overview.topicCount : 0;
      if (seen < TOPICS) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    console.log(
      `created ${TOPICS} topics (1 partition each) in ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );
    /** One 100-byte record into each busy topic: every round then has BUSY topics that grew. */
    const produce = async () => {
      const produced = await setup.withProducer(CLUSTER, (producer) =>
        producer.send({
          messages: Array.from({ length: BUSY }, (_, index) => ({
            topic: topicOf(index),
            value: Buffer.alloc(100, 120),
          })),
        }),
      );
      if (!produced.ok) throw new Error(`producing failed: ${produced.problem.title}`);
    };
    /** New topics' leaders take a while to be known everywhere: retry the first sends. */
    const produceEventually = async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await produce();
        } catch (error) {
          if (attempt >= 30) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
    };

    process.env.CONSOLE_CONFIG = writeConsoleConfig(brokerLayout(broker.dir), broker.ports, CLUSTER);
    // Not lib/server/kafka's index: that one also loads the auth module (and next/navigation).
    const [{ readClusterCounters }, { closeCurrentPool }] = await Promise.all([
      import("@/lib/server/kafka/topic-counters"),
      import("@/lib/server/kafka/global-pool"),
    ]);
    close = closeCurrentPool;
    await produceEventually();
    for (let waited = 0; ; waited++) {
      const read = await readClusterCounters(CLUSTER);
      if (read.ok && read.data.unread === 0 && read.data.snapshot.topics.size >= TOPICS) break;
      if (waited >= 120)
        throw new Error("the topics' partitions did not all answer ListOffsets within 2 minutes");
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const store = openStore(join(dir, "rounds.db"));
    let lastSamples: ThroughputSampleInput[] = [];
    const sampler = createThroughputSampler({
      store,
      clusters: () => [CLUSTER],
      readCounters: (cluster) => readClusterCounters(cluster),
      owner: "bench",
      intervalMs: INTERVAL_S * 1000,
      retentionSeconds: RETENTION_S,
      log: (line) => console.log(line),
    });

    await attempt(
      rows,
      `one round, ${TOPICS} topics, ${BUSY} of them busy`,
      `< ${ROUND_GOAL_MS} ms`,
      async () => {
        await sampler.runRound(); // primes: connections, metadata, the first counters
        const times: number[] = [];
        const cpu: number[] = [];
        let result: ThroughputRoundResult | undefined;
        let requests = "";
        for (let run = 0; run < RUNS; run++) {
          await produce();
          const trace = traceKafkaRequests();
          const cpuBefore = process.cpuUsage();
          result = await sampler.runRound();
          const used = process.cpuUsage(cpuBefore);
          cpu.push((used.user + used.system) / 1000);
          times.push(result.durationMs);
          requests = describeRequests(trace.stop());
        }
        if (!result?.sampled || result.topics < TOPICS)
          throw new Error(`round read ${result?.topics} topics`);
        const at = Math.floor(Date.now() / 1000);
        // One round's rows as the store gets them: each busy topic's record and its bytes, and the total.
        const busy = (await store.throughput.topTopics(CLUSTER, at - 3600, BUSY)).map((point) => ({
          cluster: CLUSTER,
          topic: point.topic,
          ms: INTERVAL_S * 1000,
          messages: 1,
          bytes: Math.round(point.bytes / RUNS),
        }));
        const total = { messages: busy.length, bytes: busy.reduce((sum, point) => sum + point.bytes, 0) };
        lastSamples = [{ cluster: CLUSTER, topic: CLUSTER_TOTAL, ms: INTERVAL_S * 1000, ...total }, ...busy];
        const share = median(cpu) / (INTERVAL_S * 1000);
        const perDay = (result.rowsWritten * 86_400) / INTERVAL_S;
        console.log(
          `round: median ${median(times).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (${(share * 100).toFixed(2)}% of a core at ${INTERVAL_S} s), ${result.topics} topics read, ${result.rowsWritten} rows written (${perDay.toLocaleString("en")} a day at ${INTERVAL_S} s), failures: ${result.failedClusters.length}; requests of the last round: ${requests}`,
        );
        rows.push({
          figure: `CPU per round / ${INTERVAL_S} s interval`,
          measured: `${(share * 100).toFixed(2)}% (${median(cpu).toFixed(0)} ms)`,
          target: `< ${CPU_GOAL * 100}% of one core`,
          met: share < CPU_GOAL,
        });
        rows.push({
          figure: `rows written per day (${BUSY} busy topics, 3 tiers)`,
          measured: `${perDay.toLocaleString("en")} (${result.rowsWritten} a round)`,
          target: "(1 + busy topics) × 3 a round; idle topics none",
          met: result.rowsWritten === (1 + BUSY) * 3,
        });
        return { measured: `${median(times).toFixed(0)} ms`, met: median(times) < ROUND_GOAL_MS };
      },
    );
    await sampler.stop();
    await store.close();

    await attempt(rows, `store at 7 days, ${BUSY} topics busy every round`, `< ${SIZE_GOAL_MB} MB`, () =>
      steadyStateSize(join(dir, "steady.db"), lastSamples),
    );
  } finally {
    await close();
    await setup.close().catch(() => {});
    await broker.dispose();
    rmSync(dir, { recursive: true, force: true });
    printTable(
      `throughput sampler: ${TOPICS} topics, ${BUSY} busy, single-broker Kafka (test harness, 1 GB heap), median of ${RUNS} rounds after a priming round; goals stated in bench/throughput-sampler.ts`,
      rows,
    );
  }
}

/**
 * The rows a 7-day retention holds at any time when the same topics are busy every round, written
 * directly: every sample of the last 2 h (at 30 s), 5-minute buckets for 26 h, hourly ones for 7 days.
 */
async function steadyStateSize(path: string, samples: ThroughputSampleInput[]) {
  if (samples.length <= 1) throw new Error("no round's samples to write");
  const store = openStore(path);
  const tiers = lagHistoryTiers(RETENTION_S);
  const now = Math.floor(Date.now() / 1000);
  const began = performance.now();
  for (const tier of tiers) {
    const step = tier.resolutionSeconds || INTERVAL_S;
    await store.transaction(async (tx) => {
      for (let at = now - tier.keepSeconds + step; at <= now; at += step)
        await tx.throughput.record(at, samples, [tier]);
    });
  }
  const written = performance.now() - began;
  const pruneStart = performance.now();
  const pruned = await store.throughput.prune(now + 60, tiers);
  const pruneMs = performance.now() - pruneStart;
  await store.close();
  const bytes = statSync(path).size;
  const totalMb = bytes / 1024 / 1024;
  const perTopicDay = bytes / (samples.length - 1) / 7;
  console.log(
    `steady state: ${samples.length - 1} busy topics, ${totalMb.toFixed(1)} MB (${(perTopicDay / 1024).toFixed(1)} KiB per busy topic-day; an idle topic: 0), written in ${(written / 1000).toFixed(1)} s; one prune (${pruned} rows past their tier) ${pruneMs.toFixed(0)} ms`,
  );
  return {
    measured: `${totalMb.toFixed(1)} MB (${(perTopicDay / 1024).toFixed(1)} KiB per busy topic-day)`,
    met: totalMb < SIZE_GOAL_MB,
  };
}
