import "server-only";

// The OpenAPI paths and schemas of a cluster's schema registry (Confluent-compatible API, issue 19).
import { registryHealthSchema } from "@/lib/schemas/schema-registry";

import { pathParameters, type JsonSchema, type OpenApiBuilders } from "./openapi-parts";

export function schemaRegistrySchemas({
  jsonSchema,
}: Pick<OpenApiBuilders, "jsonSchema">): Record<string, JsonSchema> {
  return { SchemaRegistryHealth: jsonSchema(registryHealthSchema, "output") };
}

export function schemaRegistryPaths({
  answer,
  problem,
  readErrors,
}: OpenApiBuilders): Record<string, JsonSchema> {
  return {
    "/api/v1/clusters/{cluster}/schema-registry/health": {
      get: {
        summary: "Whether the cluster's schema registry answers (viewer)",
        description:
          "Asks the configured registry (clusters[].schemaRegistry) for its global compatibility level, waiting at most 3 s; an answer is reused for 5 s. 200 whatever the registry's state: reachable (with the latency), unreachable (the problem: Confluent error_code, HTTP status, or the network/TLS error) or not-configured.",
        parameters: pathParameters("cluster"),
        responses: {
          "200": answer("The registry's health", "SchemaRegistryHealth"),
          ...readErrors,
          "404": problem("No such cluster is configured"),
        },
      },
    },
  };
}
