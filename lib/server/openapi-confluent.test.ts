import { describe, expect, it } from "vitest";

import { buildOpenApiDocument } from "./openapi";

describe("the Confluent v3 clusters, topics, configs and brokers in the OpenAPI document", () => {
  const document = buildOpenApiDocument() as {
    paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    components: { schemas: Record<string, { required?: string[] }> };
  };
  const base = "/kafka/v3/clusters/{cluster_id}";
  const methods = (path: string) => Object.keys(document.paths[path] ?? {});

  it("describes every route with its methods", () => {
    expect(methods("/kafka/v3/clusters")).toEqual(["get"]);
    expect(methods(base)).toEqual(["get"]);
    expect(methods(`${base}/topics`)).toEqual(["get", "post"]);
    expect(methods(`${base}/topics/{topic_name}`)).toEqual(["get", "delete"]);
    expect(methods(`${base}/topics/{topic_name}/partitions/{partition_id}`)).toEqual(["get"]);
    expect(methods(`${base}/topics/{topic_name}/configs/{name}`)).toEqual(["get", "put", "delete"]);
    expect(methods(`${base}/topics/{topic_name}/configs:alter`)).toEqual(["post"]);
    expect(methods(`${base}/brokers/{broker_id}/configs/{name}`)).toEqual(["get", "put", "delete"]);
    expect(methods(`${base}/broker-configs/{name}`)).toEqual(["get", "put", "delete"]);
    expect(methods(`${base}/brokers/{broker_id}/configs:alter`)).toEqual(["post"]);
    expect(methods(`${base}/broker-configs:alter`)).toEqual(["post"]);
  });

  it("has Confluent's error shape and the create body", () => {
    expect(document.components.schemas.ConfluentV3Error?.required).toEqual(["error_code", "message"]);
    expect(document.components.schemas.ConfluentCreateTopic?.required).toEqual(["topic_name"]);
    expect(document.paths[`${base}/topics`]?.post?.responses?.["422"]).toBeDefined();
  });
});
