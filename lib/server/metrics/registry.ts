// The process's one Prometheus registry and the HTTP metrics the route wrappers record into. On
// globalThis: Next bundles a module once per layer (route handlers, pages, instrumentation) and
// reloads it in development, and every copy must count into the same registry.
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

export const METRIC_PREFIX = "kafka_console_";

export interface HttpMetrics {
  registry: Registry;
  requests: Counter<"method" | "route" | "status">;
  duration: Histogram<"method" | "route">;
  /** Route patterns seen so far: past ROUTE_LIMIT, new ones count as "other". */
  routes: Set<string>;
  /** Whether the gauges that read the store, Kafka pool and samplers have been added (collect.ts). */
  gaugesAdded: boolean;
}

const SLOT = Symbol.for("kafka-console.metrics");
type GlobalWithMetrics = typeof globalThis & { [SLOT]?: HttpMetrics };
const shared = globalThis as GlobalWithMetrics;

/** The registry and HTTP metrics, created on first use. */
export function httpMetrics(): HttpMetrics {
  return (shared[SLOT] ??= createHttpMetrics());
}

/** A fresh set, not shared (for tests). */
export function createHttpMetrics(): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  return {
    registry,
    requests: new Counter({
      name: `${METRIC_PREFIX}http_requests_total`,
      help: "Requests answered by the console's route handlers, by method, route pattern and status.",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    duration: new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: "Time until a route handler's response (its headers, for a stream), by method and route pattern.",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    routes: new Set(),
    gaugesAdded: false,
  };
}
