import "server-only";

import { z } from "zod";

// The OpenAPI paths and schemas of a cluster's schema registry (Confluent-compatible API, issue 19).
import { registryHealthSchema, subjectPageSchema } from "@/lib/schemas/schema-registry";
import {
  compatibilityAnswerSchema,
  compatibilityBodySchema,
  compatibilityCheckSchema,
  newSchemaSchema,
  schemaByIdSchema,
  subjectVersionSchema,
  subjectVersionsSchema,
} from "@/lib/schemas/schema-registry-evolve";

import { schemaRegistryEvolvePaths } from "./openapi-schema-registry-evolve";

import { pathParameters, type JsonSchema, type OpenApiBuilders } from "./openapi-parts";

export function schemaRegistrySchemas({
  jsonSchema,
}: Pick<OpenApiBuilders, "jsonSchema">): Record<string, JsonSchema> {
  return {
    SchemaRegistryHealth: jsonSchema(registryHealthSchema, "output"),
    SchemaRegistrySubjects: jsonSchema(subjectPageSchema, "output"),
    SchemaRegistryNewSchema: jsonSchema(newSchemaSchema, "input"),
    SchemaRegistryCompatibilityBody: jsonSchema(compatibilityBodySchema, "input"),
    SchemaRegistryVersions: jsonSchema(subjectVersionsSchema, "output"),
    SchemaRegistryVersion: jsonSchema(subjectVersionSchema, "output"),
    SchemaRegistryCheck: jsonSchema(compatibilityCheckSchema.extend({ firstVersion: z.boolean() }), "output"),
    SchemaRegistryCompatibility: jsonSchema(
      compatibilityAnswerSchema.extend({
        mode: z
          .string()
          .nullable()
          .describe("READWRITE, READONLY, IMPORT; null where the registry has no mode (Apicurio)"),
      }),
      "output",
    ),
    SchemaRegistrySchema: jsonSchema(schemaByIdSchema, "output"),
  };
}

export function schemaRegistryPaths(builders: OpenApiBuilders): Record<string, JsonSchema> {
  const { answer, problem, readErrors } = builders;
  const registryErrors = {
    "404": problem(
      "No such cluster (UNKNOWN_CLUSTER), or it has no registry configured (SCHEMA_REGISTRY_NOT_CONFIGURED)",
    ),
    "502": problem(
      "The registry is unreachable, refused the console's credentials or answered an error: code SCHEMA_REGISTRY_<KIND>, registryCode the registry's error_code, HTTP status or network/TLS error",
    ),
  };
  return {
    ...schemaRegistryEvolvePaths(builders, registryErrors),
    "/api/v1/clusters/{cluster}/schema-registry/subjects": {
      get: {
        summary: "One page of the registry's subjects, searched by name (viewer)",
        description:
          "Lists the registry's subjects (GET /subjects, soft-deleted ones left out), sorted by name; q keeps the names containing it, case-insensitively. A page past the end answers the last page.",
        parameters: [
          ...pathParameters("cluster"),
          { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 255 } },
          { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, default: 1 } },
          {
            name: "pageSize",
            in: "query",
            required: false,
            schema: { type: "integer", minimum: 1, maximum: 500, default: 50 },
          },
        ],
        responses: {
          "200": answer("The page", "SchemaRegistrySubjects"),
          ...readErrors,
          ...registryErrors,
          "422": problem("Invalid page or pageSize"),
        },
      },
    },
    "/api/v1/clusters/{cluster}/schema-registry/produce-schema": {
      get: {
        summary: "The schema a produce with this subject and version would use (operator)",
        description:
          "For the produce form and POST …/topics/{topic}/messages with keySchema/valueSchema: the subject's chosen version (latest when absent) with its id, type, text and references, and the subject's versions.",
        parameters: [
          ...pathParameters("cluster"),
          { name: "subject", in: "query", required: true, schema: { type: "string", maxLength: 2048 } },
          {
            name: "version",
            in: "query",
            required: false,
            schema: { oneOf: [{ type: "integer", minimum: 1 }, { const: "latest" }], default: "latest" },
          },
        ],
        responses: {
          "200": {
            description: "The version, and every live version of the subject",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["subject", "version", "id", "schemaType", "schema", "references", "versions"],
                  properties: {
                    subject: { type: "string" },
                    version: { type: "integer" },
                    id: { type: "integer" },
                    schemaType: { enum: ["AVRO", "JSON", "PROTOBUF"] },
                    schema: { type: "string" },
                    references: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          name: { type: "string" },
                          subject: { type: "string" },
                          version: { type: "integer" },
                        },
                      },
                    },
                    versions: { type: "array", items: { type: "integer" } },
                  },
                },
              },
            },
          },
          ...readErrors,
          ...registryErrors,
          "422": problem("No subject, or a version that is not a positive whole number or latest"),
        },
      },
    },
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
