// What hostile JavaScript filters do to everyone else (issue 11): a cheap status endpoint served by
// this thread is called every 20 ms from a worker thread while 30 searches with a CPU-heavy filter
// run (each as its own API token, past the per-token cap), then the RSS of this process before,
// during and after 3 searches with the issue's allocating probe. The engine runs in this process,
// against the local cluster (npm run cluster). Prints figures against the issue's goals.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Worker } from "node:worker_threads";

import type { SearchEvent } from "@/lib/messages/events";
import { parseMessageQuery } from "@/lib/schemas/messages";

import { loadEngine, type Engine } from "./support/engine";
import { ensureLocalCluster, type LocalCluster } from "./support/local-cluster";
import { fmt, median, quantile } from "./support/stats";

const TOPIC = "bench-hostile-filters";
const PARTITIONS = 3;
const MESSAGES = 120;
const HOSTILE_SEARCHES = 30;
/** Newest N per hostile search: 30 × 12 messages at ~40 ms each is ~15 s of filter work. */
const HOSTILE_MAX = "12";
const CPU_HEAVY = "(() => { for (let i = 0; i < 300000; i++); return false; })()";
const ALLOCATING = "((globalThis.acc=globalThis.acc||[]).push(new Uint8Array(1<<24).fill(7)),false)";

const PINGER = `
const { parentPort, workerData } = require("node:worker_threads");
let sampling = true;
const samples = [];
parentPort.on("message", () => { sampling = false; });
(async () => {
  while (sampling) {
    const began = performance.now();
    await fetch(workerData.url).then((response) => response.text());
    samples.push(performance.now() - began);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  parentPort.postMessage(samples);
})();
`;

async function ensureTopic(cluster: LocalCluster): Promise<void> {
  const admin = cluster.admin();
  try {
    if ((await admin.listTopics()).includes(TOPIC)) return;
    await admin.createTopics({ topics: [TOPIC], partitions: PARTITIONS, replicas: 1 });
  } finally {
    await admin.close();
  }
  const producer = cluster.producer("bench-hostile-filters");
  try {
    await producer.send({
      messages: Array.from({ length: MESSAGES }, (_, n) => ({
        topic: TOPIC,
        partition: n % PARTITIONS,
        value: Buffer.from(JSON.stringify({ n, temp: n % 40 })),
      })),
    });
  } finally {
    await producer.close();
  }
}

interface SearchSummary {
  reason: string;
  failures: string[];
  firstRecordsMs: number | null;
  ms: number;
}

async function runSearch(engine: Engine, cluster: string, holder: string, query: Record<string, string>) {
  const began = performance.now();
  const parsed = parseMessageQuery(new URLSearchParams(query));
  if (!parsed.success) throw new Error(parsed.error.message);
  const start = await engine.searchMessages(cluster, TOPIC, parsed.data, {
    signal: new AbortController().signal,
    holder: { kind: "token", actor: holder },
  });
  if (!start.ok) throw new Error(`search refused: ${JSON.stringify(start)}`);
  const summary: SearchSummary = { reason: "?", failures: [], firstRecordsMs: null, ms: 0 };
  for await (const event of start.events as AsyncGenerator<SearchEvent>) {
    if (event.type === "records" && summary.firstRecordsMs === null)
      summary.firstRecordsMs = performance.now() - began;
    if (event.type === "filter-error")
      summary.failures.push(`${event.failure.kind}: ${event.failure.message}`);
    if (event.type === "done") summary.reason = event.reason;
  }
  summary.ms = performance.now() - began;
  return summary;
}

async function whilePinged<T>(
  url: string,
  work: () => Promise<T>,
): Promise<{ outcome: T; answers: number[] }> {
  const pinger = new Worker(PINGER, { eval: true, workerData: { url } });
  const samples = new Promise<number[]>((resolve) => pinger.once("message", resolve));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const outcome = await work();
  pinger.postMessage("stop");
  // The first answer includes the connection's set-up.
  const answers = (await samples).slice(1);
  await pinger.terminate();
  return { outcome, answers };
}

