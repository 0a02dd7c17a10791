// Producing with a registered schema against a real Kafka and a real registry (Apicurio): a value
// typed as JSON is encoded in the Confluent wire format and decodes with an independent client
// (@confluentinc/schemaregistry's Avro deserializer); a value that does not fit writes nothing and
// says which field and why; the topic's subjects and a subject's topic under TopicNameStrategy.
import {
  AvroDeserializer,
  SchemaRegistryClient as ConfluentRegistryClient,
  SerdeType,
} from "@confluentinc/schemaregistry";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { produceMessagesSchema, type ProduceMessagesInput } from "@/lib/schemas/messages";
import type { Principal } from "@/lib/server/auth";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";
import { SchemaRegistryClient } from "@/lib/server/schema-registry/client";

import { mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";
import { writeKcatPems } from "../support/kcat";
import { startTestRegistry, type TestRegistry } from "../support/schema-registry";

const shared = vi.hoisted(() => ({
  pool: undefined as ClusterPool | undefined,
  audit: [] as Record<string, unknown>[],
  registryUrl: "",
}));

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));
vi.mock("@/lib/server/auth", () => ({
  recordAudit: async (event: Record<string, unknown>) => void shared.audit.push(event),
}));
// The cluster's registry as the console's configuration names it.
vi.mock("@/lib/server/config", async (original) => ({
  ...(await original<typeof import("@/lib/server/config")>()),
  getConfig: () => ({ clusters: [{ name: "local", schemaRegistry: { url: shared.registryUrl } }] }),
}));

const { produceWithSchemas } = await import("@/lib/server/schema-registry/produce-with-schemas");
const { topicForSubject, topicSubjects } = await import("@/lib/server/schema-registry/topic-subjects");

const TOPIC = "sp-orders";
const ORDER = JSON.stringify({
  type: "record",
  name: "Order",
  namespace: "shop",
  fields: [
    { name: "id", type: "string" },
    { name: "quantity", type: "int" },
    { name: "note", type: ["null", "string"], default: null },
  ],
});

let broker: TestBroker;
let pool: ClusterPool;
let registry: TestRegistry;
let registryClient: SchemaRegistryClient;
let schemaId: number;
let kcatDir: string;

const operator = { kind: "user", role: "operator", actor: "user:olivia" } as Principal;
const request = (input: Omit<ProduceMessagesInput, "topic">) =>
  produceMessagesSchema.parse({ topic: TOPIC, ...input });

beforeAll(async () => {
  [broker, registry] = await Promise.all([startTestBroker(), startTestRegistry()]);
  shared.registryUrl = registry.url;
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  shared.pool = pool;
  await withConsoleAdmin(pool, (admin) =>
    admin.createTopics({ topics: [TOPIC], partitions: 1, replicas: 1 }),
  );
  registryClient = new SchemaRegistryClient({ url: registry.url });
  const registered = await registryClient.register(`${TOPIC}-value`, { schema: ORDER });
  if (!registered.ok) throw new Error(registered.problem.title);
  schemaId = registered.data.id;
  kcatDir = writeKcatPems(broker);
}, 120_000);

afterAll(async () => {
  registryClient?.close();
  await pool?.close();
  await Promise.all([broker?.dispose(), registry?.dispose()]);
  if (kcatDir) rmSync(kcatDir, { recursive: true, force: true });
});

/** The topic's only record's value, read by an independent client (kcat) as raw bytes. */
function readOnlyValue(): Buffer {
  return execFileSync(
    "kcat",
    [
      "-C",
      "-b",
      broker.sslBootstrap,
      ...["-X", "security.protocol=ssl", "-X", `ssl.ca.location=${join(kcatDir, "ca.pem")}`],
      ...["-X", `ssl.certificate.location=${join(kcatDir, "cert.pem")}`],
      ...["-X", `ssl.key.location=${join(kcatDir, "key.pem")}`],
      ...["-t", TOPIC, "-p", "0", "-o", "beginning", "-c", "1", "-e", "-q", "-f", "%s"],
    ],
    { timeout: 30_000 },
  );
}

describe("produce with a schema", () => {
  it("refuses a value that does not fit, naming the field, and writes nothing", async () => {
    const refused = await produceWithSchemas(
      "local",
      request({ value: '{"id": "o-1", "quantity": "two"}', valueSchema: { subject: `${TOPIC}-value` } }),
      operator,
    );
    expect(refused).toMatchObject({ ok: false, status: 422 });
    if (refused.ok) return;
    expect(refused.error).toContain("$.quantity");
    expect(refused.fieldErrors?.value?.[0]).toContain(`${TOPIC}-value version 1`);
    expect(shared.audit).toHaveLength(0);
    const offsets = await pool.withAdmin("local", (admin) =>
      admin.listOffsets({ topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, timestamp: -1n }] }] }),
    );
    expect(offsets.ok && offsets.data[0]?.partitions[0]?.offset).toBe(0n);
  });

  it("refuses an unknown subject with the registry's reason", async () => {
    const refused = await produceWithSchemas(
      "local",
      request({ value: "{}", valueSchema: { subject: "sp-nobody-value" } }),
      operator,
    );
    expect(refused).toMatchObject({ ok: false, status: 404 });
  });

  it("writes the wire format that Confluent's Avro deserializer reads back", async () => {
    const produced = await produceWithSchemas(
      "local",
      request({
        value: '{"id": "o-2", "quantity": 3, "note": "gift"}',
        valueSchema: { subject: `${TOPIC}-value`, version: "latest" },
      }),
      operator,
    );
    expect(produced).toMatchObject({ ok: true, data: { count: 1 } });
    expect(shared.audit.at(-1)).toMatchObject({
      action: "message.produce",
      outcome: "success",
      details: { valueSchemaId: schemaId },
    });

    const value = readOnlyValue();
    expect(value[0]).toBe(0);
    expect(value.readInt32BE(1)).toBe(schemaId);
    const confluent = new ConfluentRegistryClient({ baseURLs: [registry.url] });
    const deserializer = new AvroDeserializer(confluent, SerdeType.VALUE, {});
    expect(await deserializer.deserialize(TOPIC, value)).toEqual({ id: "o-2", quantity: 3, note: "gift" });
  });

  it("links the topic and its subjects by TopicNameStrategy", async () => {
    expect(await topicSubjects("local", TOPIC)).toEqual({ state: "ok", value: `${TOPIC}-value` });
    expect(await topicForSubject("local", `${TOPIC}-value`)).toEqual({
      topic: TOPIC,
      part: "value",
      exists: true,
    });
    expect(await topicForSubject("local", "sp-gone-key")).toEqual({
      topic: "sp-gone",
      part: "key",
      exists: false,
    });
    expect(await topicForSubject("local", "shop.Order")).toBeUndefined();
  });
});
