import { describe, expect, it } from "vitest";

import {
  aclsPath,
  consumerGroupPath,
  consumerGroupsPath,
  legacyConsolePath,
  loginPath,
  passwordChangePath,
  sameKindOfPage,
  topicMessagePath,
  topicPath,
  topicsPath,
} from "./paths";

describe("console paths", () => {
  it("keeps the topic list's search, internal switch and page, leaving out the defaults", () => {
    expect(topicsPath("local")).toBe("/console/clusters/local/topics");
    expect(topicsPath("local", { q: "ord ers", internal: true, page: 3 })).toBe(
      "/console/clusters/local/topics?q=ord+ers&internal=1&page=3",
    );
    expect(topicsPath("local", { page: 1 })).toBe("/console/clusters/local/topics");
  });

  it("encodes a topic name and names a tab other than messages", () => {
    expect(topicPath("local", "a/b c")).toBe("/console/clusters/local/topics/a%2Fb%20c");
    expect(topicPath("local", "orders", "messages")).toBe("/console/clusters/local/topics/orders");
    expect(topicPath("local", "orders", "produce")).toBe("/console/clusters/local/topics/orders?tab=produce");
  });

  it("keeps the group list's search, filters, sort and page, leaving out the defaults", () => {
    expect(consumerGroupsPath("local")).toBe("/console/clusters/local/groups");
    expect(
      consumerGroupsPath("local", {
        q: "bill ing",
        type: "consumer",
        state: "Stable",
        topic: "orders",
        sort: "lag",
        page: 2,
      }),
    ).toBe(
      "/console/clusters/local/groups?q=bill+ing&type=consumer&state=Stable&topic=orders&sort=lag&page=2",
    );
    expect(consumerGroupsPath("local", { sort: "name", page: 1 })).toBe("/console/clusters/local/groups");
  });

  it("encodes a group id, which may hold any character", () => {
    expect(consumerGroupPath("local", "a/b c%")).toBe("/console/clusters/local/groups/a%2Fb%20c%25");
  });

  it("focuses the ACL page on a principal or a resource", () => {
    expect(aclsPath("local", { principal: "User:billing svc" })).toBe(
      "/console/clusters/local/security/acls?principal=User%3Abilling%20svc",
    );
    expect(aclsPath("local", { resource: { type: "GROUP", name: "g/1" } })).toBe(
      "/console/clusters/local/security/acls?resource=group:g%2F1",
    );
    expect(aclsPath("local", { tab: "lint" })).toBe("/console/clusters/local/security/acls?tab=lint");
    expect(aclsPath("local", { principal: "User:a", tab: "check" })).toBe(
      "/console/clusters/local/security/acls?principal=User%3Aa&tab=check",
    );
  });

  it("links one record: a search from its offset that opens its drawer", () => {
    expect(topicMessagePath("local", "orders", 2, "41")).toBe(
      "/console/clusters/local/topics/orders?start=offset&partition=2&offset=41&max=1&open=2%3A41",
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

describe("cluster addresses", () => {
  it("puts the cluster's name first, encoded", () => {
    expect(topicsPath("prod-eu")).toBe("/console/clusters/prod-eu/topics");
  });

  it("leads the addresses without a cluster to the given one, keeping the rest and the query", () => {
    expect(legacyConsolePath("e2e", [])).toBe("/console/clusters/e2e");
    expect(legacyConsolePath("e2e", ["security", "acls"], "?principal=User%3Aa")).toBe(
      "/console/clusters/e2e/security/acls?principal=User%3Aa",
    );
    expect(legacyConsolePath("e2e", ["topics", "a b"], "?tab=produce")).toBe(
      "/console/clusters/e2e/topics/a%20b?tab=produce",
    );
    expect(legacyConsolePath("e2e", ["groups"])).toBe("/console/clusters/e2e/groups");
  });

  it("leaves what never was a cluster's page alone", () => {
    expect(legacyConsolePath("e2e", ["nothing-here"])).toBeUndefined();
  });

  it("switches to the same kind of page on another cluster", () => {
    expect(sameKindOfPage("/console/clusters/a/topics/orders", "b")).toBe("/console/clusters/b/topics");
    expect(sameKindOfPage("/console/clusters/a/topics", "b")).toBe("/console/clusters/b/topics");
    expect(sameKindOfPage("/console/clusters/a/security/acls", "b")).toBe(
      "/console/clusters/b/security/acls",
    );
    expect(sameKindOfPage("/console/clusters/a/groups", "b")).toBe("/console/clusters/b/groups");
    // A broker may not exist on the other cluster: its brokers list.
    expect(sameKindOfPage("/console/clusters/a/brokers/3?tab=configs", "b")).toBe(
      "/console/clusters/b/brokers",
    );
    expect(sameKindOfPage("/console/clusters/a/quorum", "b")).toBe("/console/clusters/b/quorum");
    expect(sameKindOfPage("/console/clusters/a/security/users", "b")).toBe(
      "/console/clusters/b/security/users",
    );
    expect(sameKindOfPage("/console/clusters/a/quotas", "b")).toBe("/console/clusters/b/quotas");
    expect(sameKindOfPage("/console/clusters/a", "b")).toBe("/console/clusters/b");
    expect(sameKindOfPage("/console/admin/users", "b")).toBe("/console/clusters/b");
  });

  it("keeps a list's search, filters and sort on the other cluster, not its page", () => {
    expect(sameKindOfPage("/console/clusters/a/topics", "b", "?q=ord+ers&internal=1&page=3")).toBe(
      "/console/clusters/b/topics?q=ord+ers&internal=1",
    );
    expect(sameKindOfPage("/console/clusters/a/groups", "b", "?q=gr&type=consumer&sort=lag&page=2")).toBe(
      "/console/clusters/b/groups?q=gr&type=consumer&sort=lag",
    );
    expect(sameKindOfPage("/console/clusters/a/topics/orders", "b", "?tab=produce")).toBe(
      "/console/clusters/b/topics",
    );
    expect(sameKindOfPage("/console/clusters/a/security/acls", "b", "?principal=alice")).toBe(
      "/console/clusters/b/security/acls",
    );
  });
});
