import { describe, expect, it } from "vitest";

import {
  assignmentList,
  confluentState,
  consumerList,
  groupData,
  lagList,
  lagSummary,
  partitionLag,
  type V3GroupDetails,
} from "./groups-v3";

const base = "https://console/kafka/v3/clusters/abc";

const group: V3GroupDetails = {
  id: "billing",
  type: "classic",
  state: "Stable",
  protocolType: "consumer",
  protocol: "range",
  coordinator: 1,
  members: [
    {
      memberId: "m-1",
      instanceId: null,
      clientId: "billing-1",
      clientHost: "/10.0.0.1",
      assignment: [{ topic: "orders", partitions: [0, 1] }],
    },
  ],
  partitions: [
    { topic: "orders", partition: 1, committedOffset: "5", logEndOffset: "20", lag: "15" },
    { topic: "orders", partition: 0, committedOffset: "10", logEndOffset: "12", lag: "2" },
    { topic: "orders", partition: 2, committedOffset: null, logEndOffset: "9", lag: null },
  ],
};

describe("consumer group shapes", () => {
  it("answers KafkaConsumerGroup with Confluent's state and related links", () => {
    expect(groupData("abc", base, group)).toMatchObject({
      kind: "KafkaConsumerGroup",
      metadata: {
        self: `${base}/consumer-groups/billing`,
        resource_name: "crn:///kafka=abc/consumer-group=billing",
      },
      consumer_group_id: "billing",
      is_simple: false,
      partition_assignor: "range",
      state: "STABLE",
      coordinator: { related: `${base}/brokers/1` },
      consumers: { related: `${base}/consumer-groups/billing/consumers` },
      lag_summary: { related: `${base}/consumer-groups/billing/lag-summary` },
    });
    expect(confluentState("PreparingRebalance")).toBe("PREPARING_REBALANCE");
    expect(confluentState("")).toBe("UNKNOWN");
  });

  it("lists the consumers with their ids", () => {
    expect(consumerList("abc", base, group).data).toEqual([
      expect.objectContaining({
        kind: "KafkaConsumer",
        consumer_id: "m-1",
        client_id: "billing-1",
        instance_id: null,
      }),
    ]);
  });

  it("answers lags per committed partition, with the member holding it", () => {
    const lags = lagList("abc", base, group);
    expect(lags.kind).toBe("KafkaConsumerLagList");
    expect(
      lags.data.map((row) => [
        row.partition_id,
        row.current_offset,
        row.log_end_offset,
        row.lag,
        row.consumer_id,
      ]),
    ).toEqual([
      [0, 10, 12, 2, "m-1"],
      [1, 5, 20, 15, "m-1"],
    ]);
  });

  it("summarizes the largest and total lag", () => {
    expect(lagSummary("abc", base, group)).toMatchObject({
      kind: "KafkaConsumerGroupLagSummary",
      max_lag: 15,
      total_lag: 17,
      max_lag_topic_name: "orders",
      max_lag_partition_id: 1,
      max_lag_consumer_id: "m-1",
      max_lag_client_id: "billing-1",
      max_lag_consumer: { related: `${base}/consumer-groups/billing/consumers/m-1` },
      max_lag_partition: { related: `${base}/topics/orders/partitions/1` },
    });
    expect(lagSummary("abc", base, { ...group, partitions: [] })).toMatchObject({
      max_lag: 0,
      total_lag: 0,
      max_lag_consumer: null,
    });
  });
});

describe("assignments and one partition's lag", () => {
  it("lists the consumer's partitions with links to the partition and its lag", () => {
    const list = assignmentList("abc", base, "billing", group.members![0]!);
    expect(list.kind).toBe("KafkaConsumerAssignmentList");
    expect(list.data.map((row) => [row.topic_name, row.partition_id, row.lag.related])).toEqual([
      ["orders", 0, `${base}/consumer-groups/billing/lags/orders/partitions/0`],
      ["orders", 1, `${base}/consumer-groups/billing/lags/orders/partitions/1`],
    ]);
  });

  it("finds a committed partition's lag, and none for an uncommitted one", () => {
    expect(partitionLag("abc", base, group, "orders", 1)).toMatchObject({
      kind: "KafkaConsumerLag",
      lag: 15,
    });
    expect(partitionLag("abc", base, group, "orders", 2)).toBeUndefined();
  });
});
