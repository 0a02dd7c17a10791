import "server-only";

// The OpenAPI paths of the probes and metrics: /healthz and /readyz (public), /metrics (Prometheus
// text; any API token or session unless server.metrics.public).
import type { JsonSchema } from "./openapi-parts";

const check = {
  type: "object",
  required: ["name", "ok"],
  properties: {
    name: { type: "string", enum: ["configuration", "store"] },
    ok: { type: "boolean" },
    message: { type: "string", description: "Which part failed; the reason is in the server's log" },
  },
};

const readiness = (description: string) => ({
  description,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["status", "checks"],
        properties: {
          status: { type: "string", enum: ["ready", "unavailable"] },
          checks: { type: "array", items: check },
        },
      },
    },
  },
});

export function healthPaths(): Record<string, JsonSchema> {
  return {
    "/healthz": {
      get: {
        summary: "Liveness (public): the process answers; neither the store nor Kafka is asked",
        security: [],
        responses: {
          "200": {
            description: "Alive",
            content: {
              "application/json": {
                schema: { type: "object", properties: { status: { type: "string", const: "ok" } } },
              },
            },
          },
        },
      },
    },
    "/readyz": {
      get: {
        summary: "Readiness (public): the configuration loaded and the store answers a trivial query",
        security: [],
        responses: {
          "200": readiness("Ready"),
          "503": readiness("Not ready: the failed check is named"),
        },
      },
    },
    "/metrics": {
      get: {
        summary:
          "Prometheus metrics (viewer, or anyone with server.metrics.public): requests, latency, searches, Kafka clients, store, samplers, process",
        responses: {
          "200": {
            description: "Prometheus text exposition format",
            content: { "text/plain; version=0.0.4": { schema: { type: "string" } } },
          },
          "401": { description: "No valid API token or session" },
        },
      },
    },
  };
}
