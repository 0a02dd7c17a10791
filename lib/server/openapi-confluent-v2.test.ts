import { describe, expect, it } from "vitest";

import { buildOpenApiDocument } from "./openapi";

describe("the Confluent REST v2 consumer paths in the OpenAPI document", () => {
  const document = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };

  it("describes creating, subscribing, reading, committing and deleting", () => {
    const v2 = Object.keys(document.paths).filter((path) => path.startsWith("/consumers/"));
    expect(v2.sort()).toEqual([
      "/consumers/{group}",
      "/consumers/{group}/instances/{instance}",
      "/consumers/{group}/instances/{instance}/assignments",
      "/consumers/{group}/instances/{instance}/offsets",
      "/consumers/{group}/instances/{instance}/positions",
      "/consumers/{group}/instances/{instance}/positions/beginning",
      "/consumers/{group}/instances/{instance}/positions/end",
      "/consumers/{group}/instances/{instance}/records",
      "/consumers/{group}/instances/{instance}/subscription",
    ]);
    expect(Object.keys(document.paths["/consumers/{group}/instances/{instance}/subscription"] ?? {})).toEqual(
      ["post", "get", "delete"],
    );
    expect(Object.keys(document.paths["/consumers/{group}/instances/{instance}/assignments"] ?? {})).toEqual([
      "get",
      "post",
    ]);
  });
});
