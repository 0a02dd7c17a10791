import { describe, expect, it } from "vitest";

import { brokerConfigTargetSchema, brokerIdSchema } from "./brokers";

describe("brokerIdSchema", () => {
  it("takes a node id from a path segment and refuses anything else", () => {
    expect(brokerIdSchema.parse("3")).toBe(3);
    for (const bad of ["-1", "1.5", "abc", String(2 ** 31)])
      expect(brokerIdSchema.safeParse(bad).success).toBe(false);
  });
});

describe("brokerConfigTargetSchema", () => {
  it("names one broker or the cluster-wide default", () => {
    expect(brokerConfigTargetSchema.parse({ cluster: "local", broker: "default" }).broker).toBe("default");
    expect(brokerConfigTargetSchema.parse({ cluster: "local", broker: 2 }).broker).toBe(2);
    expect(brokerConfigTargetSchema.safeParse({ cluster: "local", broker: "defaults" }).success).toBe(false);
    expect(brokerConfigTargetSchema.safeParse({ cluster: "", broker: 1 }).success).toBe(false);
  });
});
