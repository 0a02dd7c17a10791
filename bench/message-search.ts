// The message search on 1,000,000 JSON messages of ~1 KiB (local cluster), with kcat as the reference
// for raw consume speed. The engine, an HTTP server like the route and its clients share this process.
import { loadEngine, type Engine } from "./support/engine";
import { attempt, printTable, type FigureRow } from "./support/figures-table";
import { kcatConsume } from "./support/kcat-reference";
import { ensureLocalCluster, type LocalCluster } from "./support/local-cluster";
import { firstRecordsMs, scan } from "./support/measure-engine";
import { slowStream, tailLatency } from "./support/measure-stream";
import { describeMemory } from "./support/rss-sampler";
import { spawnSearchServer, type SearchServer } from "./support/search-server-client";
import { fmt, median, quantile, rate } from "./support/stats";
import {
  BENCH_TOPIC,
  ensureTailTopic,
  ensureTelemetryTopic,
  MESSAGES,
  NEEDLE_DEVICE,
  PARTITIONS,
  TAIL_TOPIC,
} from "./support/telemetry-topic";

const NEEDLES = MESSAGES / 1_000;
const FULL_SCAN = { start: "oldest", max: "100000" } as const;
const NEEDLE_HEADER = { header: "device_id", headerValue: NEEDLE_DEVICE };
const MEMORY_TARGET = "< 400 MB";

export async function benchMessageSearch(): Promise<void> {
  const cluster = await ensureLocalCluster();
  await ensureTelemetryTopic(cluster);
  const kcatRate = await kcatReference(cluster);
  const rows: FigureRow[] = [
    { figure: "kcat -C -e -o beginning", measured: `${fmt(kcatRate)} msg/s`, target: "reference", met: null },
  ];
  try {
    await measureStreaming(cluster, rows);
    const engine = await loadEngine(cluster.configPath);
    try {
      await measureEngine(cluster.clusterName, engine, kcatRate, rows);
    } finally {
      await engine.close();
    }
  } finally {
    printTable(
      "message search: 1,000,000 × ~1 KiB JSON, 6 partitions, uncompressed, local cluster; targets from issue 6",
      rows,
    );
  }
}

async function kcatReference(cluster: LocalCluster): Promise<number> {
  // A counting run first: proves kcat reads every message (and warms the page cache).
  const check = await kcatConsume(cluster, BENCH_TOPIC, true);
  if (check.messages !== MESSAGES) throw new Error(`kcat read ${check.messages} messages, not ${MESSAGES}`);
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) runs.push((await kcatConsume(cluster, BENCH_TOPIC)).seconds);
  const kcatRate = rate(MESSAGES, median(runs));
  const seconds = runs.map((s) => `${s.toFixed(2)} s`).join(", ");
  console.log(`kcat: ${fmt(kcatRate)} msg/s, median of ${seconds} (values to /dev/null)`);
  return kcatRate;
}

/**
 * (c) resident memory with a slow client, (d) live-tail latency: through HTTP, to a search server in a
 * process of its own, a fresh one for each memory figure (RSS never shrinks back).
 */
