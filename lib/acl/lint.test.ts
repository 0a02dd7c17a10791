import { describe, expect, it } from "vitest";

import { lintAcls } from "./lint";
import type { AclBinding } from "./types";
import { binding } from "@/test/fixtures/acl-binding";

const codes = (bindings: AclBinding[], context = {}) =>
  lintAcls(bindings, context).map((finding) => finding.code);

describe("lintAcls", () => {
  it("finds nothing in a clean set", () => {
    expect(
      lintAcls([binding(), binding({ principal: "User:*", operation: "DESCRIBE" })], { topics: ["orders"] }),
    ).toEqual([]);
  });

  it("flags principals with * other than exactly User:*", () => {
    const findings = lintAcls([binding({ principal: "User:app-*" }), binding({ principal: "User:*" })]);
    expect(findings.map((finding) => [finding.code, finding.severity])).toEqual([
      ["wildcard-principal", "error"],
    ]);
    expect(findings[0]!.bindings).toHaveLength(1);
  });

  it("flags principals without the User: prefix", () => {
    expect(codes([binding({ principal: "Group:ops" })])).toEqual(["principal-type"]);
    expect(codes([binding({ principal: "user:app" })])).toEqual(["principal-type"]);
  });

  it("flags an ALLOW shadowed by a DENY, naming both", () => {
    const allowed = binding();
    const denied = binding({
      principal: "User:*",
      resourceName: "ord",
      patternType: "PREFIXED",
      operation: "ALL",
      permission: "DENY",
    });
    const findings = lintAcls([allowed, denied]);
    expect(findings.map((finding) => finding.code)).toEqual(["shadowed-by-deny"]);
    expect(findings[0]!.bindings).toEqual([allowed, denied]);
  });

  it("does not flag a DENY that covers only part of the ALLOW", () => {
    const cases: Partial<AclBinding>[] = [
      { operation: "WRITE" },
      { host: "10.0.0.1" },
      { principal: "User:other" },
      { resourceName: "orders-eu" },
      { resourceType: "GROUP" },
    ];
    for (const overrides of cases) {
      expect(
        codes([
          binding({ patternType: "PREFIXED", resourceName: "ord" }),
          binding({ permission: "DENY", ...overrides }),
        ]),
      ).toEqual([]);
    }
    // A LITERAL DENY does not cover a PREFIXED ALLOW of the same name.
    expect(codes([binding({ patternType: "PREFIXED" }), binding({ permission: "DENY" })])).toEqual([]);
    // LITERAL "*" covers everything of the type.
    expect(
      codes([
        binding({ patternType: "PREFIXED", resourceName: "o" }),
        binding({ permission: "DENY", resourceName: "*" }),
      ]),
    ).toEqual(["shadowed-by-deny"]);
  });

  it("flags duplicates", () => {
    const findings = lintAcls([binding(), binding(), binding({ operation: "WRITE" })]);
    expect(findings.map((finding) => finding.code)).toEqual(["duplicate"]);
    expect(findings[0]!.bindings).toHaveLength(2);
  });

  it("notes ACLs on topics and groups that do not exist, when the lists are known", () => {
    const bindings = [
      binding({ resourceName: "missing" }),
      binding({ resourceName: "ord", patternType: "PREFIXED" }),
      binding({ resourceName: "nope-", patternType: "PREFIXED" }),
      binding({ resourceName: "*" }),
      binding({ resourceType: "GROUP", resourceName: "ghost" }),
    ];
    expect(codes(bindings)).toEqual([]);
    const findings = lintAcls(bindings, { topics: ["orders"], groups: [] });
    expect(
      findings.map((finding) => [finding.code, finding.severity, finding.bindings[0]!.resourceName]),
    ).toEqual([
      ["unknown-topic", "info", "missing"],
      ["unknown-topic", "info", "nope-"],
      ["unknown-group", "info", "ghost"],
    ]);
  });

  it("notes certificates whose CN has no ACLs", () => {
    const findings = lintAcls([binding(), binding({ principal: "User:*" })], {
      certificateCommonNames: ["app", "lonely", "lonely"],
    });
    expect(findings.map((finding) => [finding.code, finding.principal])).toEqual([
      ["certificate-without-acls", "User:lonely"],
    ]);
  });

  it("says which cluster a certificate has no ACLs on: the CA is shared, the bindings are not", () => {
    const context = { certificateCommonNames: ["app"], cluster: "prod-eu" };
    const [finding] = lintAcls([binding({ principal: "User:other" })], context);
    expect(finding?.message).toContain("has no ACLs of its own on prod-eu");
    expect(lintAcls([binding({ principal: "User:app" })], context)).toEqual([]);
  });
});

describe("lintAcls on 10,000 bindings", () => {
  it("stays well under a second", () => {
    const operations = ["READ", "WRITE", "DESCRIBE", "ALL"] as const;
    const bindings = Array.from({ length: 10_000 }, (_, index) =>
      binding({
        principal: `User:svc-${index % 700}`,
        resourceName: `t-${index % 1500}`,
        patternType: index % 7 ? "LITERAL" : "PREFIXED",
        operation: operations[index % 4]!,
        permission: index % 17 ? "ALLOW" : "DENY",
      }),
    );
    const topics = Array.from({ length: 2000 }, (_, index) => `t-${index}`);
    const started = performance.now();
    lintAcls(bindings, { topics, groups: topics, certificateCommonNames: topics });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
