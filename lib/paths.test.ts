import { describe, expect, it } from "vitest";

import { aclsPath, loginPath, passwordChangePath, topicPath, topicsPath } from "./paths";

describe("console paths", () => {
  it("keeps the topic list's search, internal switch and page, leaving out the defaults", () => {
    expect(topicsPath("local")).toBe("/console/topics");
    expect(topicsPath("local", { q: "ord ers", internal: true, page: 3 })).toBe(
      "/console/topics?q=ord+ers&internal=1&page=3",
    );
    expect(topicsPath("local", { page: 1 })).toBe("/console/topics");
  });

  it("encodes a topic name and names a tab other than messages", () => {
    expect(topicPath("local", "a/b c")).toBe("/console/topics/a%2Fb%20c");
    expect(topicPath("local", "orders", "messages")).toBe("/console/topics/orders");
    expect(topicPath("local", "orders", "produce")).toBe("/console/topics/orders?tab=produce");
  });

  it("focuses the ACL page on a principal or a resource", () => {
    expect(aclsPath("local", { principal: "User:billing svc" })).toBe(
      "/console/security/acls?principal=User%3Abilling%20svc",
    );
    expect(aclsPath("local", { resource: { type: "GROUP", name: "g/1" } })).toBe(
      "/console/security/acls?resource=group:g%2F1",
    );
  });

  it("carries where to go after signing in or changing the password", () => {
    expect(loginPath({ next: "/console/topics?q=a&b" })).toBe("/login?next=%2Fconsole%2Ftopics%3Fq%3Da%26b");
    expect(loginPath({ reason: "expired" })).toBe("/login?reason=expired");
    expect(passwordChangePath("/console/topics?q=a&b")).toBe(
      "/account/password?next=%2Fconsole%2Ftopics%3Fq%3Da%26b",
    );
  });
});