async function measureStreaming(cluster: LocalCluster, rows: FigureRow[]) {
  await attempt(rows, "(c) RSS, 100,000 results, slow client", MEMORY_TARGET, () =>
    withServer(cluster, async (server) => {
      const slow = await slowStream(server, BENCH_TOPIC, FULL_SCAN, 20_000);
      const lead = slow.engineLead
        ? `; at ~10 s the engine had produced ${fmt(slow.engineLead.engine)} records, the client read ${fmt(slow.engineLead.client)}`
        : "";
      console.log(
        `(c) 100,000 results (slow 20 s, then fast): ${fmt(slow.records)} records in ${slow.seconds.toFixed(1)} s; ${describeMemory(slow.memory)}${lead}`,
      );
      return memoryFigure(slow.memory.peakMB, slow.records === 100_000);
    }),
  );
  await attempt(rows, "(c) RSS, 1,000,000 scanned, slow client", MEMORY_TARGET, () =>
    withServer(cluster, async (server) => {
      const filtered = await slowStream(server, BENCH_TOPIC, { ...FULL_SCAN, ...NEEDLE_HEADER });
      console.log(
        `(c) 1,000,000 scanned (header filter, slow client): ${fmt(filtered.records)} records, ${fmt(filtered.scanned)} scanned in ${filtered.seconds.toFixed(1)} s; ${describeMemory(filtered.memory)}`,
      );
      const complete = filtered.records === NEEDLES && filtered.scanned === MESSAGES;
      return memoryFigure(filtered.memory.peakMB, complete);
    }),
  );
  await attempt(rows, "(d) live tail, produce → client (median/p95)", "median < 500 ms", () =>
    withServer(cluster, async (server) => {
      await ensureTailTopic(cluster);
      const producer = cluster.producer("bench-tail");
      try {
        const tail = await tailLatency(server, producer, TAIL_TOPIC, PARTITIONS);
        const [middle, p95] = [median(tail.latenciesMs), quantile(tail.latenciesMs, 0.95)];
        const stopped = tail.stopMs === null ? "not seen" : `${tail.stopMs.toFixed(0)} ms`;
        console.log(
          `(d) live tail: ${tail.latenciesMs.length}/${tail.sent} arrived, median ${middle.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${Math.max(...tail.latenciesMs).toFixed(0)} ms; client closed → search ended: ${stopped}`,
        );
        const complete = tail.latenciesMs.length === tail.sent;
        const missing = complete ? "" : ` (${tail.latenciesMs.length}/${tail.sent} arrived)`;
        return {
          measured: `${middle.toFixed(0)} / ${p95.toFixed(0)} ms${missing}`,
          met: complete && middle < 500,
        };
      } finally {
        await producer.close();
      }
    }),
  );
}

async function withServer<T>(
  cluster: LocalCluster,
  measure: (server: SearchServer) => Promise<T>,
): Promise<T> {
  const server = await spawnSearchServer(cluster);
  try {
    return await measure(server);
  } finally {
    await server.close();
  }
}

function memoryFigure(peakMB: number, complete: boolean) {
  return {
    measured: `peak ${peakMB.toFixed(0)} MB${complete ? "" : " (INCOMPLETE stream)"}`,
    met: complete && peakMB < 400,
  };
}

/** (a) time to the first records, (b) full-scan rates: the engine in process, no HTTP. */
async function measureEngine(cluster: string, engine: Engine, kcatRate: number, rows: FigureRow[]) {
  const { searchMessages } = engine;
  await attempt(rows, "(a) first result, newest 50 (median)", "< 200 ms", async () => {
    const [cold = NaN, ...warm] = await firstRecordsMs(searchMessages, cluster, BENCH_TOPIC, 11);
    const firstMs = median(warm);
    console.log(
      `(a) newest-50, first records: median ${firstMs.toFixed(0)} ms, p90 ${quantile(warm, 0.9).toFixed(0)} ms over ${warm.length} runs after a first (cold) one of ${cold.toFixed(0)} ms`,
    );
    return { measured: `${firstMs.toFixed(0)} ms`, met: firstMs < 200 };
  });

  const scans: [string, Record<string, string>, number][] = [
    ["(b) structured scan, JSON path", { jsonPath: `$.device_id == "${NEEDLE_DEVICE}"` }, 0.5],
    ["(b) structured scan, header", NEEDLE_HEADER, 0.5],
    ["(b) JavaScript scan", { js: `value.device_id === "${NEEDLE_DEVICE}"` }, 0.25],
  ];
  for (const [figure, filter, ratio] of scans) {
    await attempt(rows, figure, `≥ ${ratio * 100}% of kcat`, async () => {
      const result = await scan(searchMessages, cluster, BENCH_TOPIC, { ...FULL_SCAN, ...filter });
      const scanRate = rate(result.scanned, result.seconds);
      const percent = ((100 * scanRate) / kcatRate).toFixed(0);
      console.log(
        `${figure}: ${fmt(result.scanned)} scanned, ${fmt(result.matched)} matched in ${result.seconds.toFixed(1)} s (${result.reason}) = ${fmt(scanRate)} msg/s, ${percent}% of kcat; ${describeMemory(result.memory)}`,
      );
      const exact = result.matched === NEEDLES && result.scanned === MESSAGES;
      const wrong = exact ? "" : ` (WRONG: ${fmt(result.matched)} matched, ${fmt(result.scanned)} scanned)`;
      return {
        measured: `${fmt(scanRate)} msg/s = ${percent}% of kcat${wrong}`,
        met: exact && scanRate >= ratio * kcatRate,
      };
    });
  }
}
