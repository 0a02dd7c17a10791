import { describe, expect, it } from "vitest";

import { produceMessagesSchema } from "./messages";
import { schemaChoiceSchema, topicNameOfSubject } from "./schema-produce";

describe("topicNameOfSubject", () => {
  it("strips -key and -value (TopicNameStrategy)", () => {
    expect(topicNameOfSubject("orders-value")).toEqual({ topic: "orders", part: "value" });
    expect(topicNameOfSubject("orders-key")).toEqual({ topic: "orders", part: "key" });
    expect(topicNameOfSubject("a-key-value")).toEqual({ topic: "a-key", part: "value" });
  });

  it("names no topic for other strategies' subjects", () => {
    expect(topicNameOfSubject("shop.Order")).toBeUndefined();
    expect(topicNameOfSubject("-value")).toBeUndefined();
    expect(topicNameOfSubject("orders-values")).toBeUndefined();
  });
});

describe("schema choices in a produce request", () => {
  it("defaults the version to the latest and coerces a typed one", () => {
    expect(schemaChoiceSchema.parse({ subject: "orders-value" })).toEqual({
      subject: "orders-value",
      version: "latest",
    });
    expect(schemaChoiceSchema.parse({ subject: "s", version: "3" })).toEqual({ subject: "s", version: 3 });
    expect(schemaChoiceSchema.safeParse({ subject: " ", version: 0 }).success).toBe(false);
  });

  it("wants the value as JSON with a value schema, and a key to encode with a key schema", () => {
    const base = { topic: "orders", value: "{}" };
    expect(
      produceMessagesSchema.safeParse({ ...base, value: "not json", valueSchema: { subject: "s" } }).success,
    ).toBe(false);
    expect(produceMessagesSchema.safeParse({ ...base, valueSchema: { subject: "s" } }).success).toBe(true);
    const keyless = produceMessagesSchema.safeParse({ ...base, keySchema: { subject: "k" } });
    expect(keyless.success).toBe(false);
    expect(keyless.error?.issues[0]?.path).toEqual(["key"]);
  });
});
