import { describe, expect, it } from "vitest";

import type { AclBinding } from "@/lib/acl/types";
import { aclLintErrorCount, countErrors, rememberAclLintErrorCount } from "./acl-lint-errors";

const binding = (principal: string): AclBinding => ({
  principal,
  host: "*",
  resourceType: "TOPIC",
  resourceName: "orders",
  patternType: "LITERAL",
  operation: "READ",
  permission: "ALLOW",
});

describe("countErrors", () => {
  it("counts the linter's errors only, from the bindings alone", () => {
    // A wildcard inside a name is an error; a principal that is not User: is a warning.
    expect(countErrors([binding("User:*.clients"), binding("Group:ops"), binding("User:orders")])).toBe(1);
    expect(countErrors([binding("User:*")])).toBe(0);
  });
});

describe("aclLintErrorCount", () => {
  it("answers what the ACL page remembered for a minute, without asking the cluster", async () => {
    // "nowhere" is no configured cluster: a call to the cluster would answer null.
    rememberAclLintErrorCount("nowhere", 3, 1_000);
    await expect(aclLintErrorCount("nowhere", 1_000 + 59_000)).resolves.toBe(3);
  });
});
