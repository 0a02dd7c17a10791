import { describe, expect, it } from "vitest";

import { boundedRoute, methodLabel, recordRequest, ROUTE_LIMIT, routePattern } from "./http";
import { createHttpMetrics } from "./registry";

describe("routePattern", () => {
  it("puts each param's name in place of its value", () => {
    expect(routePattern("/api/v1/clusters/local/topics/orders", { cluster: "local", topic: "orders" })).toBe(
      "/api/v1/clusters/[cluster]/topics/[topic]",
    );
  });

  it("matches encoded values, and a catch-all by all its segments", () => {
    expect(routePattern("/api/v1/clusters/c/topics/a%20b", { cluster: "c", topic: "a b" })).toBe(
      "/api/v1/clusters/[cluster]/topics/[topic]",
    );
    expect(routePattern("/kafka/v3/x/y/z", { path: ["x", "y", "z"] })).toBe("/kafka/v3/[...path]");
  });

  it("takes the first matching segment after the previous param, so a value equal to a folder stays bounded", () => {
    expect(routePattern("/api/v1/clusters/topics/topics", { cluster: "topics" })).toBe(
      "/api/v1/clusters/[cluster]/topics",
    );
    expect(routePattern("/api/v1/clusters/a/groups/a", { cluster: "a", group: "a" })).toBe(
      "/api/v1/clusters/[cluster]/groups/[group]",
    );
  });

  it("keeps a static path as it is", () => {
    expect(routePattern("/healthz", {})).toBe("/healthz");
    expect(routePattern("/metrics", undefined)).toBe("/metrics");
  });
});

describe("label bounds", () => {
  it("counts past the route limit as other", () => {
    const metrics = { routes: new Set<string>() };
    for (let index = 0; index < ROUTE_LIMIT; index += 1) boundedRoute(metrics, `/r${index}`);
    expect(boundedRoute(metrics, "/r0")).toBe("/r0");
    expect(boundedRoute(metrics, "/new")).toBe("other");
    expect(metrics.routes.size).toBe(ROUTE_LIMIT);
  });

  it("names unknown methods OTHER", () => {
    expect(methodLabel("GET")).toBe("GET");
    expect(methodLabel("PROPFIND")).toBe("OTHER");
  });
});

describe("recordRequest", () => {
  it("counts by method, pattern and status, with the prefixed names", async () => {
    const metrics = createHttpMetrics();
    const request = new Request("http://console/api/v1/clusters/local/topics/orders");
    const params = { cluster: "local", topic: "orders" };
    recordRequest(request, params, 200, 0.01, metrics);
    recordRequest(request, params, 200, 0.02, metrics);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'kafka_console_http_requests_total{method="GET",route="/api/v1/clusters/[cluster]/topics/[topic]",status="200"} 2',
    );
    expect(text).toContain("kafka_console_http_request_duration_seconds_bucket");
    expect(text).toContain("kafka_console_process_resident_memory_bytes");
    expect(text).not.toContain("orders");
  });
});
