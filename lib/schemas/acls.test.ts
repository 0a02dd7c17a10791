import { describe, expect, it } from "vitest";
import { z } from "zod";

import {
  aclBindingSchema,
  aclFilterSchema,
  bindingsOfCreateRequest,
  checkAccessSchema,
  consumerPresetSchema,
  createAclsRequestSchema,
  createAclsSchema,
  deleteAclsSchema,
  expandCreateAcls,
} from "./acls";

const valid = {
  principal: "User:app",
  host: "*",
  resourceType: "TOPIC",
  resourceName: "orders",
  patternType: "LITERAL",
  operation: "READ",
  permission: "ALLOW",
};

function messages(result: { success: boolean; error?: z.ZodError }): string[] {
  return result.error ? result.error.issues.map((issue) => issue.message) : [];
}

describe("aclBindingSchema", () => {
  it("accepts a valid binding and IPv4/IPv6 hosts", () => {
    expect(aclBindingSchema.parse(valid)).toEqual(valid);
    expect(aclBindingSchema.safeParse({ ...valid, host: "10.1.2.3" }).success).toBe(true);
    expect(aclBindingSchema.safeParse({ ...valid, host: "::1" }).success).toBe(true);
  });

  it.each([
    ["empty principal", { principal: "" }, "Enter a principal"],
    ["principal without type", { principal: "app" }, "type prefix is missing"],
    ["host name", { host: "broker.example.com" }, "one IP address"],
    ["empty LITERAL name", { resourceName: "" }, "Enter a resource name"],
    ["empty prefix", { resourceName: " ", patternType: "PREFIXED" }, "Enter a prefix"],
    [
      "READ on CLUSTER",
      { resourceType: "CLUSTER", resourceName: "kafka-cluster", operation: "READ" },
      "CLUSTER has no READ operation",
    ],
    ["WRITE on GROUP", { resourceType: "GROUP", operation: "WRITE" }, "GROUP has no WRITE operation"],
    ["ANY pattern", { patternType: "ANY" }, "LITERAL or PREFIXED"],
    [
      "other cluster name",
      { resourceType: "CLUSTER", resourceName: "x", operation: "ALTER" },
      "kafka-cluster",
    ],
  ])("refuses %s with a specific message", (_name, overrides, message) => {
    const result = aclBindingSchema.safeParse({ ...valid, ...overrides });
    expect(result.success).toBe(false);
    expect(messages(result).join(" | ")).toContain(message);
  });

  it("fills in the cluster's name", () => {
    const parsed = aclBindingSchema.parse({
      ...valid,
      resourceType: "CLUSTER",
      resourceName: "",
      operation: "ALTER",
    });
    expect(parsed.resourceName).toBe("kafka-cluster");
  });
});

describe("control characters", () => {
  it.each([
    ["a newline in the resource name", { resourceName: "orders\nevil" }, "resource name", "U+000A LINE FEED"],
    ["a tab in the principal", { principal: "User:app\tx" }, "principal", "U+0009 CHARACTER TABULATION"],
    ["a NUL in the principal", { principal: "User:\u0000app" }, "principal", "U+0000 NULL"],
    ["DEL in the resource name", { resourceName: "a\u007fb" }, "resource name", "U+007F DELETE"],
    ["a C1 control", { resourceName: "a\u0085b" }, "resource name", "U+0085 NEXT LINE"],
    ["a line separator", { resourceName: "a\u2028b" }, "resource name", "U+2028 LINE SEPARATOR"],
    ["a bidi override", { principal: "User:\u202eppa" }, "principal", "U+202E RIGHT-TO-LEFT OVERRIDE"],
    ["a carriage return in the host", { host: "10.0.0.1\r1" }, "host", "U+000D CARRIAGE RETURN"],
  ])("refuses %s, naming the character and where it is", (_name, overrides, field, character) => {
    const result = aclBindingSchema.safeParse({ ...valid, ...overrides });
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual([expect.stringContaining(character)]);
    expect(messages(result)[0]).toMatch(new RegExp(`^The ${field} contains`));
  });

  it("refuses them in the create form, the access check and the presets", () => {
    const created = createAclsSchema.safeParse({
      principal: "User:app",
      resources: [{ resourceType: "TOPIC", resourceName: "a\nb" }],
      operations: ["READ"],
    });
    expect(messages(created)).toEqual([expect.stringContaining("U+000A LINE FEED")]);
    const checked = checkAccessSchema.safeParse({
      principal: "User:a\nb",
      host: "10.0.0.1",
      resourceType: "TOPIC",
      resourceName: "orders",
      operation: "READ",
    });
    expect(messages(checked)).toEqual([expect.stringContaining("U+000A LINE FEED")]);
    const preset = consumerPresetSchema.safeParse({
      principal: "User:app",
      topics: [{ name: "orders\u000b" + "x" }],
      group: { name: "g\u001bx" },
    });
    expect(messages(preset)).toEqual([
      expect.stringContaining("U+000B LINE TABULATION"),
      expect.stringContaining("U+001B ESCAPE"),
    ]);
  });

  it("still accepts other Unicode, and trims surrounding whitespace as before", () => {
    expect(aclBindingSchema.safeParse({ ...valid, principal: "User:zürich-ünit" }).success).toBe(true);
    expect(aclBindingSchema.parse({ ...valid, resourceName: "orders\n" }).resourceName).toBe("orders");
  });
});

describe("createAclsSchema", () => {
  it("expands resources times operations", () => {
    const input = createAclsSchema.parse({
      principal: "User:app",
      resources: [
        { resourceType: "TOPIC", resourceName: "a" },
        { resourceType: "TOPIC", resourceName: "b-", patternType: "PREFIXED" },
      ],
      operations: ["READ", "DESCRIBE"],
    });
    const bindings = expandCreateAcls(input);
    expect(bindings).toHaveLength(4);
    expect(bindings[0]).toEqual({ ...valid, resourceName: "a" });
  });

  it("refuses an operation one of the resources does not have", () => {
    const result = createAclsSchema.safeParse({
      principal: "User:app",
      resources: [{ resourceType: "GROUP", resourceName: "g" }],
      operations: ["WRITE"],
    });
    expect(messages(result)).toEqual(["GROUP has no WRITE operation (it has ALL, READ, DELETE, DESCRIBE)"]);
  });

  it("takes explicit bindings too", () => {
    const request = createAclsRequestSchema.parse({ bindings: [valid, valid] });
    expect(bindingsOfCreateRequest(request)).toEqual([valid]);
  });
});

describe("deleteAclsSchema", () => {
  it("accepts any binding the broker may list, even one the console would not create", () => {
    const foreign = {
      ...valid,
      resourceType: "CLUSTER",
      resourceName: "kafka-cluster",
      host: "client.example.com",
    };
    expect(deleteAclsSchema.parse({ bindings: [foreign] })).toEqual({ bindings: [foreign] });
    expect(deleteAclsSchema.safeParse({ bindings: [] }).success).toBe(false);
    expect(deleteAclsSchema.safeParse({ bindings: [{ ...valid, patternType: "ANY" }] }).success).toBe(false);
  });
});

describe("aclFilterSchema", () => {
  it("treats empty query parameters as absent", () => {
    expect(aclFilterSchema.parse({ principal: "", operation: "READ", q: "" })).toEqual({ operation: "READ" });
  });
});
