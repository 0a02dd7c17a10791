import { describe, expect, it } from "vitest";

import { checkAccess, whoCan, type AccessRequest } from "./matcher";
import type { AclBinding } from "./types";
import { binding } from "@/test/fixtures/acl-binding";

const allow = binding;
const deny = (overrides: Partial<AclBinding>): AclBinding => allow({ permission: "DENY", ...overrides });

const request = (overrides: Partial<AccessRequest> = {}): AccessRequest => ({
  principal: "User:app",
  host: "10.0.0.1",
  resourceType: "TOPIC",
  resourceName: "orders",
  operation: "READ",
  ...overrides,
});

const superUsers = ["User:kafka-broker", "User:kafka-console"];

const cases: [string, AclBinding[], Partial<AccessRequest>, "ALLOWED" | "DENIED", string][] = [
  ["super user without bindings", [], { principal: "User:kafka-console" }, "ALLOWED", "super-user"],
  [
    "super user despite a DENY",
    [deny({ principal: "User:kafka-console" })],
    { principal: "User:kafka-console" },
    "ALLOWED",
    "super-user",
  ],
  ["no bindings at all", [], {}, "DENIED", "no-match"],
  ["exact LITERAL allow", [allow({})], {}, "ALLOWED", "allow"],
  ["LITERAL is not a prefix", [allow({ resourceName: "ord" })], {}, "DENIED", "no-match"],
  [
    "PREFIXED covers the name",
    [allow({ resourceName: "ord", patternType: "PREFIXED" })],
    {},
    "ALLOWED",
    "allow",
  ],
  ["PREFIXED equal to the name", [allow({ patternType: "PREFIXED" })], {}, "ALLOWED", "allow"],
  ["PREFIXED elsewhere", [allow({ resourceName: "pay", patternType: "PREFIXED" })], {}, "DENIED", "no-match"],
  ["LITERAL * matches every topic", [allow({ resourceName: "*" })], {}, "ALLOWED", "allow"],
  [
    "PREFIXED * is a literal prefix",
    [allow({ resourceName: "*", patternType: "PREFIXED" })],
    {},
    "DENIED",
    "no-match",
  ],
  ["other resource type", [allow({ resourceType: "GROUP" })], {}, "DENIED", "no-match"],
  ["User:* matches everyone", [allow({ principal: "User:*" })], {}, "ALLOWED", "allow"],
  ["User:a* is no wildcard", [allow({ principal: "User:a*" })], {}, "DENIED", "no-match"],
  ["another principal", [allow({ principal: "User:other" })], {}, "DENIED", "no-match"],
  ["exact host", [allow({ host: "10.0.0.1" })], {}, "ALLOWED", "allow"],
  ["other host", [allow({ host: "10.0.0.2" })], {}, "DENIED", "no-match"],
  ["DENY wins over ALLOW", [allow({}), deny({})], {}, "DENIED", "deny"],
  [
    "DENY User:* wins over a specific ALLOW",
    [allow({}), deny({ principal: "User:*" })],
    {},
    "DENIED",
    "deny",
  ],
  [
    "DENY PREFIXED wins over LITERAL ALLOW",
    [allow({}), deny({ resourceName: "o", patternType: "PREFIXED" })],
    {},
    "DENIED",
    "deny",
  ],
  ["DENY ALL wins", [allow({}), deny({ operation: "ALL" })], {}, "DENIED", "deny"],
  ["DENY from another host does not apply", [allow({}), deny({ host: "10.0.0.9" })], {}, "ALLOWED", "allow"],
  ["DENY from this host applies", [allow({}), deny({ host: "10.0.0.1" })], {}, "DENIED", "deny"],
  ["DENY WRITE leaves READ", [allow({}), deny({ operation: "WRITE" })], {}, "ALLOWED", "allow"],
  [
    "DENY READ does not deny DESCRIBE",
    [allow({ operation: "DESCRIBE" }), deny({})],
    { operation: "DESCRIBE" },
    "ALLOWED",
    "allow",
  ],
  ["ALLOW ALL grants WRITE", [allow({ operation: "ALL" })], { operation: "WRITE" }, "ALLOWED", "allow"],
  ["READ implies DESCRIBE", [allow({})], { operation: "DESCRIBE" }, "ALLOWED", "allow"],
  ["WRITE implies DESCRIBE", [allow({ operation: "WRITE" })], { operation: "DESCRIBE" }, "ALLOWED", "allow"],
  [
    "DELETE implies DESCRIBE",
    [allow({ operation: "DELETE" })],
    { operation: "DESCRIBE" },
    "ALLOWED",
    "allow",
  ],
  ["ALTER implies DESCRIBE", [allow({ operation: "ALTER" })], { operation: "DESCRIBE" }, "ALLOWED", "allow"],
  ["DESCRIBE does not imply READ", [allow({ operation: "DESCRIBE" })], {}, "DENIED", "no-match"],
  [
    "CREATE does not imply DESCRIBE",
    [allow({ operation: "CREATE" })],
    { operation: "DESCRIBE" },
    "DENIED",
    "no-match",
  ],
  [
    "ALTER_CONFIGS implies DESCRIBE_CONFIGS",
    [allow({ operation: "ALTER_CONFIGS" })],
    { operation: "DESCRIBE_CONFIGS" },
    "ALLOWED",
    "allow",
  ],
  [
    "DESCRIBE_CONFIGS does not imply ALTER_CONFIGS",
    [allow({ operation: "DESCRIBE_CONFIGS" })],
    { operation: "ALTER_CONFIGS" },
    "DENIED",
    "no-match",
  ],
  [
    "DENY DESCRIBE blocks an implied DESCRIBE",
    [allow({}), deny({ operation: "DESCRIBE" })],
    { operation: "DESCRIBE" },
    "DENIED",
    "deny",
  ],
  [
    "group READ by prefix",
    [allow({ resourceType: "GROUP", resourceName: "billing-", patternType: "PREFIXED" })],
    { resourceType: "GROUP", resourceName: "billing-eu" },
    "ALLOWED",
    "allow",
  ],
  [
    "cluster IDEMPOTENT_WRITE",
    [allow({ resourceType: "CLUSTER", resourceName: "kafka-cluster", operation: "IDEMPOTENT_WRITE" })],
    { resourceType: "CLUSTER", resourceName: "kafka-cluster", operation: "IDEMPOTENT_WRITE" },
    "ALLOWED",
    "allow",
  ],
];

