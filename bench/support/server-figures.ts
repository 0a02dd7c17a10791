// Figures taken from a search server in a process of its own, through HTTP, as the console serves
// searches: its resident memory during full scans (a fast client) and afterwards, while a slow client
// reads, and live-tail latency. A fresh process for each memory figure: RSS is per process.
import { attempt, type FigureRow } from "./figures-table";
import type { LocalCluster } from "./local-cluster";
import { slowStream, tailLatency } from "./measure-stream";
import { describeMemory } from "./rss-sampler";
import { spawnSearchServer, type SearchServer } from "./search-server-client";
import { describeRuntime, type ServerRuntime } from "./server-runtime";
import { fmt, median, quantile } from "./stats";
import { ensureTailTopic, MESSAGES, PARTITIONS, TAIL_TOPIC } from "./telemetry-topic";

export const RSS_GOAL_MB = 200;
/** "Back near idle": within this of the RSS the idle server had before its first search. */
export const NEAR_IDLE_MB = 20;
/** The search ends, the console's collection follows a second later; look a little after. */
export const SETTLE_MS = 3_000;

export interface ScanQuery {
  label: string;
  params: Record<string, string>;
  matches: number;
}

/** Peak RSS over full scans with a fast client, then RSS once the server has settled. */
export async function scanMemoryRows(
  cluster: LocalCluster,
  runtime: ServerRuntime,
  topic: string,
  scans: ScanQuery[],
  rows: FigureRow[],
) {
  const figure = `server RSS during scans (${runtime.name})`;
  await attempt(rows, figure, `≤ ${RSS_GOAL_MB} MB peak, back within ${NEAR_IDLE_MB} MB of idle`, () =>
    withServer(cluster, runtime, async (server) => {
      const idleMB = server.rssMB();
      let peakMB = 0;
      let complete = true;
      for (const scan of scans) {
        const run = await slowStream(server, topic, scan.params, 0);
        peakMB = Math.max(peakMB, run.memory.peakMB);
        complete &&= run.records === scan.matches && run.scanned === MESSAGES;
        console.log(
          `${figure}, ${scan.label}: ${fmt(run.records)} records, ${fmt(run.scanned)} scanned in ${run.seconds.toFixed(1)} s; ${describeMemory(run.memory)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const afterMB = server.rssMB();
      console.log(
        `${figure}: idle ${idleMB.toFixed(0)} MB, peak ${peakMB.toFixed(0)} MB, ${(SETTLE_MS / 1000).toFixed(0)} s after ${afterMB.toFixed(0)} MB (${describeRuntime(runtime)})`,
      );
      return {
        measured: `peak ${peakMB.toFixed(0)} MB, then ${afterMB.toFixed(0)} MB (idle ${idleMB.toFixed(0)})${complete ? "" : " (INCOMPLETE)"}`,
        met: complete && peakMB <= RSS_GOAL_MB && afterMB <= idleMB + NEAR_IDLE_MB,
      };
    }),
  );
}

/** (c) Peak RSS while a slow client reads: results faster than it takes them, or a long filtered scan. */
export async function slowClientRows(
  cluster: LocalCluster,
  runtime: ServerRuntime,
  topic: string,
  cases: (ScanQuery & { slowForMs?: number })[],
  rows: FigureRow[],
) {
  for (const slow of cases) {
    const figure = `(c) RSS, ${slow.label}, slow client (${runtime.name})`;
    await attempt(rows, figure, `≤ ${RSS_GOAL_MB} MB`, () =>
      withServer(cluster, runtime, async (server) => {
        const run = await slowStream(server, topic, slow.params, slow.slowForMs);
        const lead = run.engineLead
          ? `; at ~10 s the engine had produced ${fmt(run.engineLead.engine)} records, the client read ${fmt(run.engineLead.client)}`
          : "";
        console.log(
          `${figure}: ${fmt(run.records)} records, ${fmt(run.scanned)} scanned in ${run.seconds.toFixed(1)} s; ${describeMemory(run.memory)}${lead}`,
        );
        const complete = run.records === slow.matches;
        return {
          measured: `peak ${run.memory.peakMB.toFixed(0)} MB${complete ? "" : " (INCOMPLETE stream)"}`,
          met: complete && run.memory.peakMB <= RSS_GOAL_MB,
        };
      }),
    );
  }
}

/** (d) Produce → HTTP client latency of a live tail, and how fast a closed client stops the search. */
export async function tailRow(cluster: LocalCluster, rows: FigureRow[]) {
  await attempt(rows, "(d) live tail, produce → client (median/p95)", "median < 500 ms", () =>
    withServer(cluster, undefined, async (server) => {
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
  runtime: ServerRuntime | undefined,
  measure: (server: SearchServer) => Promise<T>,
): Promise<T> {
  const server = await spawnSearchServer(cluster, runtime);
  try {
    return await measure(server);
  } finally {
    await server.close();
  }
}
