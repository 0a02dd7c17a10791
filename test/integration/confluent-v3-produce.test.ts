// Confluent v3 produce (produceV3Records) against a real Kafka through the console's pool: records
// with their own key, value bytes, headers and timestamp land in order with consecutive offsets and
// are read back by kcat; a partition past the count is refused alone (the others are written), one
// added since the last call is written; an unknown topic fails the call; one audit record per call.
import { rmSync } from "node:fs";

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { parseRecord, type V3Record } from "@/lib/confluent/records-v3";
import type { Principal } from "@/lib/server/auth";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import { mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";
import { kcatConsume, writeKcatPems } from "../support/kcat";

const shared = vi.hoisted(() => ({ pool: undefined as ClusterPool | undefined, audit: [] as unknown[] }));

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));
vi.mock("@/lib/server/auth", () => ({
  recordAudit: async (event: unknown) => void shared.audit.push(event),
}));

const { produceV3Records } = await import("@/lib/server/kafka");

let broker: TestBroker;
let pool: ClusterPool;
let kcatDir: string;

const operator = { kind: "user", role: "operator", actor: "user:olivia" } as Principal;

function record(body: unknown): V3Record {
  const parsed = parseRecord(body);
  if (!parsed.ok) throw new Error(parsed.refusal.message);
  return parsed.record;
}

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  shared.pool = pool;
  await withConsoleAdmin(pool, async (admin) => {
    await admin.createTopics({ topics: ["v3-produce"], partitions: 2, replicas: 1 });
  });
  kcatDir = writeKcatPems(broker);
});

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
  if (kcatDir) rmSync(kcatDir, { recursive: true, force: true });
});

beforeEach(() => {
  shared.audit.length = 0;
});

describe("produceV3Records", () => {
  it("writes JSON, STRING and BINARY records with headers and timestamps, refusing a missing partition alone", async () => {
    const records = [
      record({
        partition_id: 0,
        headers: [{ name: "trace", value: Buffer.from("t-1").toString("base64") }],
        key: { type: "STRING", data: "k1" },
        value: { type: "JSON", data: { n: 1 } },
        timestamp: "2026-01-31T12:00:00Z",
      }),
      record({ partition_id: 7, value: { type: "STRING", data: "nowhere" } }),
      record({ partition_id: 0, value: { type: "BINARY", data: Buffer.from("bin").toString("base64") } }),
      record({ partition_id: 0, value: { type: "STRING", data: "text" } }),
    ];
    const result = await produceV3Records("local", "v3-produce", records, operator);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.outcomes.map((outcome) => (outcome.ok ? outcome.written.offset : outcome.status))).toEqual([
      "0",
      400,
      "1",
      "2",
    ]);
    expect(result.outcomes[0]).toMatchObject({
      ok: true,
      written: { partition: 0, timestamp: BigInt(Date.parse("2026-01-31T12:00:00Z")) },
    });
    const read = kcatConsume(broker, kcatDir, {
      topic: "v3-produce",
      partition: 0,
      format: "%o|%k|%s|%h|%T\\n",
      timeout: 20_000,
    });
    expect(read.trim().split("\n")).toEqual([
      `0|k1|{"n":1}|trace=t-1|${Date.parse("2026-01-31T12:00:00Z")}`,
      expect.stringMatching(/^1\|\|bin\|\|\d+$/),
      expect.stringMatching(/^2\|\|text\|\|\d+$/),
    ]);
    expect(shared.audit).toEqual([
      expect.objectContaining({
        action: "message.produce",
        target: "v3-produce",
        outcome: "success",
        details: expect.objectContaining({ via: "confluent-v3", count: 3, requested: 4 }),
      }),
    ]);
  });

  it("writes to a partition added after the producer cached the topic's metadata", async () => {
    await withConsoleAdmin(pool, async (admin) => {
      await admin.createTopics({ topics: ["v3-grown"], partitions: 1, replicas: 1 });
    });
    const first = await produceV3Records(
      "local",
      "v3-grown",
      [record({ value: { type: "STRING", data: "a" } })],
      operator,
    );
    expect(first).toMatchObject({ ok: true, outcomes: [{ ok: true, written: { partition: 0 } }] });
    await withConsoleAdmin(pool, async (admin) => {
      await admin.createPartitions({ topics: [{ name: "v3-grown", count: 2 }] });
    });
    const grown = await produceV3Records(
      "local",
      "v3-grown",
      [record({ partition_id: 1, value: { type: "STRING", data: "b" } })],
      operator,
    );
    expect(grown).toMatchObject({
      ok: true,
      outcomes: [{ ok: true, written: { partition: 1, offset: "0" } }],
    });
  });

  it("fails the call for an unknown topic with UNKNOWN_TOPIC_OR_PARTITION", async () => {
    const result = await produceV3Records(
      "local",
      "v3-no-such-topic",
      [record({ value: { type: "STRING", data: "x" } })],
      operator,
    );
    expect(result).toMatchObject({ ok: false, status: 404, code: "UNKNOWN_TOPIC_OR_PARTITION" });
    expect(shared.audit).toEqual([expect.objectContaining({ outcome: "failure" })]);
  });
});
