import { describe, expect, it } from "vitest";
import { isNavItemActive } from "./nav-items";

describe("isNavItemActive", () => {
  const overview = { href: "/console", exact: true };
  const topics = { href: "/console/topics" };

  it("marks the overview only on its own path", () => {
    expect(isNavItemActive(overview, "/console")).toBe(true);
    expect(isNavItemActive(overview, "/console/")).toBe(true);
    expect(isNavItemActive(overview, "/console/topics")).toBe(false);
  });

  it("keeps a section active on the pages below it", () => {
    expect(isNavItemActive(topics, "/console/topics")).toBe(true);
    expect(isNavItemActive(topics, "/console/topics/orders")).toBe(true);
  });

  it("does not match a sibling that shares a prefix", () => {
    expect(isNavItemActive(topics, "/console/topics-archive")).toBe(false);
  });
});
