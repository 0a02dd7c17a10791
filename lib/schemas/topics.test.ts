import { describe, expect, it } from "vitest";

import { topicNameSchema } from "./topics";

describe("topicNameSchema", () => {
  it.each(["orders", "tp.orders_v2-eu", "_internal", "...", "t".repeat(249)])("accepts %j", (name) => {
    expect(topicNameSchema.safeParse(name).success).toBe(true);
  });

  it.each([
    ["", "Choose a topic"],
    [".", "cannot be '.' or '..'"],
    ["..", "cannot be '.' or '..'"],
    ["bad topic", "only letters, digits"],
    ["orders/eu", "only letters, digits"],
    ["ördersé", "only letters, digits"],
    ["t".repeat(250), "at most 249 characters"],
  ])("refuses %j: %s", (name, message) => {
    const parsed = topicNameSchema.safeParse(name);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message).join(" ")).toContain(message);
  });
});
