import { describe, expect, it } from "vitest";

import type { ConfigEntry } from "@/lib/schemas/configs";

import { ResourceLinks } from "./resources";
import {
  kafkaBroker,
  kafkaConfig,
  kafkaConfigList,
  kafkaPartition,
  kafkaTopic,
  kafkaTopicList,
} from "./shapes";

const links = new ResourceLinks("http://console");
const BASE = "http://console/kafka/v3/clusters/abc";

describe("Confluent v3 shapes", () => {
  it("KafkaTopic", () => {
    expect(
      kafkaTopic(links, "abc", { name: "orders", internal: false, partitions: 3, replicationFactor: 1 }),
    ).toEqual({
      kind: "KafkaTopic",
      metadata: { self: `${BASE}/topics/orders`, resource_name: "crn:///kafka=abc/topic=orders" },
      cluster_id: "abc",
      topic_name: "orders",
      is_internal: false,
      replication_factor: 1,
      partitions_count: 3,
      partitions: { related: `${BASE}/topics/orders/partitions` },
      configs: { related: `${BASE}/topics/orders/configs` },
      partition_reassignments: { related: `${BASE}/topics/orders/partitions/-/reassignment` },
      authorized_operations: [],
    });
    const list = kafkaTopicList(links, "abc", []);
    expect(list).toEqual({
      kind: "KafkaTopicList",
      metadata: { self: `${BASE}/topics`, next: null },
      data: [],
    });
  });

  it("KafkaPartition, with no leader link when there is no leader", () => {
    const partition = kafkaPartition(links, "abc", "orders", { partition: 2, leader: 1 });
    expect(partition).toMatchObject({
      kind: "KafkaPartition",
      metadata: {
        self: `${BASE}/topics/orders/partitions/2`,
        resource_name: "crn:///kafka=abc/topic=orders/partition=2",
      },
      partition_id: 2,
      leader: { related: `${BASE}/topics/orders/partitions/2/replicas/1` },
    });
    expect(kafkaPartition(links, "abc", "orders", { partition: 0, leader: -1 }).leader).toBeNull();
  });

  const entry: ConfigEntry = {
    name: "retention.ms",
    value: "1000",
    source: "dynamic-topic",
    sensitive: false,
    readOnly: false,
    type: "long",
    documentation: null,
    defaultValue: "604800000",
    defaultSource: "default",
  };

  it("KafkaTopicConfig with synonyms and Kafka's source names", () => {
    expect(kafkaConfig(links, "abc", { type: "topic", name: "orders" }, entry)).toEqual({
      kind: "KafkaTopicConfig",
      metadata: {
        self: `${BASE}/topics/orders/configs/retention.ms`,
        resource_name: "crn:///kafka=abc/topic=orders/config=retention.ms",
      },
      cluster_id: "abc",
      topic_name: "orders",
      name: "retention.ms",
      value: "1000",
      is_default: false,
      is_read_only: false,
      is_sensitive: false,
      source: "DYNAMIC_TOPIC_CONFIG",
      synonyms: [
        { name: "retention.ms", value: "1000", source: "DYNAMIC_TOPIC_CONFIG" },
        { name: "retention.ms", value: "604800000", source: "DEFAULT_CONFIG" },
      ],
    });
  });

  it("broker and cluster-wide configs", () => {
    expect(kafkaConfig(links, "abc", { type: "broker", id: 1 }, entry)).toMatchObject({
      kind: "KafkaBrokerConfig",
      broker_id: 1,
      metadata: { self: `${BASE}/brokers/1/configs/retention.ms` },
    });
    const list = kafkaConfigList(links, "abc", { type: "broker-default" }, [entry]);
    expect(list.kind).toBe("KafkaClusterConfigList");
    expect(list.metadata.self).toBe(`${BASE}/broker-configs`);
    expect(list.data[0]).toMatchObject({ kind: "KafkaClusterConfig", config_type: "BROKER" });
  });

  it("KafkaBroker", () => {
    expect(kafkaBroker(links, "abc", { nodeId: 1, host: "localhost", port: 9092, rack: null })).toEqual({
      kind: "KafkaBroker",
      metadata: { self: `${BASE}/brokers/1`, resource_name: "crn:///kafka=abc/broker=1" },
      cluster_id: "abc",
      broker_id: 1,
      host: "localhost",
      port: 9092,
      rack: null,
      configs: { related: `${BASE}/brokers/1/configs` },
      partition_replicas: { related: `${BASE}/brokers/1/partition-replicas` },
    });
  });
});
