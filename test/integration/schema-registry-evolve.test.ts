// What the subject page and the evolve routes rely on, against a real registry (Apicurio's
// /apis/ccompat/v7): versions live and soft-deleted, a soft-deleted version still readable, the
// subjects and versions of a schema id, an incompatible check's reasons with nothing registered,
// a subject's own level set and removed (inherited again), and soft before hard deletes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SchemaRegistryClient } from "@/lib/server/schema-registry/client";
import { startTestRegistry, type TestRegistry } from "@/test/support/schema-registry";

const avro = (fields: object[]) =>
  JSON.stringify({ type: "record", name: "Item", namespace: "shop", fields });
const V1 = avro([{ name: "id", type: "string" }]);
const V2 = avro([
  { name: "id", type: "string" },
  { name: "qty", type: "int", default: 1 },
]);
const BROKEN = avro([{ name: "id", type: "long" }]);

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

async function ok<T>(result: Promise<{ ok: true; data: T } | { ok: false; problem: unknown }>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`registry refused: ${JSON.stringify(settled.problem)}`);
  return settled.data;
}

describe("browse and evolve against Apicurio", () => {
  it("lists versions, reads a schema id's subjects, and refuses an incompatible version with reasons", async () => {
    const first = await ok(client.register("items-value", { schema: V1 }));
    await ok(client.register("items-copy-value", { schema: V1 }));
    await ok(client.setCompatibility("BACKWARD", "items-value"));
    const check = await ok(client.checkCompatibility("items-value", { schema: BROKEN }));
    expect(check.compatible).toBe(false);
    expect(check.messages.length).toBeGreaterThan(0);
    expect((await client.register("items-value", { schema: BROKEN })).ok).toBe(false);
    expect(await ok(client.listVersions("items-value"))).toEqual([1]);

    expect(await ok(client.checkCompatibility("items-value", { schema: V2 }))).toEqual({
      compatible: true,
      messages: [],
    });
    await ok(client.register("items-value", { schema: V2 }));
    expect(await ok(client.listVersions("items-value"))).toEqual([1, 2]);
    expect(await ok(client.schemaUsages(first.id))).toEqual([
      { subject: "items-copy-value", version: 1 },
      { subject: "items-value", version: 1 },
    ]);
  });

  it("sets a subject's own level and removes it, so the global one applies again", async () => {
    await ok(client.register("levels-value", { schema: V1 }));
    const global = await ok(client.getCompatibility());
    const other = global === "FULL" ? "NONE" : "FULL";
    await ok(client.setCompatibility(other, "levels-value"));
    expect(await ok(client.getCompatibility("levels-value"))).toBe(other);
    await ok(client.deleteCompatibility("levels-value"));
    // Apicurio answers the global level for a subject without its own (Confluent: none, 40408).
    expect([null, global]).toContain(await ok(client.getCompatibility("levels-value")));
  });

  it("soft-deletes a version (still readable with deleted), then hard-deletes it; a subject the same way", async () => {
    await ok(client.register("gone-value", { schema: V1 }));
    await ok(client.register("gone-value", { schema: V2 }));
    expect((await client.deleteVersion("gone-value", 1, { permanent: true })).ok).toBe(false);
    expect(await ok(client.deleteVersion("gone-value", 1))).toBe(1);
    expect(await ok(client.listVersions("gone-value"))).toEqual([2]);
    expect(await ok(client.listVersions("gone-value", { deleted: true }))).toEqual([1, 2]);
    expect((await client.getVersion("gone-value", 1)).ok).toBe(false);
    expect((await ok(client.getVersion("gone-value", 1, { deleted: true }))).schema).toContain('"id"');
    await ok(client.deleteVersion("gone-value", 1, { permanent: true }));
    expect(await ok(client.listVersions("gone-value", { deleted: true }))).toEqual([2]);

    expect(await ok(client.deleteSubject("gone-value"))).toEqual([2]);
    expect(await ok(client.listSubjects())).not.toContain("gone-value");
    expect(await ok(client.listSubjects({ deleted: true }))).toContain("gone-value");
    await ok(client.deleteSubject("gone-value", { permanent: true }));
    expect(await ok(client.listSubjects({ deleted: true }))).not.toContain("gone-value");
  });

  it("says the mode is unsupported on Apicurio rather than answering a mode", async () => {
    const mode = await client.getMode();
    expect(mode.ok ? mode.data : mode.problem.kind).toBe("unsupported");
  });
});
