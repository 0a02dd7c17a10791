import { describe, expect, it } from "vitest";

import { consumerPreset, producerPreset, readOnlyPreset } from "./presets";
import { describeBinding } from "./types";

const lines = (bindings: Parameters<typeof describeBinding>[0][]) => bindings.map(describeBinding);

describe("presets", () => {
  it("consumer: READ + DESCRIBE on topics, READ on the group", () => {
    const bindings = consumerPreset({
      principal: "User:app",
      host: "*",
      topics: [
        { name: "orders", patternType: "LITERAL" },
        { name: "audit-", patternType: "PREFIXED" },
      ],
      group: { name: "app-", patternType: "PREFIXED" },
    });
    expect(lines(bindings)).toEqual([
      "ALLOW User:app READ on TOPIC orders (LITERAL) from *",
      "ALLOW User:app DESCRIBE on TOPIC orders (LITERAL) from *",
      "ALLOW User:app READ on TOPIC audit-* (PREFIXED) from *",
      "ALLOW User:app DESCRIBE on TOPIC audit-* (PREFIXED) from *",
      "ALLOW User:app READ on GROUP app-* (PREFIXED) from *",
    ]);
  });

  it("producer: WRITE + DESCRIBE, optionally idempotence and a transactional id", () => {
    const topics = [{ name: "orders", patternType: "LITERAL" as const }];
    expect(
      lines(producerPreset({ principal: "User:p", host: "10.0.0.1", topics, idempotent: false })),
    ).toEqual([
      "ALLOW User:p WRITE on TOPIC orders (LITERAL) from 10.0.0.1",
      "ALLOW User:p DESCRIBE on TOPIC orders (LITERAL) from 10.0.0.1",
    ]);
    const full = producerPreset({
      principal: "User:p",
      host: "*",
      topics,
      idempotent: true,
      transactionalId: { name: "tx-", patternType: "PREFIXED" },
    });
    expect(lines(full).slice(2)).toEqual([
      "ALLOW User:p IDEMPOTENT_WRITE on CLUSTER kafka-cluster (LITERAL) from *",
      "ALLOW User:p WRITE on TRANSACTIONAL_ID tx-* (PREFIXED) from *",
      "ALLOW User:p DESCRIBE on TRANSACTIONAL_ID tx-* (PREFIXED) from *",
    ]);
  });

  it("read-only: DESCRIBE and DESCRIBE_CONFIGS on topics, DESCRIBE on groups, never READ", () => {
    const bindings = readOnlyPreset({
      principal: "User:viewer",
      host: "*",
      topics: [{ name: "*", patternType: "LITERAL" }],
      groups: [{ name: "*", patternType: "LITERAL" }],
    });
    expect(lines(bindings)).toEqual([
      "ALLOW User:viewer DESCRIBE on TOPIC * (LITERAL) from *",
      "ALLOW User:viewer DESCRIBE_CONFIGS on TOPIC * (LITERAL) from *",
      "ALLOW User:viewer DESCRIBE on GROUP * (LITERAL) from *",
    ]);
    expect(bindings.some((binding) => binding.operation === "READ")).toBe(false);
  });
});
