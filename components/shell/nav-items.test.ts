import { describe, expect, it } from "vitest";
import { isNavItemActive, navSectionsFor } from "./nav-items";

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

describe("navSectionsFor", () => {
  const headings = (role: Parameters<typeof navSectionsFor>[0]) =>
    navSectionsFor(role).map((section) => section.heading);

  it("shows the Admin section to admins only", () => {
    expect(headings("admin")).toContain("Admin");
    expect(headings("operator")).not.toContain("Admin");
    expect(headings("viewer")).not.toContain("Admin");
    expect(headings(undefined)).not.toContain("Admin");
  });

  it("lists audit, users and API tokens under Admin", () => {
    const admin = navSectionsFor("admin").find((section) => section.heading === "Admin");
    expect(admin?.items.map((item) => item.label)).toEqual(["Audit", "Users", "API tokens"]);
  });

  it("shows SCRAM users to admins only and quotas to every role", () => {
    const security = (role: Parameters<typeof navSectionsFor>[0]) =>
      navSectionsFor(role, "local")
        .find((section) => section.heading === "Security")
        ?.items.map((item) => item.label);
    expect(security("admin")).toEqual(["ACLs", "SCRAM users", "Quotas"]);
    expect(security("viewer")).toEqual(["ACLs", "Quotas"]);
  });

  it("keeps the everyday sections for every role", () => {
    expect(headings("viewer")).toEqual([undefined, "Security", "Tools"]);
  });
});
