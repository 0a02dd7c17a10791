import "server-only";

// The OpenAPI paths and schemas of creating a topic and of a topic's configs (read, change
// incrementally, reset one). Request bodies come from the zod schemas the routes validate with;
// openapi.ts lends its builders so errors and references read the same as everywhere else.
import { alterConfigsSchema, CONFIG_SOURCES, CONFIG_TYPES } from "@/lib/schemas/configs";
import { createTopicSchema } from "@/lib/schemas/topic-create";
import { TOPIC_SORTS } from "@/lib/schemas/topics";

import { pathParameters, type JsonSchema, type OpenApiBuilders } from "./openapi-parts";

const nullableString = { type: ["string", "null"] };

export function topicAdminSchemas({ jsonSchema }: OpenApiBuilders): Record<string, JsonSchema> {
  const change = {
    type: "object",
    required: ["name", "operation", "before", "after", "sensitive"],
    properties: {
      name: { type: "string" },
      operation: { type: "string", enum: ["set", "reset"] },
      before: nullableString,
      after: { ...nullableString, description: "After a reset, the default the broker reports now" },
      sensitive: {
        type: "boolean",
        description: "Sensitive values are never shown: before and after are null",
      },
    },
  };
  const decimal = (description: string) => ({ type: ["string", "null"], pattern: "^\\d+$", description });
  return {
    TopicPage: {
      type: "object",
      required: ["cluster", "total", "sort", "page", "pageSize", "topics"],
      properties: {
        cluster: { type: "string" },
        total: { type: "integer" },
        sort: { type: "string", enum: [...TOPIC_SORTS] },
        page: { type: "integer" },
        pageSize: { type: "integer" },
        topics: {
          type: "array",
          items: {
            type: "object",
            properties: {
              name: { type: "string" },
              internal: { type: "boolean" },
              partitions: { type: "integer" },
              replicationFactor: { type: "integer" },
              messages: decimal("Σ(high − low) over the partitions; null when some could not be read"),
              sizeBytes: decimal("Bytes on disk over all replicas; null when a broker did not answer"),
              underReplicated: { type: "integer" },
              offline: { type: "integer" },
              cleanupPolicy: nullableString,
              retentionMs: nullableString,
              retentionBytes: nullableString,
            },
          },
        },
      },
    },
    CreateTopic: jsonSchema(createTopicSchema, "input"),
    TopicCreated: {
      type: "object",
      required: ["cluster", "name", "topicId", "partitions", "replicationFactor", "configs", "validateOnly"],
      properties: {
        cluster: { type: "string" },
        name: { type: "string" },
        topicId: { ...nullableString, description: "Null for validateOnly" },
        partitions: { type: "integer" },
        replicationFactor: { type: "integer" },
        configs: { type: "object", additionalProperties: { type: "string" } },
        validateOnly: { type: "boolean" },
      },
    },
    AlterConfigs: jsonSchema(alterConfigsSchema, "input"),
    TopicConfigs: {
      type: "object",
      required: ["cluster", "topic", "configs"],
      properties: {
        cluster: { type: "string" },
        topic: { type: "string" },
        configs: {
          type: "array",
          items: {
            type: "object",
            required: ["name", "value", "source", "sensitive", "readOnly", "type", "documentation"],
            properties: {
              name: { type: "string" },
              value: { ...nullableString, description: "Null when sensitive or unset" },
              source: { type: "string", enum: [...CONFIG_SOURCES] },
              sensitive: { type: "boolean" },
              readOnly: { type: "boolean" },
              type: { type: "string", enum: [...CONFIG_TYPES] },
              documentation: { ...nullableString, description: "Null where the broker sends none" },
              defaultValue: { ...nullableString, description: "What a reset leads to, when the broker says" },
              defaultSource: { type: ["string", "null"], enum: [...CONFIG_SOURCES, null] },
            },
          },
        },
      },
    },
    ConfigsAltered: {
      type: "object",
      required: ["cluster", "resource", "validateOnly", "changes"],
      properties: {
        cluster: { type: "string" },
        resource: { type: "object", properties: { type: { type: "string" }, name: { type: "string" } } },
        validateOnly: { type: "boolean" },
        changes: { type: "array", items: change, description: "Only what differs from the values now" },
      },
    },
  };
}

