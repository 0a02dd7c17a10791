import { describe, expect, it } from "vitest";

import { claimValues, decideRole } from "./role-mapping";

const rules = {
  roleClaim: "groups",
  roleMappings: [
    { value: "kafka-admins", role: "admin" as const },
    { value: "kafka-ops", role: "operator" as const },
    { value: "everyone", role: "viewer" as const },
  ],
  defaultRole: "none" as const,
};

describe("claimValues", () => {
  it("reads a list, a single value and nothing", () => {
    expect(claimValues({ groups: ["a", "b"] }, "groups")).toEqual(["a", "b"]);
    expect(claimValues({ role: "admin" }, "role")).toEqual(["admin"]);
    expect(claimValues({}, "groups")).toEqual([]);
    expect(claimValues({ groups: null }, "groups")).toEqual([]);
  });

  it("follows a dotted path into nested claims (Keycloak's realm_access.roles)", () => {
    const claims = { realm_access: { roles: ["kafka-ops", "offline_access"] }, resource_access: {} };
    expect(claimValues(claims, "realm_access.roles")).toEqual(["kafka-ops", "offline_access"]);
    expect(claimValues(claims, "resource_access.console.roles")).toEqual([]);
    expect(claimValues({ realm_access: ["x"] }, "realm_access.roles")).toEqual([]);
  });

  it("takes a key with dots whole first (namespaced claims)", () => {
    expect(claimValues({ "https://example.com/roles": ["a"] }, "https://example.com/roles")).toEqual(["a"]);
  });

  it("ignores objects in the list and never reads inherited properties", () => {
    expect(claimValues({ groups: ["a", { name: "b" }, 7] }, "groups")).toEqual(["a", "7"]);
    expect(claimValues({}, "constructor")).toEqual([]);
    expect(claimValues({ a: {} }, "a.toString")).toEqual([]);
  });
});

describe("decideRole", () => {
  it("takes the first rule in the configured order, not the highest role", () => {
    expect(decideRole({ groups: ["kafka-ops", "kafka-admins"] }, rules)).toMatchObject({
      ok: true,
      role: "admin",
      rule: { value: "kafka-admins" },
    });
    const reordered = { ...rules, roleMappings: [...rules.roleMappings].reverse() };
    expect(decideRole({ groups: ["kafka-ops", "kafka-admins"] }, reordered)).toMatchObject({
      role: "operator",
    });
  });

  it("falls back to the default role, or refuses with the values it saw", () => {
    expect(decideRole({ groups: ["sales"] }, rules)).toEqual({ ok: false, values: ["sales"] });
    expect(decideRole({ groups: ["sales"] }, { ...rules, defaultRole: "viewer" })).toEqual({
      ok: true,
      role: "viewer",
      rule: null,
      values: ["sales"],
    });
  });

  it("maps nested role claims", () => {
    const settings = { ...rules, roleClaim: "realm_access.roles" };
    expect(decideRole({ realm_access: { roles: ["kafka-ops"] } }, settings)).toMatchObject({
      ok: true,
      role: "operator",
    });
  });
});
