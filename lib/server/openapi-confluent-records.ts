import "server-only";

// The OpenAPI paths and schemas of the Confluent REST v3 records, consumer group and ACL routes
// (/kafka/v3/clusters/{cluster_id}/…, also served under /v3), in Confluent's shapes and error shape.
import { DATA_TYPES } from "@/lib/confluent/records-v3";
import { OPERATIONS, PATTERN_TYPES, PERMISSIONS, RESOURCE_TYPES } from "@/lib/acl/types";

import { answer, content, errorWith, listOf, metadata, ref, related } from "./openapi-confluent-parts";
import { pathParameters, type JsonSchema } from "./openapi-parts";

const error = errorWith("ConfluentV3RecordsError");
const readErrors = {
  "401": error("No valid API token (Basic id:secret or Bearer): error_code 40101"),
  "403": error("Role too low: error_code 40301"),
  "404": error("Cluster (404), topic (40401) or group (404) not found"),
};
const writeErrors = {
  ...readErrors,
  "422": error("Invalid input: error_code 42201 with each field's problem"),
};
const group = pathParameters("cluster_id", "consumer_group_id");
const aclFilters = [
  ["resource_type", ["ANY", ...RESOURCE_TYPES]],
  ["resource_name", null],
  ["pattern_type", ["ANY", "MATCH", ...PATTERN_TYPES]],
  ["principal", null],
  ["host", null],
  ["operation", ["ANY", ...OPERATIONS]],
  ["permission", ["ANY", ...PERMISSIONS]],
].map(([name, values]) => ({
  name,
  in: "query",
  required: false,
  schema: values ? { type: "string", enum: values } : { type: "string" },
}));

