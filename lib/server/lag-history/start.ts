import "server-only";

// The running server's one sampler (instrumentation.ts starts it): from the configuration, on the
// server's store and Kafka pool, kept on globalThis so a dev reload does not start a second one, and
// stopped on SIGTERM/SIGINT, giving its lease up so another process takes over at once.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

import { getConfig } from "@/lib/server/config";
import { listClusterNames, readClusterLag, RecordTimestamps } from "@/lib/server/kafka";
import { getStore } from "@/lib/server/store";

import { createLagSampler, type LagSampler } from "./sampler";

const SAMPLER = Symbol.for("kafka-console.lag-history.sampler");
type GlobalWithSampler = typeof globalThis & { [SAMPLER]?: LagSampler };
const shared = globalThis as GlobalWithSampler;

/** This process's sampler, when started (for /metrics). */
export function runningLagSampler(): LagSampler | undefined {
  return shared[SAMPLER];
}

/** Starts the sampler unless disabled or already running; never during `next build`. */
export function startLagHistorySampler(): void {
  const settings = getConfig().lagHistory;
  if (!settings.enabled || shared[SAMPLER] || process.env.NEXT_PHASE === "phase-production-build") return;
  // Per cluster, the next records' timestamps already read: only moved offsets are fetched again.
  const timestamps = new Map<string, RecordTimestamps>();
  const timestampsOf = (cluster: string) => {
    const stamps = timestamps.get(cluster) ?? new RecordTimestamps();
    timestamps.set(cluster, stamps);
    return stamps;
  };
  const sampler = createLagSampler({
    store: getStore(),
    clusters: listClusterNames,
    readLag: (cluster) =>
      readClusterLag(cluster, { timeLag: settings.timeLag ? timestampsOf(cluster) : undefined }),
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    intervalMs: settings.intervalSeconds * 1000,
    retentionSeconds: settings.retentionDays * 86_400,
  });
  shared[SAMPLER] = sampler;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void sampler
        .stop()
        .catch(() => undefined)
        .finally(() => {
          // Listening to a signal cancels Node's default exit: when nobody else (server.mjs) handles it, exit as it would have.
          if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
        });
    });
  }
  sampler.start();
}
