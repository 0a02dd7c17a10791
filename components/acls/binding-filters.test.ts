import { describe, expect, it } from "vitest";
import type { AclBinding } from "@/lib/acl/types";
import {
  EMPTY_FILTERS,
  filtersFromSearchParams,
  groupBindings,
  hasMoreFilters,
  matchesFilters,
  parseResourceParam,
} from "./binding-filters";

const binding = (change: Partial<AclBinding>): AclBinding => ({
  principal: "User:orders",
  host: "*",
  resourceType: "TOPIC",
  resourceName: "orders",
  patternType: "LITERAL",
  operation: "READ",
  permission: "ALLOW",
  ...change,
});

describe("matchesFilters", () => {
  it("filters on each field and on every word of the free text", () => {
    const deny = binding({ permission: "DENY", resourceName: "metrics" });
    expect(matchesFilters(deny, { ...EMPTY_FILTERS, q: "metrics deny" })).toBe(true);
    expect(matchesFilters(deny, { ...EMPTY_FILTERS, q: "metrics write" })).toBe(false);
    expect(matchesFilters(deny, { ...EMPTY_FILTERS, permission: "ALLOW" })).toBe(false);
    expect(matchesFilters(deny, { ...EMPTY_FILTERS, principal: "user:ORD" })).toBe(true);
    expect(matchesFilters(deny, { ...EMPTY_FILTERS, patternType: "PREFIXED" })).toBe(false);
  });
});

describe("groupBindings", () => {
  it("groups by principal, counts all of a principal's bindings and sorts within the group", () => {
    const all = [
      binding({ principal: "User:b", resourceName: "z" }),
      binding({ principal: "User:a", resourceName: "y" }),
      binding({ principal: "User:b", resourceName: "a", permission: "DENY" }),
    ];
    const groups = groupBindings(
      all,
      { ...EMPTY_FILTERS, permission: "ALLOW" },
      { key: "resourceName", descending: false },
    );
    expect(groups.map((group) => [group.principal, group.bindings.length, group.total])).toEqual([
      ["User:a", 1, 1],
      ["User:b", 1, 2],
    ]);
    const sorted = groupBindings(all, EMPTY_FILTERS, { key: "resourceName", descending: true });
    expect(sorted[1]?.bindings.map((b) => b.resourceName)).toEqual(["z", "a"]);
  });
});

describe("parseResourceParam", () => {
  it("reads topic:X and group:X, names may contain colons", () => {
    expect(parseResourceParam("topic:metrics")).toEqual({ resourceType: "TOPIC", resourceName: "metrics" });
    expect(parseResourceParam("group:a:b")).toEqual({ resourceType: "GROUP", resourceName: "a:b" });
    expect(parseResourceParam("cluster:x")).toBeUndefined();
    expect(parseResourceParam(undefined)).toBeUndefined();
  });
});

describe("filtersFromSearchParams", () => {
  it("keeps the text filters and the known choices a link sets, in any case", () => {
    expect(
      filtersFromSearchParams({
        principal: " User:orders ",
        operation: "write",
        host: ["10.0.0.1", "x"],
        tab: "lint",
      }),
    ).toEqual({ principal: "User:orders", operation: "WRITE", host: "10.0.0.1" });
  });

  it("drops unknown choices and empty values", () => {
    expect(filtersFromSearchParams({ operation: "FLY", permission: "", q: "  " })).toEqual({});
  });

  it("says when a filter behind More filters is set", () => {
    expect(hasMoreFilters(filtersFromSearchParams({ principal: "User:a", permission: "DENY" }))).toBe(false);
    expect(hasMoreFilters(filtersFromSearchParams({ patternType: "prefixed" }))).toBe(true);
  });
});
