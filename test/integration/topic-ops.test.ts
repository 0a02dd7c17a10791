// Sizes and topic operations against a real Kafka 4.3 through the console's pool: sizes on disk grow
// with produced records and sort the list; records go before an offset, before a time and all, the
// low watermark moves and kcat (librdkafka) no longer reads them; partitions are added (validateOnly
// first); a topic is deleted and gone; internal and compacted-only topics are refused with Kafka's
// code; and the REST routes answer 403 to roles below the permission.
import { rmSync } from "node:fs";

import type { Kafka } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { can, type Permission } from "@/lib/permissions";
import { deleteRecordsSchema, type DeleteRecordsRequest } from "@/lib/schemas/topic-ops";
import type { Principal } from "@/lib/server/auth";
import type { RouteContext, RouteSpec } from "@/lib/server/http/route-input";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import { eventually, kafkajsAs, mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";
import { kcatConsume, writeKcatPems } from "../support/kcat";

const shared = vi.hoisted(() => ({ pool: undefined as ClusterPool | undefined, audit: [] as unknown[] }));

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));
// The role comes from a test header and is checked against the permission map as the real guard
// does (the guard itself is tested in lib/server/auth); params and body are parsed as it parses them.
vi.mock("@/lib/server/auth", async () => {
  const { parseRouteInput } = await import("@/lib/server/http/route-input");
  const { can: allowed } = await import("@/lib/permissions");
  return {
    recordAudit: async (event: unknown) => void shared.audit.push(event),
    guardedRoute:
      (
        spec: RouteSpec<unknown, unknown, unknown> & { permission: Permission },
        handler: (request: Request, input: object) => Promise<Response>,
      ) =>
      async (request: Request, context: RouteContext) => {
        const role = (request.headers.get("x-test-role") ?? "viewer") as "viewer" | "operator" | "admin";
        if (!allowed(role, spec.permission))
          return Response.json({ error: { code: "FORBIDDEN", message: "Role too low" } }, { status: 403 });
        const input = await parseRouteInput(request, context, spec);
        if (input instanceof Response) return input;
        return handler(request, { ...input, principal: { kind: "user", role, actor: `user:${role}` } });
      },
  };
});

const kafka = await import("@/lib/server/kafka");
const topicRoute = await import("@/app/api/v1/clusters/[cluster]/topics/[topic]/route");
const partitionsRoute = await import("@/app/api/v1/clusters/[cluster]/topics/[topic]/partitions/route");
const recordsRoute = await import("@/app/api/v1/clusters/[cluster]/topics/[topic]/records/delete/route");

const ACTOR = { kind: "user", role: "admin", actor: "user:admin" } as Principal;
const SIZES = "to-sizes";
const SMALL = "to-small";
const RECORDS = "to-records";
const GROW = "to-grow";
const DOOMED = "to-doomed";
const COMPACT = "to-compact";
const STARTED = Date.now() - 10 * 3_600_000;
/** Record i of to-records is stamped i hours after STARTED, in every partition. */
const stampOf = (index: number) => STARTED + index * 3_600_000;

let broker: TestBroker;
let pool: ClusterPool;
let client: Kafka;
let kcatDir: string;

const request = (input: Record<string, unknown>): DeleteRecordsRequest => deleteRecordsSchema.parse(input);

async function produce(
  topic: string,
  partition: number,
  values: string[],
  stamp?: (index: number) => number,
) {
  const producer = client.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({
      topic,
      messages: values.map((value, index) => ({
        partition,
        // A compacted topic takes keyed records only.
        key: `k${index}`,
        value,
        ...(stamp ? { timestamp: String(stamp(index)) } : {}),
      })),
    });
  } finally {
    await producer.disconnect();
  }
}

/** The values of one partition as kcat (an independent client) reads it from the beginning. */
function kcatValues(topic: string, partition: number): string[] {
  const output = kcatConsume(broker, kcatDir, { topic, partition, format: "%s\n", timeout: 60_000 });
  return output.split("\n").filter(Boolean);
}

async function watermarks(topic: string) {
  const described = await kafka.describeTopic("local", topic);
  if (!described.ok || !described.data) throw new Error(`cannot describe ${topic}`);
  return described.data.partitions.map(({ partition, low, high }) => ({ partition, low, high }));
}

const route = (method: string, path: string, role: string, body?: unknown) =>
  new Request(`http://console.test${path}`, {
    method,
    headers: { "x-test-role": role, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const context = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  shared.pool = pool;
  await withConsoleAdmin(pool, async (admin) => {
    await admin.createTopics({ topics: [SIZES, RECORDS], partitions: 3, replicas: 1 });
    await admin.createTopics({ topics: [SMALL, GROW, DOOMED], partitions: 1, replicas: 1 });
    await admin.createTopics({
      topics: [COMPACT],
      partitions: 1,
      replicas: 1,
      configs: [{ name: "cleanup.policy", value: "compact" }],
    });
  });
  client = kafkajsAs(broker, "kafka-console");
  kcatDir = writeKcatPems(broker);
  for (const partition of [0, 1, 2])
    await produce(
      RECORDS,
      partition,
      Array.from({ length: 10 }, (_, index) => `p${partition}-r${index}`),
      stampOf,
    );
  await produce(COMPACT, 0, ["kept"]);
});

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
  if (kcatDir) rmSync(kcatDir, { recursive: true, force: true });
});

