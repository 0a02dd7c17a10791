// The console itself as `npm start` runs it (the production build, server.mjs, its runtime settings):
// its resident memory idle, during the same full scans as the search server's rows, asked of the REST
// search route with a viewer's API token, and a little after. The search server rows hold the engine
// alone; this one also holds what the real process carries (Next, React, the store, the routes).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  createBenchToken,
  ensureProductionBuild,
  startConsoleProcess,
  type ConsoleProcess,
} from "./console-process";
import { attempt, type FigureRow } from "./figures-table";
import type { LocalCluster } from "./local-cluster";
import { NEAR_IDLE_MB, RSS_GOAL_MB, SETTLE_MS, type ScanQuery } from "./server-figures";
import { fmt, rate } from "./stats";
import { openStream } from "./stream-client";
import { MESSAGES } from "./telemetry-topic";

const SAMPLE_EVERY_MS = 150;
/** Loads the search route's modules and opens the cluster's connections before "idle" is read. */
const WARM_UP = { start: "newest", max: "1" };

interface ConsoleScan {
  records: number;
  scanned: number;
  seconds: number;
  cpuSeconds: number;
  peakMB: number;
}

export async function consoleScanMemoryRow(
  cluster: LocalCluster,
  topic: string,
  scans: ScanQuery[],
  rows: FigureRow[],
) {
  const figure = "Next production server (npm start): RSS during scans";
  await attempt(
    rows,
    figure,
    `≤ ${RSS_GOAL_MB} MB peak, back within ${NEAR_IDLE_MB} MB of idle`,
    async () => {
      const build = ensureProductionBuild();
      // A store of its own: the bench's token never lands in the demo's store, and no earlier data is loaded.
      const dataDir = mkdtempSync(join(tmpdir(), "bench-console-"));
      try {
        const server = await startConsoleProcess(cluster.configPath, { CONSOLE__SERVER__DATA_DIR: dataDir });
        try {
          const authorization = createBenchToken(join(dataDir, "console.db"), "viewer");
          const search = (params: Record<string, string>) =>
            scanThroughRoute(server, authorization, cluster.clusterName, topic, params);
          const startMB = server.rssMB();
          await search(WARM_UP);
          const idleMB = server.rssMB();
          let peakMB = idleMB;
          let complete = true;
          for (const scan of scans) {
            const run = await search(scan.params);
            peakMB = Math.max(peakMB, run.peakMB);
            complete &&= run.records === scan.matches && run.scanned === MESSAGES;
            console.log(
              `${figure}, ${scan.label}: ${fmt(run.records)} records, ${fmt(run.scanned)} scanned in ${run.seconds.toFixed(1)} s (${fmt(rate(run.scanned, run.seconds))} msg/s, console CPU ${run.cpuSeconds.toFixed(1)} s); RSS peak ${run.peakMB.toFixed(0)} MB`,
            );
          }
          await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
          const afterMB = server.rssMB();
          console.log(
            `${figure}: ${startMB.toFixed(0)} MB once started, idle ${idleMB.toFixed(0)} MB after a warm-up search, peak ${peakMB.toFixed(0)} MB, ${(SETTLE_MS / 1000).toFixed(0)} s after ${afterMB.toFixed(0)} MB (${build})`,
          );
          return {
            measured: `peak ${peakMB.toFixed(0)} MB, then ${afterMB.toFixed(0)} MB (idle ${idleMB.toFixed(0)})${complete ? "" : " (INCOMPLETE)"}`,
            met: complete && peakMB <= RSS_GOAL_MB && afterMB <= idleMB + NEAR_IDLE_MB,
          };
        } finally {
          await server.close();
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
}

/** One search through GET /api/v1/…/messages as Server-Sent Events, read as fast as they come, RSS sampled. */
async function scanThroughRoute(
  server: ConsoleProcess,
  authorization: string,
  cluster: string,
  topic: string,
  params: Record<string, string>,
): Promise<ConsoleScan> {
  const path = `/api/v1/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/messages`;
  const [began, cpu] = [performance.now(), server.cpuSeconds()];
  let peakMB = server.rssMB();
  const sampler = setInterval(() => (peakMB = Math.max(peakMB, server.rssMB())), SAMPLE_EVERY_MS);
  let records = 0;
  let scanned = 0;
  let failure: string | null = null;
  try {
    const client = openStream(`${server.baseUrl}${path}?${new URLSearchParams(params)}`, {
      headers: { authorization },
      onEvent: (event) => {
        if (event.type === "records") records += event.records.length;
        if (event.type === "done") scanned = event.counters.scanned;
        if (event.type === "error") failure = event.problem.title;
      },
    });
    await client.finished;
  } finally {
    clearInterval(sampler);
  }
  peakMB = Math.max(peakMB, server.rssMB());
  if (failure) throw new Error(`search failed: ${failure}`);
  const seconds = (performance.now() - began) / 1000;
  return { records, scanned, seconds, cpuSeconds: server.cpuSeconds() - cpu, peakMB };
}
