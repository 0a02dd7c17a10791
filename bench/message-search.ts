// The message search on 1,000,000 JSON messages of ~1 KiB (local cluster), each figure of issue 11
// against its goal, with kcat as the limit measured in the same run and, when the user runs one, a
// Redpanda Console on the same cluster as the peer (BENCH_PEER_URL; skipped when unset).
import { consoleScanMemoryRow } from "./support/console-scan-memory";
import { loadEngine, type Engine } from "./support/engine";
import { attempt, printTable, type FigureRow } from "./support/figures-table";
import { kcatConsume } from "./support/kcat-reference";
import { ensureLocalCluster, type LocalCluster } from "./support/local-cluster";
import { firstMatchMs, firstRecordsMs, scan } from "./support/measure-engine";
import { peerConsoleFromEnv, peerScan, type PeerScan } from "./support/peer-console";
import { describeMemory } from "./support/rss-sampler";
import { scanMemoryRows, slowClientRows, tailRow } from "./support/server-figures";
import { DEFAULT_RUNTIME, UNTUNED_RUNTIME } from "./support/server-runtime";
import { fmt, median, rate } from "./support/stats";
import { BENCH_TOPIC, ensureTelemetryTopic, MESSAGES, NEEDLE_DEVICE } from "./support/telemetry-topic";

const NEEDLES = MESSAGES / 1_000;
const FULL_SCAN = { start: "oldest", max: "100000" } as const;
const JS_FILTER = { js: `value.device_id === "${NEEDLE_DEVICE}"` };
/** The same 1,000 matches with nothing to look for in the bytes: every record goes to the sandbox. */
const JS_COMPUTED_FILTER = { js: "value.seq % 1000 === 100" };
const JSON_PATH_FILTER = { jsonPath: `$.device_id == "${NEEDLE_DEVICE}"` };
const HEADER_FILTER = { header: "device_id", headerValue: NEEDLE_DEVICE };
/** Redpanda Console's figures in issue 11, the goals' reference when no peer runs beside this one. */
const ISSUE_PEER = { jsRate: 74_000, cpuPerMillion: 23.9, firstMatchMs: 69 };

