// Starts the search server process (search-server-process.ts) and talks to it: stream URLs for the
// clients, its memory samples, how far its engine ran ahead, how fast a closed stream stopped.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import type { LocalCluster } from "./local-cluster";
import { processRssMB } from "./peer-console";
import type { MemorySummary } from "./rss-sampler";
import type { StreamStats } from "./search-server";
import { DEFAULT_RUNTIME, type ServerRuntime } from "./server-runtime";

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), "search-server-process.ts");

export interface SearchServer {
  url(topic: string, params: Record<string, string>): string;
  startMemory(): Promise<void>;
  stopMemory(): Promise<MemorySummary>;
  stats(): Promise<StreamStats>;
  /** The process's resident memory now, MB. */
  rssMB(): number;
  close(): Promise<void>;
}

/** A fresh server process: its memory starts from nothing an earlier measurement left behind. */
export async function spawnSearchServer(
  cluster: LocalCluster,
  runtime: ServerRuntime = DEFAULT_RUNTIME,
): Promise<SearchServer> {
  // The same loader and conditions as this process (tsx, react-server), plus the runtime's settings.
  const args = [...process.execArgv, ...runtime.execArgv, ENTRY, cluster.clusterName];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...runtime.env, CONSOLE_CONFIG: cluster.configPath },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`the search server exited (${code})`))),
  );
  exited.catch(() => {});
  const lines = createInterface({ input: child.stdout! });
  const listening = new Promise<number>((resolve) =>
    lines.on("line", (line) => {
      const port = /^listening (\d+)$/.exec(line)?.[1];
      if (port) resolve(Number(port));
      else console.log(`[search server] ${line}`);
    }),
  );
  const port = await Promise.race([listening, exited]);
  const base = `http://127.0.0.1:${port}`;
  const control = async <T>(path: string) => (await (await fetch(`${base}${path}`)).json()) as T;
  return {
    url: (topic, params) => `${base}/${encodeURIComponent(topic)}?${new URLSearchParams(params)}`,
    startMemory: () => control("/__memory/start"),
    stopMemory: () => control<MemorySummary>("/__memory/stop"),
    stats: () => control<StreamStats>("/__stats"),
    rssMB: () => processRssMB(child.pid!),
    close: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await gone;
    },
  };
}
