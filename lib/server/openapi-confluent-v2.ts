import "server-only";

// The OpenAPI paths and schemas of the Confluent REST Proxy v2 consumer API (/consumers/…): stateful
// instances on the console replica that created them, answered in Confluent's shapes and error shape.
import { pathParameters, type JsonSchema } from "./openapi-parts";
import {
  confluentError,
  content,
  errors,
  instance,
  noContent,
  ref,
  summary,
} from "./openapi-confluent-v2-parts";
import {
  assignPartitions,
  confluentV2PositionPaths,
  confluentV2PositionSchemas,
} from "./openapi-confluent-v2-positions";

export function confluentV2Schemas(): Record<string, JsonSchema> {
  return {
    ...confluentV2PositionSchemas(),
    ConfluentV2Error: {
      type: "object",
      required: ["error_code", "message"],
      properties: { error_code: { type: "integer" }, message: { type: "string" } },
    },
    ConfluentV2CreateConsumer: {
      type: "object",
      properties: {
        name: { type: "string", pattern: "^[A-Za-z0-9._-]{1,100}$", description: "Absent: generated" },
        format: { type: "string", enum: ["json", "binary", "string"], default: "binary" },
        "auto.offset.reset": { type: "string", enum: ["earliest", "latest"], default: "latest" },
        "auto.commit.enable": {
          oneOf: [{ type: "boolean" }, { type: "string", enum: ["true", "false"] }],
          default: true,
          description: "Commit what each GET …/records answers, right after answering it",
        },
      },
    },
    ConfluentV2Record: {
      type: "object",
      required: ["topic", "key", "value", "partition", "offset"],
      properties: {
        topic: { type: "string" },
        key: { description: "JSON value (json), base64 (binary) or text (string); null when absent" },
        value: { description: "As key" },
        partition: { type: "integer" },
        offset: { type: "integer" },
      },
    },
  };
}

export function confluentV2Paths(): Record<string, JsonSchema> {
  return {
    ...confluentV2PositionPaths(),
    "/consumers/{group}": {
      post: {
        summary: summary("Create a consumer instance in the group"),
        description:
          "The instance is a member of the group on the console's default cluster, with the console's Kafka identity. It lives in the console process that created it (follow base_uri); it is closed after restProxy.consumerIdleSeconds without use, and a token may hold restProxy.maxConsumersPerToken.",
        parameters: pathParameters("group"),
        requestBody: { required: false, content: content(ref("ConfluentV2CreateConsumer")) },
        responses: {
          "200": {
            description: "The instance",
            content: content({
              type: "object",
              required: ["instance_id", "base_uri"],
              properties: { instance_id: { type: "string" }, base_uri: { type: "string", format: "uri" } },
            }),
          },
          ...errors,
          "409": confluentError("An instance of that name exists in the group (40902)"),
          "429": confluentError("The token holds as many instances as allowed (42901)"),
        },
      },
    },
    "/consumers/{group}/instances/{instance}": {
      delete: {
        summary: summary("Close the instance; it leaves the group"),
        parameters: instance,
        responses: { ...noContent, ...errors },
      },
    },
    "/consumers/{group}/instances/{instance}/subscription": {
      post: {
        summary: summary(
          "Subscribe to topics or to the topics a pattern matches now, replacing the subscription",
        ),
        parameters: instance,
        requestBody: {
          required: true,
          content: content({
            type: "object",
            properties: {
              topics: { type: "array", items: { type: "string" } },
              topic_pattern: {
                type: "string",
                description: "A regular expression matched against the whole name",
              },
            },
          }),
        },
        responses: { ...noContent, ...errors },
      },
      get: {
        summary: summary("The subscribed topics"),
        parameters: instance,
        responses: {
          "200": {
            description: "The topics",
            content: content({
              type: "object",
              properties: { topics: { type: "array", items: { type: "string" } } },
            }),
          },
          ...errors,
        },
      },
      delete: {
        summary: summary("Unsubscribe"),
        parameters: instance,
        responses: { ...noContent, ...errors },
      },
    },
    "/consumers/{group}/instances/{instance}/assignments": {
      get: {
        summary: summary("The partitions the group assigned to the instance, or the ones assigned manually"),
        parameters: instance,
        responses: {
          "200": {
            description: "The partitions",
            content: content({
              type: "object",
              properties: {
                partitions: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: { topic: { type: "string" }, partition: { type: "integer" } },
                  },
                },
              },
            }),
          },
          ...errors,
        },
      },
      post: assignPartitions,
    },
    "/consumers/{group}/instances/{instance}/records": {
      get: {
        summary: summary("The records read since the last call, in the instance's format"),
        parameters: [
          ...instance,
          {
            name: "timeout",
            in: "query",
            schema: { type: "integer", minimum: 0, maximum: 30000, default: 1000 },
            description: "Milliseconds to wait when no record is waiting",
          },
          {
            name: "max_bytes",
            in: "query",
            schema: { type: "integer", minimum: 1, default: 8388608 },
            description: "The most key+value bytes answered (at least one record)",
          },
        ],
        responses: {
          "200": {
            description: "The records (application/vnd.kafka.binary.v2+json for binary instances)",
            content: content({ type: "array", items: ref("ConfluentV2Record") }),
          },
          ...errors,
          "409": confluentError("No subscription nor assignment yet (40903)"),
          "500": confluentError("A record is not JSON for a json instance (50002)"),
        },
      },
    },
    "/consumers/{group}/instances/{instance}/offsets": {
      post: {
        summary: summary("Commit offsets for the group"),
        description:
          "Each offset is the last record processed (Confluent's meaning): the group's committed offset becomes offset + 1. Without a body (or offsets), everything the instance has answered is committed.",
        parameters: instance,
        requestBody: {
          required: false,
          content: content({
            type: "object",
            properties: {
              offsets: {
                type: "array",
                items: {
                  type: "object",
                  required: ["topic", "partition", "offset"],
                  properties: {
                    topic: { type: "string" },
                    partition: { type: "integer" },
                    offset: { type: "integer" },
                  },
                },
              },
            },
          }),
        },
        responses: { ...noContent, ...errors },
      },
    },
  };
}
