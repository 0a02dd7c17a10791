import { describe, expect, it } from "vitest";

import {
  describeEntity,
  entityComponents,
  entityFromComponents,
  entityKind,
  quotaAlterSchema,
  quotaChanges,
  quotaValuesAfter,
  quotaValueProblem,
} from "./quotas";

describe("quota entities", () => {
  it("round-trips Kafka's components, null being the default", () => {
    const components = [
      { entityType: "user" as const, entityName: "alice" },
      { entityType: "client-id" as const, entityName: null },
    ];
    const entity = entityFromComponents(components);
    expect(entity).toEqual({ user: "alice", clientId: null });
    expect(entityComponents(entity)).toEqual(components);
    expect(describeEntity(entity)).toBe("user alice, client-id <default>");
    expect(entityKind(entity)).toBe("user+client-id");
    expect(entityKind({ clientId: "app" })).toBe("client-id");
    expect(entityKind(entityFromComponents([{ entityType: "ip", entityName: "10.0.0.1" }]))).toBe("ip");
  });
});

describe("quotaAlterSchema", () => {
  it("takes typed values and removals for a client id", () => {
    const parsed = quotaAlterSchema.parse({
      entity: { clientId: "billing" },
      set: { producer_byte_rate: "20480", request_percentage: 12.5 },
      remove: ["consumer_byte_rate"],
    });
    expect(parsed).toEqual({
      entity: { clientId: "billing" },
      set: { producer_byte_rate: 20480, request_percentage: 12.5 },
      remove: ["consumer_byte_rate"],
    });
  });

  it("takes the default user (null)", () => {
    expect(quotaAlterSchema.parse({ entity: { user: null }, remove: ["producer_byte_rate"] }).entity).toEqual(
      {
        user: null,
      },
    );
  });

  it("refuses no entity, empty names, unknown keys, nothing to do, and a key both set and removed", () => {
    const fails = (input: unknown) => quotaAlterSchema.safeParse(input).success === false;
    expect(fails({ entity: {}, set: { producer_byte_rate: 1 } })).toBe(true);
    expect(fails({ entity: { user: "" }, set: { producer_byte_rate: 1 } })).toBe(true);
    expect(fails({ entity: { ip: "1.2.3.4" }, set: { producer_byte_rate: 1 } })).toBe(true);
    expect(fails({ entity: { user: "a" }, set: { bogus_rate: 1 } })).toBe(true);
    expect(fails({ entity: { user: "a" } })).toBe(true);
    expect(
      fails({ entity: { user: "a" }, set: { producer_byte_rate: 1 }, remove: ["producer_byte_rate"] }),
    ).toBe(true);
  });

  it("refuses values Kafka would not take", () => {
    expect(quotaValueProblem("producer_byte_rate", 0)).toMatch(/Greater than 0/);
    expect(quotaValueProblem("producer_byte_rate", 1.5)).toMatch(/Whole bytes/);
    expect(quotaValueProblem("request_percentage", 1.5)).toBeNull();
    expect(quotaValueProblem("consumer_byte_rate", Number.NaN)).toBe("A number");
    const result = quotaAlterSchema.safeParse({ entity: { user: "a" }, set: { producer_byte_rate: "fast" } });
    expect(result.error?.issues[0]?.path).toEqual(["set", "producer_byte_rate"]);
  });
});

describe("quotaChanges", () => {
  it("lists old → new for what is set or removed only", () => {
    expect(
      quotaChanges(
        { producer_byte_rate: 1024, consumer_byte_rate: 2048 },
        { set: { producer_byte_rate: 4096, request_percentage: 50 }, remove: ["consumer_byte_rate"] },
      ),
    ).toEqual([
      { key: "producer_byte_rate", before: 1024, after: 4096 },
      { key: "consumer_byte_rate", before: 2048, after: null },
      { key: "request_percentage", before: null, after: 50 },
    ]);
  });
});

describe("quotaValuesAfter", () => {
  it("applies what is set and removed to what the entity had, and keeps the rest", () => {
    expect(
      quotaValuesAfter(
        { producer_byte_rate: 1024, consumer_byte_rate: 2048, controller_mutation_rate: 5 },
        { set: { producer_byte_rate: 4096, request_percentage: 50 }, remove: ["consumer_byte_rate"] },
      ),
    ).toEqual({ producer_byte_rate: 4096, controller_mutation_rate: 5, request_percentage: 50 });
    expect(
      quotaValuesAfter({ producer_byte_rate: 20480 }, { set: {}, remove: ["producer_byte_rate"] }),
    ).toEqual({});
  });
});
