import "server-only";

// The Confluent REST v3 clusters, topics, partitions, configs and brokers shapes in the OpenAPI
// document (their paths are in openapi-confluent.ts).
import { config, listOf, metadata, related } from "./openapi-confluent-parts";
import type { JsonSchema } from "./openapi-parts";

export function confluentSchemas(): Record<string, JsonSchema> {
  return {
    ConfluentV3Error: {
      type: "object",
      required: ["error_code", "message"],
      properties: { error_code: { type: "integer" }, message: { type: "string" } },
    },
    ConfluentKafkaCluster: {
      type: "object",
      required: ["kind", "metadata", "cluster_id"],
      properties: {
        kind: { const: "KafkaCluster" },
        metadata,
        cluster_id: { type: "string", description: "The Kafka cluster id" },
        controller: { oneOf: [related, { type: "null" }] },
        acls: related,
        brokers: related,
        broker_configs: related,
        consumer_groups: related,
        topics: related,
        partition_reassignments: related,
      },
    },
    ConfluentKafkaClusterList: listOf("KafkaClusterList", "ConfluentKafkaCluster"),
    ConfluentKafkaTopic: {
      type: "object",
      required: [
        "kind",
        "metadata",
        "cluster_id",
        "topic_name",
        "is_internal",
        "replication_factor",
        "partitions_count",
      ],
      properties: {
        kind: { const: "KafkaTopic" },
        metadata,
        cluster_id: { type: "string" },
        topic_name: { type: "string" },
        is_internal: { type: "boolean" },
        replication_factor: { type: "integer" },
        partitions_count: { type: "integer" },
        partitions: related,
        configs: related,
        partition_reassignments: related,
        authorized_operations: { type: "array", items: { type: "string" } },
      },
    },
    ConfluentKafkaTopicList: listOf("KafkaTopicList", "ConfluentKafkaTopic"),
    ConfluentCreateTopic: {
      type: "object",
      required: ["topic_name"],
      properties: {
        topic_name: { type: "string", description: "Kafka's rules: up to 249 of [a-zA-Z0-9._-]" },
        partitions_count: { type: "integer", minimum: 1, description: "Absent: the brokers' num.partitions" },
        replication_factor: {
          type: "integer",
          minimum: 1,
          description: "Absent: the brokers' default.replication.factor",
        },
        configs: {
          type: "array",
          maxItems: 200,
          items: {
            type: "object",
            required: ["name"],
            properties: { name: { type: "string" }, value: { type: ["string", "null"] } },
          },
        },
        validate_only: {
          type: "boolean",
          default: false,
          description: "Kafka checks; nothing is created (200)",
        },
      },
    },
    ConfluentKafkaPartition: {
      type: "object",
      required: ["kind", "metadata", "cluster_id", "topic_name", "partition_id"],
      properties: {
        kind: { const: "KafkaPartition" },
        metadata,
        cluster_id: { type: "string" },
        topic_name: { type: "string" },
        partition_id: { type: "integer" },
        leader: { oneOf: [related, { type: "null" }] },
        replicas: related,
        reassignment: related,
      },
    },
    ConfluentKafkaPartitionList: listOf("KafkaPartitionList", "ConfluentKafkaPartition"),
    ConfluentKafkaTopicConfig: config("KafkaTopicConfig", { topic_name: { type: "string" } }),
    ConfluentKafkaTopicConfigList: listOf("KafkaTopicConfigList", "ConfluentKafkaTopicConfig"),
    ConfluentKafkaBrokerConfig: config("KafkaBrokerConfig", { broker_id: { type: "integer" } }),
    ConfluentKafkaBrokerConfigList: listOf("KafkaBrokerConfigList", "ConfluentKafkaBrokerConfig"),
    ConfluentKafkaClusterConfig: config("KafkaClusterConfig", { config_type: { const: "BROKER" } }),
    ConfluentKafkaClusterConfigList: listOf("KafkaClusterConfigList", "ConfluentKafkaClusterConfig"),
    ConfluentUpdateConfig: {
      type: "object",
      required: ["value"],
      properties: { value: { type: ["string", "null"], description: "null resets the config" } },
    },
    ConfluentAlterConfigBatch: {
      type: "object",
      required: ["data"],
      properties: {
        data: {
          type: "array",
          minItems: 1,
          maxItems: 200,
          items: {
            type: "object",
            required: ["name"],
            properties: {
              name: { type: "string" },
              value: { type: ["string", "null"] },
              operation: { type: "string", enum: ["SET", "DELETE"], default: "SET" },
            },
          },
        },
        validate_only: { type: "boolean", default: false },
      },
    },
    ConfluentKafkaBroker: {
      type: "object",
      required: ["kind", "metadata", "cluster_id", "broker_id", "host", "port"],
      properties: {
        kind: { const: "KafkaBroker" },
        metadata,
        cluster_id: { type: "string" },
        broker_id: { type: "integer" },
        host: { type: "string" },
        port: { type: "integer" },
        rack: { type: ["string", "null"] },
        configs: related,
        partition_replicas: related,
      },
    },
    ConfluentKafkaBrokerList: listOf("KafkaBrokerList", "ConfluentKafkaBroker"),
  };
}
