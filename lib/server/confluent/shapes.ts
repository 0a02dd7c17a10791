// Confluent v3 resources built from what lib/server/kafka answers: KafkaTopic, KafkaPartition,
// KafkaTopicConfig / KafkaBrokerConfig / KafkaClusterConfig and KafkaBroker, with their lists.
// Pure functions: the routes in app/kafka/v3 call the same server functions as the pages.
import type { ConfigEntry, ConfigSource } from "@/lib/schemas/configs";

import { type ResourceLinks, resourceList, resourceName } from "./resources";

export interface TopicFacts {
  name: string;
  internal: boolean;
  partitions: number;
  replicationFactor: number;
}

export function kafkaTopic(links: ResourceLinks, clusterId: string, topic: TopicFacts) {
  const path = ["clusters", clusterId, "topics", topic.name] as const;
  return {
    kind: "KafkaTopic",
    metadata: {
      self: links.url(...path),
      resource_name: resourceName(["kafka", clusterId], ["topic", topic.name]),
    },
    cluster_id: clusterId,
    topic_name: topic.name,
    is_internal: topic.internal,
    replication_factor: topic.replicationFactor,
    partitions_count: topic.partitions,
    partitions: links.related(...path, "partitions"),
    configs: links.related(...path, "configs"),
    partition_reassignments: links.related(...path, "partitions", "-", "reassignment"),
    authorized_operations: [] as string[],
  };
}

export function kafkaTopicList(links: ResourceLinks, clusterId: string, topics: TopicFacts[]) {
  return resourceList(
    "KafkaTopicList",
    links.url("clusters", clusterId, "topics"),
    topics.map((topic) => kafkaTopic(links, clusterId, topic)),
  );
}

export interface PartitionFacts {
  partition: number;
  /** -1 without a leader. */
  leader: number;
}

export function kafkaPartition(
  links: ResourceLinks,
  clusterId: string,
  topic: string,
  partition: PartitionFacts,
) {
  const path = ["clusters", clusterId, "topics", topic, "partitions", partition.partition] as const;
  return {
    kind: "KafkaPartition",
    metadata: {
      self: links.url(...path),
      resource_name: resourceName(["kafka", clusterId], ["topic", topic], ["partition", partition.partition]),
    },
    cluster_id: clusterId,
    topic_name: topic,
    partition_id: partition.partition,
    leader: partition.leader >= 0 ? links.related(...path, "replicas", partition.leader) : null,
    replicas: links.related(...path, "replicas"),
    reassignment: links.related(...path, "reassignment"),
  };
}

export function kafkaPartitionList(
  links: ResourceLinks,
  clusterId: string,
  topic: string,
  partitions: PartitionFacts[],
) {
  return resourceList(
    "KafkaPartitionList",
    links.url("clusters", clusterId, "topics", topic, "partitions"),
    partitions.map((partition) => kafkaPartition(links, clusterId, topic, partition)),
  );
}

/** Kafka's ConfigSource names, as Confluent answers them. */
const SOURCES: Record<ConfigSource, string> = {
  "dynamic-topic": "DYNAMIC_TOPIC_CONFIG",
  "dynamic-broker": "DYNAMIC_BROKER_CONFIG",
  "dynamic-default-broker": "DYNAMIC_DEFAULT_BROKER_CONFIG",
  "static-broker": "STATIC_BROKER_CONFIG",
  default: "DEFAULT_CONFIG",
  "dynamic-broker-logger": "DYNAMIC_BROKER_LOGGER_CONFIG",
  "client-metrics": "CLIENT_METRICS_CONFIG",
  group: "GROUP_CONFIG",
  unknown: "UNKNOWN",
};

export function confluentSource(source: ConfigSource): string {
  return SOURCES[source];
}

/** Whose configs: a topic, one broker, or the cluster-wide broker default (`broker-configs`). */
export type ConfigOwner =
  { type: "topic"; name: string } | { type: "broker"; id: number } | { type: "broker-default" };

const CONFIG_KINDS = {
  topic: "KafkaTopicConfig",
  broker: "KafkaBrokerConfig",
  "broker-default": "KafkaClusterConfig",
} as const;

function configsPath(clusterId: string, owner: ConfigOwner): (string | number)[] {
  if (owner.type === "topic") return ["clusters", clusterId, "topics", owner.name, "configs"];
  if (owner.type === "broker") return ["clusters", clusterId, "brokers", owner.id, "configs"];
  return ["clusters", clusterId, "broker-configs"];
}

function ownerCrn(owner: ConfigOwner): [string, string | number][] {
  if (owner.type === "topic") return [["topic", owner.name]];
  if (owner.type === "broker") return [["broker", owner.id]];
  return [];
}

/** One config, as Confluent's TopicConfigData / BrokerConfigData / ClusterConfigData. */
export function kafkaConfig(links: ResourceLinks, clusterId: string, owner: ConfigOwner, entry: ConfigEntry) {
  const synonyms = [
    { name: entry.name, value: entry.value, source: confluentSource(entry.source) },
    ...(entry.defaultSource
      ? [{ name: entry.name, value: entry.defaultValue, source: confluentSource(entry.defaultSource) }]
      : []),
  ];
  return {
    kind: CONFIG_KINDS[owner.type],
    metadata: {
      self: links.url(...configsPath(clusterId, owner), entry.name),
      resource_name: resourceName(["kafka", clusterId], ...ownerCrn(owner), ["config", entry.name]),
    },
    cluster_id: clusterId,
    ...(owner.type === "topic" ? { topic_name: owner.name } : {}),
    ...(owner.type === "broker" ? { broker_id: owner.id } : {}),
    ...(owner.type === "broker-default" ? { config_type: "BROKER" } : {}),
    name: entry.name,
    value: entry.value,
    is_default: entry.source === "default",
    is_read_only: entry.readOnly,
    is_sensitive: entry.sensitive,
    source: confluentSource(entry.source),
    synonyms,
  };
}

export function kafkaConfigList(
  links: ResourceLinks,
  clusterId: string,
  owner: ConfigOwner,
  entries: ConfigEntry[],
) {
  return resourceList(
    `${CONFIG_KINDS[owner.type]}List`,
    links.url(...configsPath(clusterId, owner)),
    entries.map((entry) => kafkaConfig(links, clusterId, owner, entry)),
  );
}

export interface BrokerFacts {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export function kafkaBroker(links: ResourceLinks, clusterId: string, broker: BrokerFacts) {
  const path = ["clusters", clusterId, "brokers", broker.nodeId] as const;
  return {
    kind: "KafkaBroker",
    metadata: {
      self: links.url(...path),
      resource_name: resourceName(["kafka", clusterId], ["broker", broker.nodeId]),
    },
    cluster_id: clusterId,
    broker_id: broker.nodeId,
    host: broker.host,
    port: broker.port,
    rack: broker.rack,
    configs: links.related(...path, "configs"),
    partition_replicas: links.related(...path, "partition-replicas"),
  };
}

export function kafkaBrokerList(links: ResourceLinks, clusterId: string, brokers: BrokerFacts[]) {
  return resourceList(
    "KafkaBrokerList",
    links.url("clusters", clusterId, "brokers"),
    brokers.map((broker) => kafkaBroker(links, clusterId, broker)),
  );
}
