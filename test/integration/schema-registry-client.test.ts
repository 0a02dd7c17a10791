// The Confluent-API client against a real registry (Apicurio's /apis/ccompat/v7), and against
// addresses where no registry answers.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SchemaRegistryClient } from "@/lib/server/schema-registry/client";
import { probeRegistry } from "@/lib/server/schema-registry";
import { freePort } from "@/test/support/free-port";
import { startTestRegistry, type TestRegistry } from "@/test/support/schema-registry";

const avro = (fields: object[]) =>
  JSON.stringify({ type: "record", name: "Order", namespace: "shop", fields });
const ORDER_V1 = avro([{ name: "id", type: "string" }]);
const ORDER_V2 = avro([
  { name: "id", type: "string" },
  { name: "amount", type: "int", default: 0 },
]);
const ORDER_BROKEN = avro([{ name: "id", type: "int" }]);
const JSON_SCHEMA = JSON.stringify({
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: { id: { type: "string" } },
  required: ["id"],
});
const PROTO =
  'syntax = "proto3";\npackage shop;\n\nmessage Payment {\n  string id = 1;\n  int64 cents = 2;\n}\n';

let registry: TestRegistry;
let client: SchemaRegistryClient;

beforeAll(async () => {
  registry = await startTestRegistry();
  client = new SchemaRegistryClient({ url: registry.url });
});
afterAll(async () => {
  client?.close();
  await registry?.dispose();
});

function ok<T>(result: { ok: true; data: T } | { ok: false; problem: { title: string } }): T {
  if (!result.ok) throw new Error(result.problem.title);
  return result.data;
}

describe("schema registry client (Apicurio ccompat)", () => {
  it("registers Avro, JSON Schema and Protobuf schemas and reads them back by subject and id", async () => {
    const avroId = ok(await client.register("orders-value", { schema: ORDER_V1 })).id;
    const jsonId = ok(await client.register("users-value", { schema: JSON_SCHEMA, schemaType: "JSON" })).id;
    const protoId = ok(await client.register("payments-value", { schema: PROTO, schemaType: "PROTOBUF" })).id;
    expect(new Set([avroId, jsonId, protoId]).size).toBe(3);
    // The same schema again answers the same id, not a new version.
    expect(ok(await client.register("orders-value", { schema: ORDER_V1 })).id).toBe(avroId);

    expect(ok(await client.listSubjects())).toEqual(["orders-value", "payments-value", "users-value"]);
    expect(ok(await client.listSubjects({ prefix: "pay" }))).toEqual(["payments-value"]);
    expect(ok(await client.listVersions("orders-value"))).toEqual([1]);

    const latest = ok(await client.getVersion("orders-value", "latest"));
    expect(latest).toMatchObject({ subject: "orders-value", version: 1, id: avroId, schemaType: "AVRO" });
    expect(JSON.parse(latest.schema)).toEqual(JSON.parse(ORDER_V1));
    expect(ok(await client.getVersion("users-value", 1))).toMatchObject({ id: jsonId, schemaType: "JSON" });

    const proto = ok(await client.getSchemaById(protoId));
    expect(proto.schemaType).toBe("PROTOBUF");
    expect(proto.schema).toContain("message Payment");
    expect(ok(await client.getSchemaById(jsonId)).schemaType).toBe("JSON");
  });

  it("checks compatibility with the registry's reasons, refuses an incompatible version, accepts a compatible one", async () => {
    expect(ok(await client.getCompatibility())).toBe("NONE");
    expect(ok(await client.setCompatibility("BACKWARD", "orders-value"))).toBe("BACKWARD");
    expect(ok(await client.getCompatibility("orders-value"))).toBe("BACKWARD");

    const refused = ok(await client.checkCompatibility("orders-value", { schema: ORDER_BROKEN }));
    expect(refused.compatible).toBe(false);
    expect(refused.messages.join(" ")).toMatch(/INT|int/);
    expect(ok(await client.checkCompatibility("orders-value", { schema: ORDER_V2 }))).toEqual({
      compatible: true,
      messages: [],
    });

    const registered = await client.register("orders-value", { schema: ORDER_BROKEN });
    expect(registered.ok).toBe(false);
    if (!registered.ok)
      expect(registered.problem).toMatchObject({ kind: "conflict", code: "409", status: 409 });
    ok(await client.register("orders-value", { schema: ORDER_V2 }));
    expect(ok(await client.listVersions("orders-value"))).toEqual([1, 2]);

    const invalid = await client.register("orders-value", { schema: "{not a schema" });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.problem).toMatchObject({ kind: "invalid", code: "42201" });
  });

  it("maps the registry's error codes to specific problems", async () => {
    const subject = await client.listVersions("no-such-subject");
    expect(subject.ok).toBe(false);
    if (!subject.ok) {
      expect(subject.problem).toMatchObject({ kind: "not-found", code: "40401", status: 404 });
      expect(subject.problem.title).toMatch(/^Subject not found \(no-such-subject\)/);
    }
    const version = await client.getVersion("orders-value", 99);
    if (version.ok) throw new Error("version 99 exists");
    expect(version.problem).toMatchObject({ kind: "not-found", code: "40402" });
    const schema = await client.getSchemaById(999_999);
    if (schema.ok) throw new Error("id 999999 exists");
    expect(schema.problem).toMatchObject({ kind: "not-found", code: "40403" });
    // Apicurio's compatibility layer has no mode endpoint.
    const mode = await client.getMode();
    if (mode.ok) expect(["READWRITE", "READONLY", "IMPORT"]).toContain(mode.data);
    else expect(mode.problem.kind).toBe("unsupported");
    // Bad input never reaches the registry.
    const badVersion = await client.getVersion("orders-value", 0);
    expect(badVersion.ok || badVersion.problem.code).toBe("INVALID_INPUT");
  });

  it("soft-deletes, then hard-deletes versions and subjects, in that order", async () => {
    expect(ok(await client.deleteVersion("orders-value", 1))).toBe(1);
    expect(ok(await client.listVersions("orders-value"))).toEqual([2]);
    expect(ok(await client.listVersions("orders-value", { deleted: true }))).toEqual([1, 2]);
    expect(ok(await client.deleteVersion("orders-value", 1, { permanent: true }))).toBe(1);
    expect(ok(await client.listVersions("orders-value", { deleted: true }))).toEqual([2]);

    const notSoftDeleted = await client.deleteSubject("users-value", { permanent: true });
    if (notSoftDeleted.ok) throw new Error("a hard delete came first");
    expect(notSoftDeleted.problem).toMatchObject({ kind: "conflict", code: "40405" });
    expect(ok(await client.deleteSubject("users-value"))).toEqual([1]);
    expect(ok(await client.listSubjects())).toEqual(["orders-value", "payments-value"]);
    expect(ok(await client.listSubjects({ deleted: true }))).toContain("users-value");
    expect(ok(await client.deleteSubject("users-value", { permanent: true }))).toEqual([1]);
    expect(ok(await client.listSubjects({ deleted: true }))).not.toContain("users-value");
  });

  it("reports the registry reachable in its health check", async () => {
    expect(await probeRegistry({ url: registry.url })).toMatchObject({ state: "reachable" });
  });
});