export async function benchMessageSearch(): Promise<void> {
  const cluster = await ensureLocalCluster();
  await ensureTelemetryTopic(cluster);
  const kcatRate = await kcatReference(cluster);
  const rows: FigureRow[] = [
    {
      figure: "kcat -C -e -o beginning (the limit)",
      measured: `${fmt(kcatRate)} msg/s`,
      target: "—",
      met: null,
    },
  ];
  try {
    const peer = await measurePeer(rows);
    await measureServers(cluster, rows);
    const engine = await loadEngine(cluster.configPath);
    try {
      await measureEngine(cluster.clusterName, engine, kcatRate, peer, rows);
    } finally {
      await engine.close();
    }
  } finally {
    printTable(
      "message search: 1,000,000 × ~1 KiB JSON, 6 partitions, uncompressed, local cluster; goals from issue 11",
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

/** The peer's JavaScript scan (three runs, the median by rate), or null when none is configured. */
async function measurePeer(rows: FigureRow[]): Promise<PeerScan | null> {
  const peer = peerConsoleFromEnv();
  if (!peer) {
    console.log(
      "peer: skipped (set BENCH_PEER_URL to a Redpanda Console on this cluster, BENCH_PEER_PID for its CPU and RSS)",
    );
    return null;
  }
  let result: PeerScan | null = null;
  await attempt(rows, "peer: Redpanda Console, JavaScript scan", "—", async () => {
    const code = `return value.device_id === "${NEEDLE_DEVICE}";`;
    const runs: PeerScan[] = [];
    for (let run = 0; run < 3; run++) runs.push(await peerScan(peer, BENCH_TOPIC, code, NEEDLES));
    runs.sort((a, b) => a.scanned / a.seconds - b.scanned / b.seconds);
    const middle = runs[1]!;
    result = middle;
    const cpu =
      middle.cpuSeconds === null
        ? ""
        : `, CPU ${((middle.cpuSeconds * MESSAGES) / Math.max(1, middle.scanned)).toFixed(1)} s per 1M`;
    const rss = middle.peakRssMB === null ? "" : `, RSS peak ${middle.peakRssMB.toFixed(0)} MB`;
    const first = runs.map((run) => run.firstMatchMs?.toFixed(0) ?? "none").join("/");
    console.log(
      `peer (${peer.url}): ${fmt(middle.scanned)} scanned, ${fmt(middle.matched)} matched in ${middle.seconds.toFixed(1)} s; first match ${first} ms${cpu}${rss}`,
    );
    return {
      measured: `${fmt(rate(middle.scanned, middle.seconds))} msg/s, first match ${first} ms${cpu}${rss}`,
      met: null,
    };
  });
  return result;
}

/** Memory of a search server process, as `npm start` runs it and without its runtime settings, then of the console itself; tail. */
async function measureServers(cluster: LocalCluster, rows: FigureRow[]) {
  const scans = [
    { label: "JavaScript", params: { ...FULL_SCAN, ...JS_FILTER }, matches: NEEDLES },
    { label: "JSON path", params: { ...FULL_SCAN, ...JSON_PATH_FILTER }, matches: NEEDLES },
  ];
  const slowCases = [
    { label: "100,000 results", params: FULL_SCAN, matches: 100_000, slowForMs: 20_000 },
    { label: "1,000,000 scanned", params: { ...FULL_SCAN, ...HEADER_FILTER }, matches: NEEDLES },
  ];
  for (const runtime of [DEFAULT_RUNTIME, UNTUNED_RUNTIME]) {
    await scanMemoryRows(cluster, runtime, BENCH_TOPIC, scans, rows);
    await slowClientRows(cluster, runtime, BENCH_TOPIC, slowCases, rows);
  }
  await consoleScanMemoryRow(cluster, BENCH_TOPIC, scans, rows);
  await tailRow(cluster, rows);
}

/** Time to first records, full-scan rates, CPU, first match: the engine in this process, no HTTP. */
async function measureEngine(
  cluster: string,
  engine: Engine,
  kcatRate: number,
  peer: PeerScan | null,
  rows: FigureRow[],
) {
  const { searchMessages } = engine;
  const peerRate = peer ? rate(peer.scanned, peer.seconds) : null;
  const peerCpu = peer?.cpuSeconds != null ? (peer.cpuSeconds * MESSAGES) / Math.max(1, peer.scanned) : null;
  const peerFirst = peer?.firstMatchMs ?? null;

  await attempt(rows, "(a) first result, newest 50 (median)", "< 200 ms", async () => {
    const [cold = NaN, ...warm] = await firstRecordsMs(searchMessages, cluster, BENCH_TOPIC, 11);
    const firstMs = median(warm);
    console.log(
      `(a) newest-50, first records: median ${firstMs.toFixed(0)} ms over ${warm.length} runs after a cold one of ${cold.toFixed(0)} ms`,
    );
    return { measured: `${firstMs.toFixed(0)} ms`, met: firstMs < 200 };
  });

  // ratio: of kcat's rate (null: no such goal); againstPeer: ≥ 1.5× the peer's JavaScript scan.
  const scans: [string, Record<string, string>, number | null, boolean][] = [
    ["JavaScript filter, full scan", JS_FILTER, 0.4, true],
    ["JSON-path filter, full scan", JSON_PATH_FILTER, 0.7, false],
    ["header filter, full scan", HEADER_FILTER, 0.5, false],
    // Not in the issue's table: what a filter gets when the record gate has nothing to look for.
    ["JavaScript filter without a text to look for, full scan", JS_COMPUTED_FILTER, null, true],
  ];
  let cpuRow: FigureRow | null = null;
  for (const [figure, filter, ratio, againstPeer] of scans) {
    const goals = [
      ratio === null ? null : `≥ ${ratio * 100}% of kcat`,
      againstPeer
        ? `≥ 1.5× peer (${fmt(peerRate ?? ISSUE_PEER.jsRate)}${peerRate ? "" : " in issue 11"})`
        : null,
    ];
    await attempt(rows, figure, goals.filter(Boolean).join(", "), async () => {
      const result = await scan(searchMessages, cluster, BENCH_TOPIC, { ...FULL_SCAN, ...filter });
      const scanRate = rate(result.scanned, result.seconds);
      const percent = ((100 * scanRate) / kcatRate).toFixed(0);
      const cpuPerMillion = (result.cpuSeconds * MESSAGES) / Math.max(1, result.scanned);
      console.log(
        `${figure}: ${fmt(result.scanned)} scanned, ${fmt(result.matched)} matched in ${result.seconds.toFixed(1)} s (${result.reason}) = ${fmt(scanRate)} msg/s, ${percent}% of kcat; CPU ${cpuPerMillion.toFixed(1)} s per 1M; first match ${result.firstMatchMs?.toFixed(0) ?? "none"} ms; ${describeMemory(result.memory)}`,
      );
      const exact = result.matched === NEEDLES && result.scanned === MESSAGES;
      const wrong = exact ? "" : ` (WRONG: ${fmt(result.matched)} matched, ${fmt(result.scanned)} scanned)`;
      const versusPeer = againstPeer
        ? `, ${(scanRate / (peerRate ?? ISSUE_PEER.jsRate)).toFixed(2)}× peer`
        : "";
      if (filter === JS_FILTER) {
        cpuRow = {
          figure: "server CPU per 1M scanned, JavaScript",
          measured: `${cpuPerMillion.toFixed(1)} s`,
          target: `< peer's (${(peerCpu ?? ISSUE_PEER.cpuPerMillion).toFixed(1)} s${peerCpu === null ? " in issue 11" : ""})`,
          met: exact && cpuPerMillion < (peerCpu ?? ISSUE_PEER.cpuPerMillion),
        };
      }
      const fast =
        (ratio === null || scanRate >= ratio * kcatRate) &&
        (!againstPeer || scanRate >= 1.5 * (peerRate ?? ISSUE_PEER.jsRate));
      return {
        measured: `${fmt(scanRate)} msg/s = ${percent}% of kcat${versusPeer}${wrong}`,
        met: exact && fast,
      };
    });
    if (cpuRow) rows.push(cpuRow);
    cpuRow = null;
  }

  const firstGoal = peerFirst ?? ISSUE_PEER.firstMatchMs;
  await attempt(
    rows,
    "first match of a JavaScript scan (median of 5)",
    `≤ peer's (${firstGoal.toFixed(0)} ms${peerFirst === null ? " in issue 11" : ""})`,
    async () => {
      const samples = await firstMatchMs(
        searchMessages,
        cluster,
        BENCH_TOPIC,
        { ...FULL_SCAN, ...JS_FILTER },
        5,
      );
      const middle = median(samples);
      console.log(`first JavaScript match: ${samples.map((ms) => ms.toFixed(0)).join(", ")} ms`);
      return {
        measured: `${middle.toFixed(0)} ms (${Math.min(...samples).toFixed(0)}–${Math.max(...samples).toFixed(0)})`,
        met: middle <= firstGoal,
      };
    },
  );
}