export function topicAdminPaths(
  { ref, answer, problem, readErrors, writeErrors }: OpenApiBuilders,
  listQuery: JsonSchema[],
): Record<string, JsonSchema> {
  const body = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } });
  const refusals = problem(
    "Invalid fields, or Kafka's refusal with its code in error.code (INVALID_CONFIG, POLICY_VIOLATION, INVALID_REPLICATION_FACTOR, INVALID_PARTITIONS), or the console's own (CONFIG_READ_ONLY, INVALID_CONFIG_VALUE); nothing changed",
  );
  const configErrors = {
    ...writeErrors,
    "403": problem(
      "Role too low, or the console's identity may not alter the topic's configs (TOPIC_AUTHORIZATION_FAILED)",
    ),
    "404": problem("No such cluster or topic (UNKNOWN_TOPIC_OR_PARTITION)"),
    "422": refusals,
    "502": problem("The broker failed; the Kafka code is in error.code"),
  };
  return {
    "/api/v1/clusters/{cluster}/topics": {
      get: {
        summary: "One page of topics with partitions, messages, size on disk, retention and health (viewer)",
        description:
          "sort=size reads every topic's size (DescribeLogDirs of every broker) and sort=messages every partition's watermarks; otherwise only the page's topics are asked for figures.",
        parameters: [...pathParameters("cluster"), ...listQuery],
        responses: {
          "200": answer("The page", "TopicPage"),
          ...readErrors,
          "404": problem("No such cluster is configured"),
          "422": problem("Invalid query"),
        },
      },
      post: {
        summary: "Create a topic (operator)",
        description:
          "Kafka checks the request first (CreateTopics with validateOnly); validateOnly true stops there and creates nothing (200), otherwise the topic is created (201). The replication factor cannot pass the live brokers. Audited as topic.create.",
        parameters: pathParameters("cluster"),
        requestBody: body("CreateTopic"),
        responses: {
          "200": answer("Checked by Kafka; nothing created (validateOnly)", "TopicCreated"),
          "201": answer("Created", "TopicCreated"),
          ...writeErrors,
          "403": problem(
            "Role too low, or the console's identity may not create topics (TOPIC_AUTHORIZATION_FAILED)",
          ),
          "404": problem("No such cluster is configured"),
          "409": problem("The topic exists (TOPIC_ALREADY_EXISTS)"),
          "422": refusals,
          "502": problem("The broker failed; the Kafka code is in error.code"),
        },
      },
    },
    "/api/v1/clusters/{cluster}/topics/{topic}/configs": {
      get: {
        summary:
          "Every config of the topic with value, source, type, flags, documentation and default (viewer)",
        parameters: pathParameters("cluster", "topic"),
        responses: {
          "200": answer("The configs, by name", "TopicConfigs"),
          ...readErrors,
          "404": problem("No such cluster or topic (UNKNOWN_TOPIC_OR_PARTITION)"),
        },
      },
      patch: {
        summary: "Change configs incrementally (operator)",
        description:
          "set: values to set (IncrementalAlterConfigs SET), only those that differ from now are sent; reset: names to return to their default (DELETE). validateOnly true lets Kafka check without changing. Audited as topic.configure with before and after.",
        parameters: pathParameters("cluster", "topic"),
        requestBody: body("AlterConfigs"),
        responses: { "200": answer("The changes, old → new", "ConfigsAltered"), ...configErrors },
      },
    },
    "/api/v1/clusters/{cluster}/topics/{topic}/configs/{name}": {
      delete: {
        summary: "Reset one config to its default (operator)",
        parameters: pathParameters("cluster", "topic", "name"),
        responses: { "200": answer("The change, old → new", "ConfigsAltered"), ...configErrors },
      },
    },
  };
}
