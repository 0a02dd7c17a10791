import { describe, expect, it } from "vitest";

import { alterConfigsSchema, checkConfigValue, planConfigChanges, type ConfigEntry } from "./configs";

const entry = (name: string, value: string | null, more: Partial<ConfigEntry> = {}): ConfigEntry => ({
  name,
  value,
  source: "default",
  sensitive: false,
  readOnly: false,
  type: "string",
  documentation: null,
  defaultValue: value,
  defaultSource: "default",
  ...more,
});

describe("checkConfigValue", () => {
  it("takes whole numbers within the type's range", () => {
    expect(checkConfigValue("long", "604800000")).toBeNull();
    expect(checkConfigValue("long", "-1")).toBeNull();
    expect(checkConfigValue("long", "9223372036854775807")).toBeNull();
    expect(checkConfigValue("long", "9223372036854775808")).toMatch(/Out of range/);
    expect(checkConfigValue("int", "2147483648")).toMatch(/Out of range/);
    expect(checkConfigValue("short", "40000")).toMatch(/Out of range/);
    expect(checkConfigValue("int", "1.5")).toMatch(/whole number/);
    expect(checkConfigValue("int", "")).toMatch(/whole number/);
  });

  it("checks booleans and doubles, and leaves strings and lists to Kafka", () => {
    expect(checkConfigValue("boolean", "TRUE")).toBeNull();
    expect(checkConfigValue("boolean", "yes")).toMatch(/true or false/);
    expect(checkConfigValue("double", "0.5")).toBeNull();
    expect(checkConfigValue("double", "half")).toMatch(/number/);
    expect(checkConfigValue("list", "delete,compact")).toBeNull();
    expect(checkConfigValue("string", "")).toBeNull();
  });
});

describe("planConfigChanges", () => {
  const current = [
    entry("retention.ms", "3600000", {
      type: "long",
      source: "dynamic-topic",
      defaultValue: "604800000",
      defaultSource: "default",
    }),
    entry("cleanup.policy", "delete", { type: "list" }),
    entry("secret", null, { sensitive: true, type: "password", source: "dynamic-topic", defaultValue: null }),
  ];

  it("keeps only what changes: an equal value and a reset of a default are no change", () => {
    const changes = planConfigChanges(current, {
      set: { "retention.ms": "3600000", "cleanup.policy": "compact" },
      reset: ["max.message.bytes"],
    });
    expect(changes).toEqual([
      { name: "cleanup.policy", operation: "set", before: "delete", after: "compact", sensitive: false },
      { name: "max.message.bytes", operation: "reset", before: null, after: null, sensitive: false },
    ]);
    expect(planConfigChanges(current, { set: {}, reset: ["cleanup.policy"] })).toEqual([]);
  });

  it("resets to the value below the topic's own and never shows a sensitive value", () => {
    const changes = planConfigChanges(current, { set: { secret: "hunter2" }, reset: ["retention.ms"] });
    expect(changes).toEqual([
      { name: "retention.ms", operation: "reset", before: "3600000", after: "604800000", sensitive: false },
      { name: "secret", operation: "set", before: null, after: null, sensitive: true },
    ]);
  });

  it("treats a broker's own dynamic value as not default", () => {
    const broker = [entry("log.retention.ms", "1000", { source: "dynamic-broker", defaultValue: "5" })];
    expect(planConfigChanges(broker, { set: {}, reset: ["log.retention.ms"] }, "broker")).toHaveLength(1);
    expect(planConfigChanges(broker, { set: {}, reset: ["log.retention.ms"] }, "broker-default")).toEqual([]);
  });
});

describe("alterConfigsSchema", () => {
  it("wants something to change, and a name either set or reset", () => {
    expect(alterConfigsSchema.safeParse({}).success).toBe(false);
    expect(alterConfigsSchema.safeParse({ set: { a: "1" }, reset: ["a"] }).success).toBe(false);
    expect(alterConfigsSchema.safeParse({ set: { "bad name": "1" } }).success).toBe(false);
    expect(alterConfigsSchema.parse({ reset: ["retention.ms"] })).toEqual({
      set: {},
      reset: ["retention.ms"],
      validateOnly: false,
    });
  });
});
