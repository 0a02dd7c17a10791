import { describe, expect, it } from "vitest";

import type { AclBinding } from "@/lib/acl/types";

import { aclData, aclQuerySchema, bindingOfBody, matchesAclQuery } from "./acls-v3";

const binding = (over: Partial<AclBinding>): AclBinding => ({
  principal: "User:alice",
  host: "*",
  resourceType: "TOPIC",
  resourceName: "orders",
  patternType: "LITERAL",
  operation: "READ",
  permission: "ALLOW",
  ...over,
});

const query = (raw: Record<string, string>) => aclQuerySchema.parse(raw);

describe("ACL filters", () => {
  it("treats ANY and absent fields as any, and others as exact", () => {
    expect(matchesAclQuery(binding({}), query({ resource_type: "ANY", operation: "any" }))).toBe(true);
    expect(matchesAclQuery(binding({}), query({ resource_type: "GROUP" }))).toBe(false);
    expect(matchesAclQuery(binding({}), query({ principal: "User:bob" }))).toBe(false);
    expect(matchesAclQuery(binding({}), query({ resource_name: "orders", pattern_type: "LITERAL" }))).toBe(
      true,
    );
    expect(matchesAclQuery(binding({}), query({ resource_name: "orders", pattern_type: "PREFIXED" }))).toBe(
      false,
    );
  });

  it("MATCH finds the literal, wildcard and prefixed bindings that apply to a name", () => {
    const q = query({ resource_name: "orders-eu", pattern_type: "MATCH" });
    expect(matchesAclQuery(binding({ resourceName: "orders-eu" }), q)).toBe(true);
    expect(matchesAclQuery(binding({ resourceName: "*" }), q)).toBe(true);
    expect(matchesAclQuery(binding({ resourceName: "orders-", patternType: "PREFIXED" }), q)).toBe(true);
    expect(matchesAclQuery(binding({ resourceName: "orders" }), q)).toBe(false);
  });

  it("refuses an unknown enum with the values it takes", () => {
    const parsed = aclQuerySchema.safeParse({ operation: "EAT" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain("operation is one of ANY, ALL, READ");
  });
});

describe("ACL shapes", () => {
  it("reads the create body in Confluent's names, host * by default", () => {
    expect(
      bindingOfBody({
        resource_type: "topic",
        resource_name: "orders",
        pattern_type: "literal",
        principal: "User:alice",
        operation: "read",
        permission: "allow",
      }),
    ).toEqual(binding({}));
  });

  it("answers KafkaAcl with a self link naming the binding", () => {
    const data = aclData("abc", "https://c/kafka/v3/clusters/abc", binding({}));
    expect(data).toMatchObject({
      kind: "KafkaAcl",
      cluster_id: "abc",
      resource_type: "TOPIC",
      operation: "READ",
    });
    expect(data.metadata.self).toBe(
      "https://c/kafka/v3/clusters/abc/acls?resource_type=TOPIC&resource_name=orders&pattern_type=LITERAL&principal=User%3Aalice&host=*&operation=READ&permission=ALLOW",
    );
  });
});
