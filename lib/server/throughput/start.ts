import "server-only";

// The running server's one throughput sampler (instrumentation.ts starts it), on the lag history's
// settings (lagHistory.intervalSeconds, retentionDays; lagHistory.throughput turns it off), kept on
// globalThis so a dev reload does not start a second one, stopped on SIGTERM/SIGINT.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

import { getConfig } from "@/lib/server/config";
import { listClusterNames, readClusterCounters } from "@/lib/server/kafka";
import { getStore } from "@/lib/server/store";

import { createThroughputSampler, type ThroughputSampler } from "./sampler";

const SAMPLER = Symbol.for("kafka-console.throughput.sampler");
type GlobalWithSampler = typeof globalThis & { [SAMPLER]?: ThroughputSampler };
const shared = globalThis as GlobalWithSampler;

/** This process's sampler, when started (for /metrics). */
export function runningThroughputSampler(): ThroughputSampler | undefined {
  return shared[SAMPLER];
}

/** Starts the sampler unless disabled or already running; never during `next build`. */
export function startThroughputSampler(): void {
  const settings = getConfig().lagHistory;
  if (!settings.enabled || !settings.throughput) return;
  if (shared[SAMPLER] || process.env.NEXT_PHASE === "phase-production-build") return;
  const sampler = createThroughputSampler({
    store: getStore(),
    clusters: listClusterNames,
    readCounters: (cluster) => readClusterCounters(cluster),
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    intervalMs: (settings.throughputIntervalSeconds ?? settings.intervalSeconds) * 1000,
    retentionSeconds: settings.retentionDays * 86_400,
  });
  shared[SAMPLER] = sampler;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void sampler
        .stop()
        .catch(() => undefined)
        .finally(() => {
          // As the lag sampler: when nobody else handles the signal, exit as Node would have.
          if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
        });
    });
  }
  sampler.start();
}
