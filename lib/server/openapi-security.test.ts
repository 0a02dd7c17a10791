import { describe, expect, it } from "vitest";

import { buildOpenApiDocument } from "./openapi";

describe("the security paths of the OpenAPI document", () => {
  const document = buildOpenApiDocument() as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
  };

  it("describes SCRAM users and quotas with their methods", () => {
    expect(Object.keys(document.paths["/api/v1/clusters/{cluster}/scram-users"] ?? {})).toEqual([
      "get",
      "post",
    ]);
    expect(Object.keys(document.paths["/api/v1/clusters/{cluster}/scram-users/{user}"] ?? {})).toEqual([
      "delete",
    ]);
    expect(Object.keys(document.paths["/api/v1/clusters/{cluster}/quotas"] ?? {})).toEqual(["get", "post"]);
    expect(
      Object.keys(document.paths["/api/v1/clusters/{cluster}/scram-users"]?.post?.responses ?? {}),
    ).toEqual(expect.arrayContaining(["200", "201", "422", "501"]));
  });

  it("takes the bodies from the routes' zod schemas", () => {
    const upsert = document.components.schemas.ScramUpsert;
    expect(Object.keys(upsert?.properties ?? {})).toEqual([
      "user",
      "mechanism",
      "iterations",
      "passwordMode",
      "password",
    ]);
    expect(upsert?.required).toEqual(expect.arrayContaining(["user", "mechanism"]));
    expect(JSON.stringify(upsert)).toContain("SCRAM-SHA-512");
    const alter = JSON.stringify(document.components.schemas.QuotaAlter);
    for (const key of [
      "producer_byte_rate",
      "consumer_byte_rate",
      "request_percentage",
      "controller_mutation_rate",
    ])
      expect(alter).toContain(key);
  });
});
