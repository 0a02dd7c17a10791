import { describe, expect, it } from "vitest";

import {
  toAlterConfigsRequest,
  toCreateTopicRequest,
  v3AlterConfigsSchema,
  v3CreateTopicSchema,
} from "./requests";

const DEFAULTS = { partitions: 1, replicationFactor: 1 };

describe("create topic", () => {
  it("translates the seed's body", () => {
    const body = v3CreateTopicSchema.parse({
      topic_name: "orders",
      partitions_count: 3,
      replication_factor: 1,
    });
    expect(toCreateTopicRequest(body, DEFAULTS)).toEqual({
      ok: true,
      request: { name: "orders", partitions: 3, replicationFactor: 1, configs: {}, validateOnly: false },
    });
  });

  it("fills missing counts with the brokers' defaults and keeps configs and validate_only", () => {
    const body = v3CreateTopicSchema.parse({
      topic_name: "orders",
      configs: [{ name: "cleanup.policy", value: "compact" }],
      validate_only: true,
    });
    expect(toCreateTopicRequest(body, { partitions: 6, replicationFactor: 3 })).toMatchObject({
      ok: true,
      request: {
        partitions: 6,
        replicationFactor: 3,
        configs: { "cleanup.policy": "compact" },
        validateOnly: true,
      },
    });
  });

  it("reports the form's checks under Confluent's field names", () => {
    const body = v3CreateTopicSchema.parse({
      topic_name: "bad name!",
      partitions_count: 0,
      replication_factor: 1,
    });
    const result = toCreateTopicRequest(body, DEFAULTS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fields).sort()).toEqual(["partitions_count", "topic_name"]);
  });
});

describe("configs:alter", () => {
  it("splits SET and DELETE", () => {
    const body = v3AlterConfigsSchema.parse({
      data: [
        { name: "retention.ms", value: "1000" },
        { name: "cleanup.policy", operation: "delete" },
      ],
    });
    expect(toAlterConfigsRequest(body)).toEqual({
      ok: true,
      request: { set: { "retention.ms": "1000" }, reset: ["cleanup.policy"], validateOnly: false },
    });
  });

  it("refuses a SET without a value and a config listed twice", () => {
    expect(toAlterConfigsRequest(v3AlterConfigsSchema.parse({ data: [{ name: "retention.ms" }] }))).toEqual({
      ok: false,
      message: "Config retention.ms: operation SET needs a value.",
    });
    const twice = v3AlterConfigsSchema.parse({
      data: [
        { name: "retention.ms", value: "1" },
        { name: "retention.ms", operation: "DELETE" },
      ],
    });
    expect(toAlterConfigsRequest(twice).ok).toBe(false);
  });

  it("refuses an unknown operation and an empty batch", () => {
    expect(v3AlterConfigsSchema.safeParse({ data: [{ name: "a", operation: "APPEND" }] }).success).toBe(
      false,
    );
    expect(v3AlterConfigsSchema.safeParse({ data: [] }).success).toBe(false);
  });
});