const describeAnswers = (answers: number[]) =>
  `p50 ${median(answers).toFixed(1)} ms, p95 ${quantile(answers, 0.95).toFixed(1)} ms, max ${fmt(Math.max(...answers))} ms (n=${answers.length})`;
const rssMiB = () => process.memoryUsage().rss / 1024 / 1024;

export async function benchHostileFilters(): Promise<void> {
  const cluster = await ensureLocalCluster();
  await ensureTopic(cluster);
  const engine = await loadEngine(cluster.configPath);
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ status: "ok", uptime: process.uptime() }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status`;
  const name = cluster.clusterName;
  try {
    // Warm: consumer code loaded, filter workers started.
    await runSearch(engine, name, "bench-warm", { start: "newest", max: "10", js: "value.n >= 0" });
    // First records of the same search with a JSON path and with a JavaScript filter, 5 runs each.
    for (const [label, filter] of [
      ["JSON path", { jsonPath: "$.temp > 37" }],
      ["JavaScript", { js: "value.temp > 37" }],
    ] as const) {
      const runs: SearchSummary[] = [];
      for (let run = 0; run < 5; run++)
        runs.push(await runSearch(engine, name, "bench-first", { start: "oldest", max: "1000", ...filter }));
      const first = runs.map((run) => run.firstRecordsMs ?? Number.NaN);
      console.log(
        `${label}, idle: first records median ${fmt(median(first))} ms (${first.map(fmt).join(", ")})`,
      );
    }

    const idle = await whilePinged(url, () => new Promise((resolve) => setTimeout(resolve, 2_000)));
    console.log(`status, idle: ${describeAnswers(idle.answers)}`);

    const storm = await whilePinged(url, async () => {
      const began = performance.now();
      const hostile = Promise.all(
        Array.from({ length: HOSTILE_SEARCHES }, (_, n) =>
          runSearch(engine, name, `bench-hostile-${n}`, { start: "newest", max: HOSTILE_MAX, js: CPU_HEAVY }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      const benign = await runSearch(engine, name, "bench-benign", {
        start: "oldest",
        max: "1000",
        js: "value.temp > 37",
      });
      const searches = await hostile;
      return { searches, benign, ms: performance.now() - began };
    });
    const { searches, benign, ms } = storm.outcome;
    const reasons = new Map<string, number>();
    for (const search of searches) reasons.set(search.reason, (reasons.get(search.reason) ?? 0) + 1);
    console.log(
      `${HOSTILE_SEARCHES} searches, newest ${HOSTILE_MAX} each, filter ${CPU_HEAVY}: all done in ${fmt(ms)} ms; ends: ${[...reasons].map(([reason, count]) => `${count} ${reason}`).join(", ")}`,
    );
    console.log(`  status meanwhile: ${describeAnswers(storm.answers)}  (goal: p95 < 100 ms)`);
    console.log(
      `  a benign JavaScript search started meanwhile: first records ${fmt(benign.firstRecordsMs ?? Number.NaN)} ms, done in ${fmt(benign.ms)} ms`,
    );

    const before = rssMiB();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB())), 50);
    const probes = await Promise.all(
      Array.from({ length: 3 }, (_, n) =>
        runSearch(engine, name, `bench-probe-${n}`, { start: "newest", max: "120", js: ALLOCATING }),
      ),
    );
    const ended = rssMiB();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    clearInterval(sampler);
    const settled = rssMiB();
    console.log(`3 searches with the allocating probe (newest 120 of ${MESSAGES}):`);
    for (const probe of probes)
      console.log(`  ${probe.reason}: ${probe.failures.join("; ") || "no filter failure"}`);
    console.log(
      `  RSS: before ${fmt(before)} MiB, peak ${fmt(peak)} MiB, at the end ${fmt(ended)} MiB, 5 s later ${fmt(settled)} MiB (${(((settled - before) / before) * 100).toFixed(1)}%; goal: within 10%)`,
    );
  } finally {
    server.close();
    await engine.close();
  }
}