describe("sizes", () => {
  it("grow after producing, per partition, per broker and in the list, which sorts by them", async () => {
    const before = await kafka.readTopicSizes("local", SIZES);
    expect(before.ok && before.data?.totalBytes).toBe("0");
    await produce(
      SIZES,
      1,
      Array.from({ length: 200 }, (_, index) => `${index}`.padEnd(1000, "x")),
    );
    await produce(SMALL, 0, ["tiny"]);
    const after = await kafka.readTopicSizes("local", SIZES);
    if (!after.ok || !after.data) throw new Error("no sizes");
    expect(BigInt(after.data.totalBytes ?? "0")).toBeGreaterThan(200_000n);
    const [p0, p1] = after.data.partitions;
    expect(p0?.replicaBytes).toBe("0");
    expect(BigInt(p1?.leaderBytes ?? "0")).toBeGreaterThan(200_000n);
    expect(after.data.brokers).toEqual([
      { broker: 1, bytes: after.data.totalBytes, replicas: 3, error: null },
    ]);

    const bySize = await kafka.listTopics("local", { sort: "size", q: "to-" });
    if (!bySize.ok) throw new Error(bySize.problem.title);
    expect(bySize.data.topics[0]?.name).toBe(SIZES);
    expect(bySize.data.topics[0]).toMatchObject({
      sizeBytes: after.data.totalBytes,
      cleanupPolicy: "delete",
      retentionMs: "604800000",
      underReplicated: 0,
      offline: 0,
    });
    const byMessages = await kafka.listTopics("local", { sort: "messages", q: "to-" });
    expect(byMessages.ok && byMessages.data.topics.map((topic) => topic.name).slice(0, 2)).toEqual([
      SIZES,
      RECORDS,
    ]);
    const byName = await kafka.listTopics("local", { q: "to-" });
    expect(byName.ok && byName.data.topics.find((topic) => topic.name === COMPACT)?.cleanupPolicy).toBe(
      "compact",
    );
  });
});

describe("delete records", () => {
  it("before an offset, in one partition: the preview counts, the low watermark moves, kcat reads the rest", async () => {
    const asked = request({ mode: "offset", offset: "4", partitions: "0", dryRun: false });
    const preview = await kafka.previewDeleteRecords("local", RECORDS, asked);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.rows).toEqual([
      expect.objectContaining({ partition: 0, lowBefore: "0", newLow: "4", records: "4", clamped: false }),
    ]);
    expect(await watermarks(RECORDS)).toEqual([
      { partition: 0, low: "0", high: "10" },
      { partition: 1, low: "0", high: "10" },
      { partition: 2, low: "0", high: "10" },
    ]);
    const deleted = await kafka.deleteRecords("local", RECORDS, asked, ACTOR);
    if (!deleted.ok) throw new Error(deleted.error);
    expect(deleted.data.after).toEqual([{ partition: 0, lowWatermark: "4" }]);
    expect((await watermarks(RECORDS))[0]).toEqual({ partition: 0, low: "4", high: "10" });
    expect(kcatValues(RECORDS, 0)).toEqual(Array.from({ length: 6 }, (_, index) => `p0-r${index + 4}`));
    expect(shared.audit.at(-1)).toMatchObject({
      action: "topic.deleteRecords",
      target: RECORDS,
      outcome: "success",
      details: { cluster: "local", mode: "offset", before: "0:0", after: "0:4", records: "4" },
    });
  });

  it("before a time, over the whole topic: each partition loses what was written earlier", async () => {
    const asked = request({
      mode: "timestamp",
      timestamp: new Date(stampOf(7)).toISOString(),
      dryRun: false,
    });
    const preview = await kafka.previewDeleteRecords("local", RECORDS, asked);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.rows.map((row) => [row.partition, row.newLow, row.records])).toEqual([
      [0, "7", "3"],
      [1, "7", "7"],
      [2, "7", "7"],
    ]);
    expect(preview.data.records).toBe("17");
    const deleted = await kafka.deleteRecords("local", RECORDS, asked, ACTOR);
    if (!deleted.ok) throw new Error(deleted.error);
    expect(kcatValues(RECORDS, 1)).toEqual(["p1-r7", "p1-r8", "p1-r9"]);
  });

  it("all: nothing is left to read, and a second time there is nothing to delete", async () => {
    const asked = request({ mode: "all", partitions: [2], dryRun: false });
    const deleted = await kafka.deleteRecords("local", RECORDS, asked, ACTOR);
    if (!deleted.ok) throw new Error(deleted.error);
    expect((await watermarks(RECORDS))[2]).toEqual({ partition: 2, low: "10", high: "10" });
    expect(kcatValues(RECORDS, 2)).toEqual([]);
    const again = await kafka.previewDeleteRecords("local", RECORDS, asked);
    expect(again.ok && again.data.records).toBe("0");
  });

  it("shows Kafka's refusal of a compacted-only topic, and refuses unknown partitions and internal topics", async () => {
    const compacted = await kafka.deleteRecords(
      "local",
      COMPACT,
      request({ mode: "all", dryRun: false }),
      ACTOR,
    );
    expect(compacted).toMatchObject({ ok: false, status: 422, code: "POLICY_VIOLATION" });
    expect(kcatValues(COMPACT, 0)).toEqual(["kept"]);
    const unknown = await kafka.previewDeleteRecords(
      "local",
      RECORDS,
      request({ mode: "all", partitions: "7" }),
    );
    expect(unknown).toMatchObject({ ok: false, status: 422, code: "UNKNOWN_TOPIC_OR_PARTITION" });
    const internal = await kafka.deleteRecords(
      "local",
      "__consumer_offsets",
      request({ mode: "all", dryRun: false }),
      ACTOR,
    );
    // __consumer_offsets may not exist yet on a fresh broker: refused either way.
    expect(internal.ok).toBe(false);
  });
});

