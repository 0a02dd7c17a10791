import { describe, expect, it } from "vitest";

import { metricsRegistry } from "./collect";

describe("metricsRegistry", () => {
  const registry = metricsRegistry();
  const metrics = registry.getMetricsAsArray();

  it("names every metric with the console's prefix, in Prometheus's alphabet", () => {
    for (const metric of metrics) expect(metric.name).toMatch(/^kafka_console_[a-z0-9_]+$/);
  });

  it("has the HTTP, search, Kafka, store and sampler metrics, each once", () => {
    const names = metrics.map((metric) => metric.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        "kafka_console_http_requests_total",
        "kafka_console_http_request_duration_seconds",
        "kafka_console_message_searches_active",
        "kafka_console_kafka_clients_open",
        "kafka_console_store_up",
        "kafka_console_store_file_bytes",
        "kafka_console_store_pool_connections",
        "kafka_console_sampler_running",
        "kafka_console_sampler_holds_lease",
        "kafka_console_sampler_rounds",
        "kafka_console_sampler_last_round_timestamp_seconds",
        "kafka_console_sampler_last_round_duration_seconds",
        "kafka_console_process_cpu_seconds_total",
      ]),
    );
  });

  it("labels only by bounded values: never a raw path, user or topic", () => {
    const labels = new Set(
      metrics.flatMap((metric) => (metric as unknown as { labelNames: string[] }).labelNames),
    );
    for (const label of labels)
      expect([
        "method",
        "route",
        "status",
        "cluster",
        "client",
        "sampler",
        "state",
        "space",
        "kind",
        "type",
        "version",
        "major",
        "minor",
        "patch",
      ]).toContain(label);
  });

  it("is one registry per process, its gauges added once", () => {
    expect(metricsRegistry()).toBe(registry);
    expect(metricsRegistry().getMetricsAsArray()).toHaveLength(metrics.length);
  });
});