export function confluentRecordsSchemas(): Record<string, JsonSchema> {
  const data = {
    type: ["object", "null"],
    properties: {
      type: { type: "string", enum: [...DATA_TYPES], default: "JSON" },
      data: { description: "JSON: any JSON value; STRING: a string (UTF-8); BINARY: base64" },
    },
  };
  const acl = {
    type: "object",
    required: ["resource_type", "resource_name", "pattern_type", "principal", "operation", "permission"],
    properties: {
      resource_type: { type: "string", enum: [...RESOURCE_TYPES] },
      resource_name: { type: "string" },
      pattern_type: { type: "string", enum: [...PATTERN_TYPES] },
      principal: { type: "string", description: "Type:name, e.g. User:alice" },
      host: { type: "string", default: "*" },
      operation: { type: "string", enum: [...OPERATIONS] },
      permission: { type: "string", enum: [...PERMISSIONS] },
    },
  };
  return {
    ConfluentV3RecordsError: {
      type: "object",
      required: ["error_code", "message"],
      properties: { error_code: { type: "integer" }, message: { type: "string" } },
    },
    ConfluentV3ProduceRecord: {
      type: "object",
      properties: {
        partition_id: {
          type: ["integer", "null"],
          minimum: 0,
          description: "Absent: by key, else round-robin",
        },
        headers: {
          type: ["array", "null"],
          maxItems: 100,
          items: {
            type: "object",
            required: ["name"],
            properties: {
              name: { type: "string" },
              value: { type: ["string", "null"], description: "base64" },
            },
          },
        },
        key: data,
        value: data,
        timestamp: { type: ["string", "null"], format: "date-time" },
      },
    },
    ConfluentV3DeliveryReport: {
      type: "object",
      required: ["error_code"],
      properties: {
        error_code: {
          type: "integer",
          description: "200 when written; else the record's error (40401, 40402, 400, 42201, …)",
        },
        message: { type: "string", description: "Only with an error" },
        cluster_id: { type: "string" },
        topic_name: { type: "string" },
        partition_id: { type: "integer" },
        offset: { type: "integer" },
        timestamp: { type: "string", format: "date-time" },
        key: {
          type: ["object", "null"],
          properties: { type: { type: "string" }, size: { type: "integer" } },
        },
        value: {
          type: ["object", "null"],
          properties: { type: { type: "string" }, size: { type: "integer" } },
        },
      },
    },
    ConfluentV3ConsumerGroup: {
      type: "object",
      properties: {
        kind: { const: "KafkaConsumerGroup" },
        metadata,
        cluster_id: { type: "string" },
        consumer_group_id: { type: "string" },
        is_simple: { type: "boolean" },
        partition_assignor: { type: "string" },
        state: { type: "string", description: "STABLE, EMPTY, PREPARING_REBALANCE, …" },
        type: { type: "string" },
        coordinator: related,
        consumers: related,
        lag_summary: related,
      },
    },
    ConfluentV3ConsumerGroupList: listOf("KafkaConsumerGroupList", "ConfluentV3ConsumerGroup"),
    ConfluentV3Consumer: {
      type: "object",
      properties: {
        kind: { const: "KafkaConsumer" },
        metadata,
        cluster_id: { type: "string" },
        consumer_group_id: { type: "string" },
        consumer_id: { type: "string" },
        instance_id: { type: ["string", "null"] },
        client_id: { type: "string" },
        assignments: related,
      },
    },
    ConfluentV3ConsumerList: listOf("KafkaConsumerList", "ConfluentV3Consumer"),
    ConfluentV3ConsumerAssignment: {
      type: "object",
      properties: {
        kind: { const: "KafkaConsumerAssignment" },
        metadata,
        cluster_id: { type: "string" },
        consumer_group_id: { type: "string" },
        consumer_id: { type: "string" },
        topic_name: { type: "string" },
        partition_id: { type: "integer" },
        partition: related,
        lag: related,
      },
    },
    ConfluentV3ConsumerAssignmentList: listOf("KafkaConsumerAssignmentList", "ConfluentV3ConsumerAssignment"),
    ConfluentV3ConsumerLag: {
      type: "object",
      properties: {
        kind: { const: "KafkaConsumerLag" },
        metadata,
        cluster_id: { type: "string" },
        consumer_group_id: { type: "string" },
        topic_name: { type: "string" },
        partition_id: { type: "integer" },
        current_offset: { type: "integer", description: "The committed offset" },
        log_end_offset: { type: "integer" },
        lag: { type: "integer" },
        consumer_id: { type: "string", description: "Empty when no member holds the partition" },
        instance_id: { type: ["string", "null"] },
        client_id: { type: "string" },
      },
    },
    ConfluentV3ConsumerLagList: listOf("KafkaConsumerLagList", "ConfluentV3ConsumerLag"),
    ConfluentV3ConsumerGroupLagSummary: {
      type: "object",
      properties: {
        kind: { const: "KafkaConsumerGroupLagSummary" },
        metadata,
        cluster_id: { type: "string" },
        consumer_group_id: { type: "string" },
        max_lag_consumer_id: { type: "string" },
        max_lag_instance_id: { type: ["string", "null"] },
        max_lag_client_id: { type: "string" },
        max_lag_topic_name: { type: "string" },
        max_lag_partition_id: { type: "integer" },
        max_lag: { type: "integer" },
        total_lag: { type: "integer" },
        max_lag_consumer: { oneOf: [related, { type: "null" }] },
        max_lag_partition: { oneOf: [related, { type: "null" }] },
      },
    },
    ConfluentV3CreateAcl: acl,
    ConfluentV3CreateAclBatch: {
      type: "object",
      required: ["data"],
      properties: { data: { type: "array", items: acl, maxItems: 1000 } },
    },
    ConfluentV3Acl: {
      ...acl,
      properties: {
        kind: { const: "KafkaAcl" },
        metadata,
        cluster_id: { type: "string" },
        ...acl.properties,
      },
    },
    ConfluentV3AclList: listOf("KafkaAclList", "ConfluentV3Acl"),
  };
}

