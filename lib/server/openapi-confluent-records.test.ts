import { describe, expect, it } from "vitest";

import { buildOpenApiDocument } from "./openapi";

describe("the Confluent v3 records, groups and ACLs in the OpenAPI document", () => {
  const document = buildOpenApiDocument() as {
    paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    components: { schemas: Record<string, unknown> };
  };

  it("describes produce, the group routes and the ACL methods", () => {
    const base = "/kafka/v3/clusters/{cluster_id}";
    expect(Object.keys(document.paths[`${base}/topics/{topic_name}/records`] ?? {})).toEqual(["post"]);
    for (const path of [
      "",
      "/consumers",
      "/consumers/{consumer_id}",
      "/consumers/{consumer_id}/assignments",
      "/lags",
      "/lags/{topic_name}/partitions/{partition_id}",
      "/lag-summary",
    ])
      expect(Object.keys(document.paths[`${base}/consumer-groups/{consumer_group_id}${path}`] ?? {})).toEqual(
        ["get"],
      );
    expect(Object.keys(document.paths[`${base}/acls`] ?? {})).toEqual(["get", "post", "delete"]);
    expect(Object.keys(document.paths[`${base}/acls:batch`] ?? {})).toEqual(["post"]);
    expect(document.components.schemas.ConfluentV3DeliveryReport).toBeDefined();
    expect(document.paths[`${base}/acls`]?.delete?.responses?.["403"]).toBeDefined();
  });
});