describe("schema registry client without a registry", () => {
  let silent: Server;
  let seen: string[] = [];
  beforeAll(async () => {
    // Accepts and never answers /subjects; answers 404 elsewhere and records what it was sent.
    silent = createServer((request, response) => {
      seen.push(request.headers.authorization ?? "");
      if (request.url?.includes("subjects")) return;
      response.writeHead(404, { "content-type": "text/html" }).end("<html>not here</html>");
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });
  const url = () => `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;

  it("says the connection was refused", async () => {
    const port = await freePort();
    const health = await probeRegistry({ url: `http://127.0.0.1:${port}/apis/ccompat/v7` });
    expect(health).toMatchObject({ state: "unreachable", problem: { code: "ECONNREFUSED" } });
    if (health.state === "unreachable") expect(health.problem.title).toContain("connection refused");
  });

  it("gives up after its time-out when the registry does not answer", async () => {
    const slow = new SchemaRegistryClient({ url: url() }, 300);
    const result = await slow.listSubjects();
    slow.close();
    if (result.ok) throw new Error("answered");
    expect(result.problem).toMatchObject({ kind: "unreachable", code: "ETIMEDOUT" });
  });

  it("says when the URL is not the Confluent API, and sends basic or bearer credentials in a header only", async () => {
    seen = [];
    const health = await probeRegistry({
      url: url(),
      auth: { kind: "basic", username: "console", password: "p4ss" },
    });
    expect(health).toMatchObject({ state: "unreachable", problem: { code: "HTTP 404" } });
    if (health.state === "unreachable") expect(JSON.stringify(health)).not.toContain("p4ss");
    await probeRegistry({ url: url(), auth: { kind: "bearer", token: "t0ken" } });
    expect(seen).toEqual([`Basic ${Buffer.from("console:p4ss").toString("base64")}`, "Bearer t0ken"]);
  });
});