describe("partitions and deletion", () => {
  it("adds partitions after Kafka's check; validateOnly and a smaller count change nothing", async () => {
    const checked = await kafka.addPartitions("local", GROW, { count: 3, validateOnly: true }, ACTOR);
    expect(checked).toMatchObject({ ok: true, data: { before: 1, after: 3, validateOnly: true } });
    expect(await watermarks(GROW)).toHaveLength(1);
    const added = await kafka.addPartitions("local", GROW, { count: 3, validateOnly: false }, ACTOR);
    expect(added).toMatchObject({ ok: true, data: { before: 1, after: 3 } });
    expect(await eventually(async () => (await watermarks(GROW)).length === 3, 10_000)).toBe(true);
    expect(shared.audit.at(-1)).toMatchObject({
      action: "topic.partitions",
      outcome: "success",
      details: { before: 1, after: 3 },
    });
    const fewer = await kafka.addPartitions("local", GROW, { count: 2, validateOnly: false }, ACTOR);
    expect(fewer).toMatchObject({ ok: false, status: 422, code: "INVALID_PARTITIONS" });
  });

  it("deletes a topic, which is then gone; internal topics are refused", async () => {
    await withConsoleAdmin(pool, (admin) => admin.findCoordinator({ keyType: 0, keys: ["to-group"] }));
    const internal = await eventually(async () => {
      const refused = await kafka.deleteTopic("local", "__consumer_offsets", ACTOR);
      return !refused.ok && refused.code === "INTERNAL_TOPIC";
    }, 30_000);
    expect(internal).toBe(true);
    const deleted = await kafka.deleteTopic("local", DOOMED, ACTOR);
    expect(deleted).toMatchObject({ ok: true, data: { topic: DOOMED } });
    expect(shared.audit.at(-1)).toMatchObject({ action: "topic.delete", target: DOOMED, outcome: "success" });
    const gone = await eventually(async () => {
      const described = await kafka.describeTopic("local", DOOMED);
      return described.ok && described.data === null;
    }, 15_000);
    expect(gone).toBe(true);
    const again = await kafka.deleteTopic("local", DOOMED, ACTOR);
    expect(again).toMatchObject({ ok: false, status: 404 });
  });
});

describe("REST", () => {
  it("refuses roles below each permission and answers the others", async () => {
    const topic = { cluster: "local", topic: RECORDS };
    const viewerDelete = await recordsRoute.POST(
      route("POST", "/records/delete", "viewer", { mode: "all" }),
      context(topic),
    );
    expect(viewerDelete.status).toBe(403);
    const viewerAdd = await partitionsRoute.POST(
      route("POST", "/partitions", "viewer", { count: 5 }),
      context(topic),
    );
    expect(viewerAdd.status).toBe(403);
    const operatorDrop = await topicRoute.DELETE(route("DELETE", "/", "operator"), context(topic));
    expect(operatorDrop.status).toBe(403);
    expect(can("operator", "topic.deleteRecords")).toBe(true);

    const preview = await recordsRoute.POST(
      route("POST", "/records/delete", "operator", { mode: "offset", offset: 9, partitions: [0] }),
      context(topic),
    );
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      dryRun: true,
      records: "2",
      rows: [{ partition: 0, newLow: "9" }],
    });
    expect((await watermarks(RECORDS))[0]?.low).toBe("7");
    const invalid = await recordsRoute.POST(
      route("POST", "/records/delete", "operator", { mode: "offset" }),
      context(topic),
    );
    expect(invalid.status).toBe(422);
    const described = await topicRoute.GET(route("GET", "/", "viewer"), context(topic));
    expect(await described.json()).toMatchObject({ sizes: { brokers: [{ broker: 1 }] } });
  });
});