describe("checkAccess", () => {
  it.each(cases)("%s", (_name, bindings, overrides, decision, reason) => {
    const result = checkAccess(bindings, request(overrides), { superUsers });
    expect({ decision: result.decision, reason: result.reason }).toEqual({ decision, reason });
  });

  it("names the deciding bindings: the DENYs when denied, the ALLOWs when allowed", () => {
    const granting = allow({ resourceName: "ord", patternType: "PREFIXED" });
    const blocking = deny({ principal: "User:*" });
    expect(checkAccess([granting, allow({ resourceName: "other" })], request()).deciding).toEqual([granting]);
    expect(checkAccess([granting, blocking], request()).deciding).toEqual([blocking]);
  });

  it("treats nobody as a super user without the option", () => {
    expect(checkAccess([], request({ principal: "User:kafka-console" })).decision).toBe("DENIED");
  });
});

describe("whoCan", () => {
  it("lists each principal's allowed and denied operations on the resource", () => {
    const bindings = [
      allow({ principal: "User:reader" }),
      allow({ principal: "User:writer", operation: "WRITE", resourceName: "ord", patternType: "PREFIXED" }),
      deny({ principal: "User:writer", operation: "READ", host: "10.0.0.5" }),
      allow({ principal: "User:elsewhere", resourceName: "payments" }),
    ];
    const access = whoCan(bindings, { resourceType: "TOPIC", resourceName: "orders" });
    expect(access.map((entry) => entry.principal)).toEqual(["User:reader", "User:writer"]);
    const summary = (principal: string) =>
      access
        .find((entry) => entry.principal === principal)!
        .operations.map((entry) => `${entry.operation}:${entry.decision}`);
    expect(summary("User:reader")).toEqual(["READ:ALLOWED", "DESCRIBE:ALLOWED"]);
    expect(summary("User:writer")).toEqual(["READ:DENIED", "WRITE:ALLOWED", "DESCRIBE:ALLOWED"]);
    // The deciding bindings keep their real host.
    const readDenied = access[1]!.operations.find((entry) => entry.operation === "READ")!;
    expect(readDenied.deciding[0]!.host).toBe("10.0.0.5");
  });

  it("honours the host when one is given", () => {
    const bindings = [allow({}), deny({ host: "10.0.0.5" })];
    const from = (host: string) =>
      whoCan(bindings, { resourceType: "TOPIC", resourceName: "orders" }, { host })[0]!.operations[0]!
        .decision;
    expect(from("10.0.0.5")).toBe("DENIED");
    expect(from("10.0.0.6")).toBe("ALLOWED");
  });
});
