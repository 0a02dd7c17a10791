import "server-only";

// The gauges read at each scrape from what the process already knows, with no Kafka request: the
// searches running, the Kafka pool's open clients, the store (answers, file size) and the samplers.
import { statSync } from "node:fs";

import { Gauge, type Registry } from "prom-client";

import { getConfig } from "@/lib/server/config";
import { allRunningSearches, existingPool } from "@/lib/server/kafka";
import { runningLagSampler } from "@/lib/server/lag-history/start";
import { getStore } from "@/lib/server/store";
import { runningThroughputSampler } from "@/lib/server/throughput/start";

import { httpMetrics, METRIC_PREFIX } from "./registry";
import { storeAnswers } from "./readiness";

interface SamplerView {
  running: boolean;
  rounds: number;
  holdsLease: boolean;
  lastRoundAt?: number;
  lastRoundMs?: number;
}

function samplers(): Record<"lag" | "throughput", SamplerView> {
  const lag = runningLagSampler()?.stats();
  const throughput = runningThroughputSampler()?.stats();
  return {
    lag: {
      running: lag !== undefined,
      rounds: lag?.rounds ?? 0,
      holdsLease: lag?.holdsLease ?? false,
      lastRoundAt: lag?.lastRoundAt,
      lastRoundMs: lag?.lastRound?.durationMs,
    },
    throughput: {
      running: throughput !== undefined,
      rounds: throughput?.rounds ?? 0,
      holdsLease: throughput?.holdsLease ?? false,
      lastRoundAt: throughput?.lastRoundAt,
      lastRoundMs: throughput?.lastRound?.durationMs,
    },
  };
}

/** The store's files together: the database and its write-ahead log. */
function storeBytes(path: string): number {
  let bytes = 0;
  for (const file of [path, `${path}-wal`]) {
    try {
      // The operator's path, read at run time: not a build input for Next's output file tracing.
      bytes += statSync(/* turbopackIgnore: true */ file).size;
    } catch {
      // No WAL between checkpoints, or an in-memory store.
    }
  }
  return bytes;
}

function gauge(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[],
  collect: (g: Gauge) => void | Promise<void>,
) {
  return new Gauge({
    name: `${METRIC_PREFIX}${name}`,
    help,
    labelNames,
    registers: [registry],
    // prom-client awaits an asynchronous collect (the store's answer) before it renders the scrape.
    async collect() {
      await collect(this);
    },
  });
}

/** The registry with every gauge added (once per process). */
export function metricsRegistry(): Registry {
  const metrics = httpMetrics();
  if (metrics.gaugesAdded) return metrics.registry;
  metrics.gaugesAdded = true;
  const { registry } = metrics;
  gauge(registry, "message_searches_active", "Message searches and live tails running now.", [], (g) =>
    g.set(allRunningSearches()),
  );
  gauge(
    registry,
    "kafka_clients_open",
    "The pool's shared Kafka clients open now, per cluster and kind (admin, producer); searches open their own.",
    ["cluster", "client"],
    (g) => {
      g.reset();
      for (const { cluster, admin, producer } of existingPool()?.openClients() ?? []) {
        g.set({ cluster, client: "admin" }, admin ? 1 : 0);
        g.set({ cluster, client: "producer" }, producer ? 1 : 0);
      }
    },
  );
  gauge(
    registry,
    "store_up",
    "1 when the store answered a trivial query at this scrape, else 0.",
    [],
    async (g) => g.set((await storeAnswers(() => getStore())) ? 1 : 0),
  );
  gauge(
    registry,
    "store_pool_connections",
    "The PostgreSQL store's connection pool: open, idle, waiting callers and the maximum (absent on SQLite).",
    ["state"],
    (g) => {
      g.reset();
      const stats = getStore().poolStats?.();
      if (stats) for (const [state, value] of Object.entries(stats)) g.set({ state }, value);
    },
  );
  gauge(registry, "store_file_bytes", "Size of the SQLite store: the database file and its WAL.", [], (g) =>
    g.set(storeBytes(getConfig().server.storePath)),
  );
  gauge(registry, "sampler_running", "1 when this process runs the sampler.", ["sampler"], (g) => {
    for (const [sampler, view] of Object.entries(samplers())) g.set({ sampler }, view.running ? 1 : 0);
  });
  gauge(
    registry,
    "sampler_holds_lease",
    "1 when this process held the sampler's lease at its last tick: it is the one writing samples.",
    ["sampler"],
    (g) => {
      for (const [sampler, view] of Object.entries(samplers())) g.set({ sampler }, view.holdsLease ? 1 : 0);
    },
  );
  gauge(registry, "sampler_rounds", "Rounds this process's sampler has completed.", ["sampler"], (g) => {
    for (const [sampler, view] of Object.entries(samplers())) g.set({ sampler }, view.rounds);
  });
  gauge(
    registry,
    "sampler_last_round_timestamp_seconds",
    "When this process's sampler last finished a round (Unix time; absent before the first).",
    ["sampler"],
    (g) => {
      g.reset();
      for (const [sampler, view] of Object.entries(samplers()))
        if (view.lastRoundAt !== undefined) g.set({ sampler }, view.lastRoundAt / 1000);
    },
  );
  gauge(
    registry,
    "sampler_last_round_duration_seconds",
    "How long this process's sampler's last round took.",
    ["sampler"],
    (g) => {
      g.reset();
      for (const [sampler, view] of Object.entries(samplers()))
        if (view.lastRoundMs !== undefined) g.set({ sampler }, view.lastRoundMs / 1000);
    },
  );
  return registry;
}
