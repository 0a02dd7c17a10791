import { describe, expect, it } from "vitest";

import type { ConfigEntry } from "@/lib/schemas/configs";

import { defaultConfigEntries } from "./default-config-entries";

const entry = (name: string, fields: Partial<ConfigEntry>): ConfigEntry => ({
  name,
  value: "1",
  source: "default",
  sensitive: false,
  readOnly: false,
  type: "int",
  documentation: `about ${name}`,
  defaultValue: null,
  defaultSource: null,
  ...fields,
});

describe("defaultConfigEntries", () => {
  it("lists the broker's dynamic configs, with the default's value where set and the fallback elsewhere", () => {
    const merged = defaultConfigEntries(
      [
        entry("broker.id", { readOnly: true, source: "static-broker" }),
        entry("message.max.bytes", { value: "2000000", source: "dynamic-default-broker" }),
        entry("log.cleaner.threads", {
          value: "4",
          source: "dynamic-broker",
          defaultValue: "1",
          defaultSource: "default",
        }),
        entry("num.io.threads", { value: "8", source: "static-broker" }),
      ],
      [
        entry("message.max.bytes", {
          value: "2000000",
          source: "dynamic-default-broker",
          documentation: null,
        }),
        entry("only.elsewhere", { value: "x", source: "dynamic-default-broker", type: "string" }),
      ],
    );
    expect(merged.map(({ name, value, source }) => [name, value, source])).toEqual([
      ["log.cleaner.threads", "1", "default"],
      ["message.max.bytes", "2000000", "dynamic-default-broker"],
      ["num.io.threads", "8", "static-broker"],
      ["only.elsewhere", "x", "dynamic-default-broker"],
    ]);
    // The broker's documentation stays where the default's answer has none.
    expect(merged[1]!.documentation).toBe("about message.max.bytes");
  });
});