export function confluentRecordsPaths(): Record<string, JsonSchema> {
  const clusters = "/kafka/v3/clusters/{cluster_id}";
  const groupPath = `${clusters}/consumer-groups/{consumer_group_id}`;
  const groupGet = (summary: string, name: string, extra: JsonSchema[] = []) => ({
    get: {
      summary: `${summary} (viewer; Confluent REST v3)`,
      parameters: [...group, ...extra],
      responses: { "200": answer(summary, name), ...readErrors },
    },
  });
  return {
    [`${clusters}/topics/{topic_name}/records`]: {
      post: {
        summary: "Produce records (operator; Confluent REST v3)",
        description:
          "One record per body answers its delivery report (or its error as the HTTP status). Several concatenated JSON records, or a chunked body without Content-Length (streaming mode), answer 200 with one delivery report per record, in order, one per line, each with its own error_code. Audited as message.produce, as the topic page's produce.",
        parameters: pathParameters("cluster_id", "topic_name"),
        requestBody: { required: true, content: content(ref("ConfluentV3ProduceRecord")) },
        responses: {
          "200": answer("The delivery report (one per record when several)", "ConfluentV3DeliveryReport"),
          "413": error("A body with Content-Length over 24 MiB: 413"),
          ...writeErrors,
        },
      },
    },
    [`${clusters}/consumer-groups`]: {
      get: {
        summary: "List the consumer groups (viewer; Confluent REST v3)",
        parameters: pathParameters("cluster_id"),
        responses: { "200": answer("The groups", "ConfluentV3ConsumerGroupList"), ...readErrors },
      },
    },
    [groupPath]: groupGet("The consumer group", "ConfluentV3ConsumerGroup"),
    [`${groupPath}/consumers`]: groupGet("The group's consumers", "ConfluentV3ConsumerList"),
    [`${groupPath}/consumers/{consumer_id}`]: groupGet(
      "One consumer of the group",
      "ConfluentV3Consumer",
      pathParameters("consumer_id"),
    ),
    [`${groupPath}/consumers/{consumer_id}/assignments`]: groupGet(
      "The partitions the group gave the consumer",
      "ConfluentV3ConsumerAssignmentList",
      pathParameters("consumer_id"),
    ),
    [`${groupPath}/lags`]: groupGet("Lag per committed partition", "ConfluentV3ConsumerLagList"),
    [`${groupPath}/lags/{topic_name}/partitions/{partition_id}`]: groupGet(
      "One committed partition's lag (404 without a committed offset)",
      "ConfluentV3ConsumerLag",
      pathParameters("topic_name", "partition_id"),
    ),
    [`${groupPath}/lag-summary`]: groupGet(
      "The group's max and total lag",
      "ConfluentV3ConsumerGroupLagSummary",
    ),
    [`${clusters}/acls`]: {
      get: {
        summary: "List the ACLs a filter matches (viewer; Confluent REST v3)",
        parameters: [...pathParameters("cluster_id"), ...aclFilters],
        responses: { "200": answer("The matching bindings", "ConfluentV3AclList"), ...readErrors },
      },
      post: {
        summary: "Create an ACL (admin; Confluent REST v3)",
        parameters: pathParameters("cluster_id"),
        requestBody: { required: true, content: content(ref("ConfluentV3CreateAcl")) },
        responses: { "201": { description: "Created" }, ...writeErrors },
      },
      delete: {
        summary: "Delete the ACLs a filter matches (admin; Confluent REST v3)",
        description:
          "resource_type is required. The filter is resolved against the listed bindings and each is deleted by an exact filter (at most 1000), as the ACL page deletes; the answer lists what was deleted.",
        parameters: [...pathParameters("cluster_id"), ...aclFilters],
        responses: { "200": answer("The deleted bindings", "ConfluentV3AclList"), ...writeErrors },
      },
    },
    [`${clusters}/acls:batch`]: {
      post: {
        summary: "Create several ACLs (admin; Confluent REST v3)",
        description:
          '{"data": [binding, …]} (at most 1000), each as POST …/acls takes it. Every binding is validated before any is created: one invalid entry answers 422 naming it, and nothing is created.',
        parameters: pathParameters("cluster_id"),
        requestBody: { required: true, content: content(ref("ConfluentV3CreateAclBatch")) },
        responses: { "204": { description: "Created" }, ...writeErrors },
      },
    },
  };
}
