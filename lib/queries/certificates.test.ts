import { describe, expect, it } from "vitest";
import { grantAccessHref, inventorySearchString, parseInventoryFilters } from "./certificates";

describe("inventory filters", () => {
  it("keeps known statuses and drops empty or unknown values", () => {
    expect(parseInventoryFilters({ q: " app ", status: "bogus", cursor: "" })).toEqual({
      q: "app",
      status: undefined,
      cursor: undefined,
    });
    expect(parseInventoryFilters({ status: ["revoked", "valid"] }).status).toBe("revoked");
  });

  it("writes only the filters that are set", () => {
    expect(inventorySearchString({})).toBe("");
    expect(inventorySearchString({ q: "a b", status: "expiring" })).toBe("?q=a+b&status=expiring");
  });
});

describe("grantAccessHref", () => {
  it("encodes the whole principal, spaces and all", () => {
    expect(grantAccessHref("local", "billing svc/1")).toBe(
      "/console/clusters/local/security/acls?principal=User%3Abilling%20svc%2F1",
    );
  });
});
