import { describe, expect, it } from "vitest";

import { binding } from "@/test/fixtures/acl-binding";
import { flagsByBinding, flagsByPrincipal, lintBeforeCreate } from "./lint-before-create";
import { lintAcls } from "./lint";

const summary = (findings: ReturnType<typeof lintBeforeCreate>) =>
  findings.map((finding) => [finding.code, finding.severity]);

describe("lintBeforeCreate", () => {
  it("flags a principal with a wildcard inside before it is created", () => {
    const wanted = [
      binding({ principal: "User:*.clients.x" }),
      binding({ principal: "User:*.clients.x", operation: "DESCRIBE" }),
    ];
    const findings = lintBeforeCreate(wanted, []);
    expect(summary(findings)).toEqual([["wildcard-principal", "error"]]);
    expect(findings[0]!.message).toContain("User:*.clients.x never matches anyone");
    expect(findings[0]!.bindings).toEqual(wanted);
  });

  it("flags an ALLOW an existing DENY shadows, naming the DENY", () => {
    const deny = binding({ principal: "User:*", operation: "ALL", permission: "DENY" });
    const allow = binding();
    const findings = lintBeforeCreate([allow], [deny, binding({ principal: "User:other" })]);
    expect(summary(findings)).toEqual([["shadowed-by-deny", "warning"]]);
    expect(findings[0]!.bindings).toEqual([allow, deny]);
  });

  it("flags a new DENY that takes effect over existing ALLOWs", () => {
    const allow = binding();
    const deny = binding({ permission: "DENY" });
    const findings = lintBeforeCreate([deny], [allow]);
    expect(summary(findings)).toEqual([["shadowed-by-deny", "warning"]]);
    expect(findings[0]!.bindings).toEqual([allow, deny]);
  });

  it("says which bindings already exist", () => {
    const existing = binding();
    const findings = lintBeforeCreate([binding(), binding({ operation: "WRITE" })], [existing]);
    expect(summary(findings)).toEqual([["duplicate", "warning"]]);
    expect(findings[0]!.message).toMatch(/already exists/);
    expect(findings[0]!.bindings).toEqual([binding()]);
  });

  it("leaves out findings about existing bindings only, and notes unknown topics when known", () => {
    const existing = [binding({ principal: "User:app-*" }), binding({ principal: "Group:ops" })];
    expect(lintBeforeCreate([binding({ principal: "User:fine" })], existing)).toEqual([]);
    const findings = lintBeforeCreate([binding({ resourceName: "missing" })], existing, {
      topics: ["orders"],
    });
    expect(summary(findings)).toEqual([["unknown-topic", "info"]]);
  });
});

describe("flagsByBinding and flagsByPrincipal", () => {
  it("index the findings by the bindings and principals they concern, worst first", () => {
    const wild = binding({ principal: "User:*.clients.x" });
    const allow = binding();
    const deny = binding({ permission: "DENY" });
    const findings = lintAcls([wild, allow, deny], { topics: [] });
    const byBinding = flagsByBinding(findings);
    expect(byBinding.get(wild)?.map((finding) => finding.code)).toEqual([
      "wildcard-principal",
      "unknown-topic",
    ]);
    expect(byBinding.get(allow)?.map((finding) => finding.code)).toEqual([
      "shadowed-by-deny",
      "unknown-topic",
    ]);
    expect(byBinding.get(binding({ operation: "WRITE" }))).toBeUndefined();
    const byPrincipal = flagsByPrincipal(findings);
    expect(byPrincipal.get("User:*.clients.x")?.map((finding) => finding.code)).toEqual([
      "wildcard-principal",
    ]);
    expect(byPrincipal.has("User:app")).toBe(false);
  });
});
