import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

describe("buildOpenApiDocument", () => {
  const document = buildOpenApiDocument() as {
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
  };

  it("describes every certificate and CA route", () => {
    expect(
      Object.keys(document.paths)
        .filter((path) => path.startsWith("/api/"))
        .sort(),
    ).toEqual([
      "/api/v1/ca",
      "/api/v1/ca/crl",
      "/api/v1/certificates",
      "/api/v1/certificates/sign",
      "/api/v1/certificates/{serial}",
      "/api/v1/certificates/{serial}/revoke",
      "/api/v1/clusters/{cluster}/broker-defaults/configs",
      "/api/v1/clusters/{cluster}/brokers",
      "/api/v1/clusters/{cluster}/brokers/{broker}",
      "/api/v1/clusters/{cluster}/brokers/{broker}/configs",
      "/api/v1/clusters/{cluster}/groups",
      "/api/v1/clusters/{cluster}/groups/{group}",
      "/api/v1/clusters/{cluster}/groups/{group}/lag-history",
      "/api/v1/clusters/{cluster}/groups/{group}/offsets/export",
      "/api/v1/clusters/{cluster}/groups/{group}/offsets/import",
      "/api/v1/clusters/{cluster}/groups/{group}/offsets/reset",
      "/api/v1/clusters/{cluster}/groups/{group}/topics/{topic}/offsets",
      "/api/v1/clusters/{cluster}/quorum",
      "/api/v1/clusters/{cluster}/quotas",
      "/api/v1/clusters/{cluster}/schema-registry/config",
      "/api/v1/clusters/{cluster}/schema-registry/config/{subject}",
      "/api/v1/clusters/{cluster}/schema-registry/health",
      "/api/v1/clusters/{cluster}/schema-registry/produce-schema",
      "/api/v1/clusters/{cluster}/schema-registry/schemas/{id}",
      "/api/v1/clusters/{cluster}/schema-registry/subjects",
      "/api/v1/clusters/{cluster}/schema-registry/subjects/{subject}",
      "/api/v1/clusters/{cluster}/schema-registry/subjects/{subject}/compatibility",
      "/api/v1/clusters/{cluster}/schema-registry/subjects/{subject}/versions",
      "/api/v1/clusters/{cluster}/schema-registry/subjects/{subject}/versions/{version}",
      "/api/v1/clusters/{cluster}/scram-users",
      "/api/v1/clusters/{cluster}/scram-users/{user}",
      "/api/v1/clusters/{cluster}/throughput",
      "/api/v1/clusters/{cluster}/topics",
      "/api/v1/clusters/{cluster}/topics/{topic}",
      "/api/v1/clusters/{cluster}/topics/{topic}/configs",
      "/api/v1/clusters/{cluster}/topics/{topic}/configs/{name}",
      "/api/v1/clusters/{cluster}/topics/{topic}/partitions",
      "/api/v1/clusters/{cluster}/topics/{topic}/records/delete",
      "/api/v1/clusters/{cluster}/topics/{topic}/throughput",
    ]);
    expect(Object.keys(document.paths["/api/v1/certificates"] ?? {})).toEqual(["get", "post"]);
  });

  it("marks the CA files as public and nothing else", () => {
    const publicPaths = Object.entries(document.paths)
      .filter(([, operations]) =>
        Array.isArray((operations.get as { security?: unknown[] } | undefined)?.security),
      )
      .map(([path]) => path);
    expect(publicPaths.sort()).toEqual([
      "/healthz",
      "/readyz",
      "/tools/ca/chain.pem",
      "/tools/ca/crl.der",
      "/tools/ca/crl.pem",
      "/tools/ca/intermediate.pem",
      "/tools/ca/root.pem",
    ]);
  });

  it("takes request bodies from the shared zod schemas, defaults optional", () => {
    const issue = document.components.schemas.IssueCertificate;
    expect(Object.keys(issue?.properties ?? {})).toContain("subjectAltNames");
    expect(issue?.required).toEqual(["commonName"]);
    expect(document.components.schemas.MorioGenerate?.required).toEqual(["certificate"]);
  });

  it("describes the lag history's range and answer from their zod schemas", () => {
    const get = document.paths["/api/v1/clusters/{cluster}/groups/{group}/lag-history"]?.get as {
      parameters: { name: string; in: string; schema: { enum?: string[]; default?: string } }[];
    };
    expect(get.parameters.map(({ name, in: where }) => `${where}:${name}`)).toEqual([
      "path:cluster",
      "path:group",
      "query:range",
      "query:partitions",
    ]);
    expect(get.parameters[2]?.schema).toMatchObject({ enum: ["1h", "24h", "7d"], default: "1h" });
    const history = document.components.schemas.LagHistory;
    expect(history?.required).toEqual([
      "cluster",
      "group",
      "range",
      "resolutionSeconds",
      "sampler",
      "points",
    ]);
  });

  it("describes the offset reset's body from its zod schema: every mode, dryRun defaulting to a preview", () => {
    const body = JSON.stringify(document.components.schemas.GroupOffsetsReset);
    for (const mode of ["earliest", "latest", "datetime", "duration", "offset", "shift", "group"])
      expect(body).toContain(`"${mode}"`);
    expect(body).toMatch(/"dryRun":\{[^}]*"default":true/);
    const reset = document.paths["/api/v1/clusters/{cluster}/groups/{group}/offsets/reset"]?.post as {
      responses: Record<string, unknown>;
    };
    expect(Object.keys(reset.responses)).toEqual(expect.arrayContaining(["200", "403", "409", "422"]));
    expect(document.components.schemas.GroupOffsetsPreview?.required).toContain("rows");
  });

  it("describes the topic list beside creating a topic, with its sort and figures", () => {
    const topics = document.paths["/api/v1/clusters/{cluster}/topics"] as Record<
      string,
      { parameters: { name: string; schema?: unknown }[] }
    >;
    expect(Object.keys(topics)).toEqual(["get", "post"]);
    const sort = topics.get?.parameters.find(({ name }) => name === "sort");
    expect(sort?.schema).toMatchObject({ enum: ["name", "size", "messages", "partitions"] });
    expect(document.components.schemas.TopicPage?.required).toContain("topics");
  });

  it("describes the group list's topic filter, time lag, and both deletes with their refusals", () => {
    const list = document.paths["/api/v1/clusters/{cluster}/groups"]?.get as {
      parameters: { name: string }[];
    };
    expect(list.parameters.map(({ name }) => name)).toContain("topic");
    const group = document.paths["/api/v1/clusters/{cluster}/groups/{group}"] as Record<
      string,
      { responses: Record<string, unknown> }
    >;
    expect(Object.keys(group)).toEqual(["get", "delete"]);
    expect(Object.keys(group.delete?.responses ?? {})).toContain("409");
    const offsets = document.paths["/api/v1/clusters/{cluster}/groups/{group}/topics/{topic}/offsets"]
      ?.delete as { responses: Record<string, { description: string }> };
    expect(offsets.responses["409"]?.description).toContain("GROUP_SUBSCRIBED_TO_TOPIC");
    expect(document.components.schemas.GroupDetails?.required).toContain("maxTimeLagMs");
  });

  it("describes creating a topic and its configs with bodies from their zod schemas", () => {
    const schemas = document.components.schemas as Record<string, { properties?: Record<string, unknown> }>;
    expect(Object.keys(schemas.CreateTopic?.properties ?? {})).toEqual([
      "name",
      "partitions",
      "replicationFactor",
      "configs",
      "validateOnly",
    ]);
    expect(Object.keys(schemas.AlterConfigs?.properties ?? {})).toEqual(["set", "reset", "validateOnly"]);
    expect(Object.keys(document.paths["/api/v1/clusters/{cluster}/topics/{topic}/configs"] ?? {})).toEqual([
      "get",
      "patch",
    ]);
  });

  it("is plain JSON (no functions or undefined left by the conversion)", () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it("describes the topic operations with bodies from their zod schemas", () => {
    const schemas = document.components.schemas;
    expect(schemas.AddPartitions?.required).toEqual(["count"]);
    expect(schemas.DeleteRecords?.required).toEqual(["mode"]);
    expect(Object.keys(document.paths["/api/v1/clusters/{cluster}/topics/{topic}"] ?? {})).toEqual([
      "delete",
    ]);
  });
});
