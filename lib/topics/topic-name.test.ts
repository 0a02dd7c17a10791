import { describe, expect, it } from "vitest";

import { collidingTopics, topicNameProblems } from "./topic-name";

describe("topicNameProblems", () => {
  it("takes letters, digits, '.', '_' and '-' up to 249 characters", () => {
    expect(topicNameProblems("orders.eu_v2-raw")).toEqual([]);
    expect(topicNameProblems("a".repeat(249))).toEqual([]);
  });

  it("names the rule a name breaks", () => {
    expect(topicNameProblems("")).toEqual(["Choose a topic"]);
    expect(topicNameProblems("a".repeat(250))).toEqual(["A topic name has at most 249 characters"]);
    expect(topicNameProblems("orders/eu")).toEqual([
      "A topic name has only letters, digits, '.', '_' and '-'",
    ]);
    expect(topicNameProblems("ördes")).toHaveLength(1);
    expect(topicNameProblems(".")).toEqual(["A topic name cannot be '.' or '..'"]);
    expect(topicNameProblems("..")).toEqual(["A topic name cannot be '.' or '..'"]);
  });
});

describe("collidingTopics", () => {
  it("finds existing topics that differ only in '.' against '_'", () => {
    const existing = ["orders_eu", "orders.us", "orders-eu", "orders.eu"];
    expect(collidingTopics("orders.eu", existing)).toEqual(["orders_eu"]);
    expect(collidingTopics("orders_us", existing)).toEqual(["orders.us"]);
    expect(collidingTopics("orders-eu", existing)).toEqual([]);
    expect(collidingTopics("a_b.c", ["a.b_c", "a.b.c", "a_b_c"])).toEqual(["a.b.c", "a.b_c", "a_b_c"]);
  });
});
