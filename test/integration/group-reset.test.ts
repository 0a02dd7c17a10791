// Offset resets against a real Kafka 4.3 through the console's pool, proven with kafkajs: a reset while
// a member is active is refused naming it (by the console, and Kafka's own refusal read the same way);
// once the members are gone, each mode's preview is where a restarted kafkajs consumer actually begins;
// a group created by a reset starts where it said; export → reset → import restores the offsets.
import type { Kafka } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { offsetsToCsv, parseOffsetsFile } from "@/lib/groups/offsets-file";
import { groupResetSchema } from "@/lib/schemas/group-reset";
import type { Principal } from "@/lib/server/auth";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";
import { createAclBindings } from "@/lib/server/kafka/acl-requests";
import { refusalOfCommit } from "@/lib/server/kafka/group-reset-guard";

import {
  eventually,
  groupClientBindings,
  mtls,
  sendOnceAllowed,
  withConsoleAdmin,
} from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";
import { firstOffsetsOnStart, joinedMember, kafkajsMember } from "../support/group-consumers";

const shared = vi.hoisted(() => ({ pool: undefined as ClusterPool | undefined, audit: [] as unknown[] }));

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));
vi.mock("@/lib/server/auth", () => ({
  recordAudit: async (event: unknown) => void shared.audit.push(event),
}));

const { applyGroupOffsets, describeGroup, previewGroupImport, previewGroupReset, readGroupCommitted } =
  await import("@/lib/server/kafka");

const APP = "rs-app";
const TOPIC = "rs-orders";
const PARTITIONS = [0, 1];
/** Records per partition; record i of each is stamped (10 − i) hours before the test began. */
const RECORDS = 10;
const HOUR = 3_600_000;
const STARTED = Date.now();
const ACTOR = { actor: "user:operator" } as Principal;

let broker: TestBroker;
let pool: ClusterPool;
let kafka: Kafka;

/** One more record on each partition, so a member that begins at the log end receives one. */
async function nudge() {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({
    topic: TOPIC,
    messages: PARTITIONS.map((partition) => ({ partition, value: "nudge" })),
  });
  await producer.disconnect();
}

async function preview(groupId: string, request: Record<string, unknown>) {
  const result = await previewGroupReset("local", groupId, groupResetSchema.parse(request));
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

async function apply(groupId: string, rows: { topic: string; partition: number; newOffset: string }[]) {
  const offsets = rows.map(({ topic, partition, newOffset }) => ({
    topic,
    partition,
    offset: BigInt(newOffset),
  }));
  const result = await applyGroupOffsets("local", groupId, offsets, ACTOR);
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

/** Commits `offsets` (one per partition) for the group, as a starting point. */
const seed = (groupId: string, offsets: number[]) =>
  apply(
    groupId,
    offsets.map((offset, partition) => ({ topic: TOPIC, partition, newOffset: String(offset) })),
  );

/** Applies the preview, restarts a kafkajs member, and expects it to begin exactly where the preview said. */
async function provesPreview(groupId: string, request: Record<string, unknown>) {
  const planned = await preview(groupId, request);
  await apply(groupId, planned.rows);
  const partitions = planned.rows.map((row) => row.partition);
  const began = await firstOffsetsOnStart(kafka, groupId, TOPIC, partitions, nudge);
  expect(Object.fromEntries(partitions.map((partition) => [partition, began.get(partition)]))).toEqual(
    Object.fromEntries(planned.rows.map((row) => [row.partition, row.newOffset])),
  );
  return planned.rows;
}

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  shared.pool = pool;
  await withConsoleAdmin(pool, async (admin) => {
    await admin.createTopics({ topics: [TOPIC], partitions: PARTITIONS.length, replicas: 1 });
    await createAclBindings(admin, groupClientBindings(`User:${APP}`, "rs-"));
  });
  const coordinated = await eventually(async () => {
    const found = await pool.withAdmin("local", (admin) =>
      admin.findCoordinator({ keyType: 0, keys: ["rs-x"] }),
    );
    return found.ok && found.data[0]?.nodeId === 1;
  }, 60_000);
  expect(coordinated).toBe(true);
  kafka = kafkajsMember(broker, broker.issueClientCertificate(APP), "rs-client");
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const messages = PARTITIONS.flatMap((partition) =>
    Array.from({ length: RECORDS }, (_, index) => ({
      partition,
      value: `order ${partition}-${index}`,
      timestamp: String(STARTED - (RECORDS - index) * HOUR),
    })),
  );
  // The authorizer follows the metadata log: retry the first send until the grant is seen.
  const sent = await sendOnceAllowed(producer, TOPIC, messages);
  expect(sent).toBe(true);
  await producer.disconnect();
  // Partition 0 starts at 2: earliest is the log start, not 0.
  await withConsoleAdmin(pool, (admin) =>
    admin.deleteRecords({ topics: [{ name: TOPIC, partitions: [{ partition: 0, offset: 2n }] }] }),
  );
});

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
});

describe("a group with an active member", () => {
  it("is refused, naming the member, for a preview and an apply; Kafka's own refusal reads the same", async () => {
    const groupId = "rs-live";
    await seed(groupId, [3, 3]);
    const member = await joinedMember(
      kafkajsMember(broker, broker.issueClientCertificate(APP), "rs-live-client"),
      groupId,
      TOPIC,
    );
    try {
      const refused = await previewGroupReset("local", groupId, groupResetSchema.parse({ mode: "earliest" }));
      expect(refused).toMatchObject({ ok: false, status: 409, code: "NON_EMPTY_GROUP" });
      expect(!refused.ok && refused.error).toMatch(
        /^Group rs-live has 1 active member: rs-live-client \(member rs-live-client-/,
      );
      const applied = await applyGroupOffsets(
        "local",
        groupId,
        [{ topic: TOPIC, partition: 0, offset: 0n }],
        ACTOR,
      );
      expect(applied).toMatchObject({ ok: false, status: 409, code: "NON_EMPTY_GROUP" });
      expect(shared.audit.at(-1)).toMatchObject({
        action: "group.reset",
        target: groupId,
        outcome: "failure",
      });
      // Past the console's check (a member that joined after it), Kafka refuses the commit itself.
      const kafkaRefusal = await pool.withAdmin("local", (admin) =>
        admin
          .alterConsumerGroupOffsets({
            groupId,
            topics: [{ name: TOPIC, partitionOffsets: [{ partition: 0, offset: 0n }] }],
          })
          .then(
            () => null,
            (error: unknown) => refusalOfCommit("local", groupId, error),
          ),
      );
      expect(kafkaRefusal.ok && kafkaRefusal.data).toMatchObject({ status: 409, code: "NON_EMPTY_GROUP" });
      expect(kafkaRefusal.ok && kafkaRefusal.data?.error).toMatch(/rs-live-client .*\(UNKNOWN_MEMBER_ID\)$/);
    } finally {
      await member.disconnect();
    }
    const committed = await readGroupCommitted("local", groupId);
    expect(committed.ok && committed.data.map((row) => row.offset)).toEqual([3n, 3n]);
  });
});

describe("each mode's preview is where a restarted kafkajs consumer begins", () => {
  it("earliest: the log start offset (2 on partition 0 after deleting records)", async () => {
    await seed("rs-earliest", [6, 6]);
    const rows = await provesPreview("rs-earliest", { mode: "earliest" });
    expect(rows.map((row) => [row.currentOffset, row.newOffset])).toEqual([
      ["6", "2"],
      ["6", "0"],
    ]);
  });

  it("latest: the log end offset", async () => {
    await seed("rs-latest", [1, 1]);
    const rows = await provesPreview("rs-latest", { mode: "latest" });
    expect(rows.every((row) => row.newOffset === row.logEndOffset && row.lagAfter === "0")).toBe(true);
  });

  it("a date-time: the first record stamped at or after it", async () => {
    await seed("rs-datetime", [9, 9]);
    const datetime = new Date(STARTED - (RECORDS - 4) * HOUR - 1).toISOString();
    const rows = await provesPreview("rs-datetime", { mode: "datetime", datetime });
    expect(rows.map((row) => row.newOffset)).toEqual(["4", "4"]);
  });

  it("a duration ago: the first record within it", async () => {
    await seed("rs-duration", [2, 0]);
    const rows = await provesPreview("rs-duration", { mode: "duration", duration: "PT5H30M" });
    expect(rows.map((row) => row.newOffset)).toEqual(["5", "5"]);
  });

  it("a specific offset, on chosen partitions, clamped to the log end and said so", async () => {
    await seed("rs-offset", [3, 3]);
    const rows = await provesPreview("rs-offset", {
      mode: "offset",
      offset: "7",
      topic: TOPIC,
      partitions: "1",
    });
    expect(rows).toMatchObject([{ partition: 1, currentOffset: "3", newOffset: "7", clamped: false }]);
    const clamped = await preview("rs-offset", { mode: "offset", offset: "100000", topic: TOPIC });
    expect(clamped.rows.every((row) => row.clamped && row.newOffset === row.logEndOffset)).toBe(true);
  });

  it("shift by −N: from each partition's committed offset", async () => {
    await seed("rs-shift", [5, 8]);
    const rows = await provesPreview("rs-shift", { mode: "shift", shift: "-3" });
    expect(rows.map((row) => row.newOffset)).toEqual(["2", "5"]);
  });

  it("another group's committed offsets", async () => {
    await seed("rs-source", [7, 4]);
    await seed("rs-copy", [9, 9]);
    const rows = await provesPreview("rs-copy", { mode: "group", fromGroup: "rs-source" });
    expect(rows.map((row) => row.newOffset)).toEqual(["7", "4"]);
  });
});

describe("a group that does not exist yet", () => {
  it("is created by the reset and starts where the preview said", async () => {
    const groupId = "rs-new-readers";
    expect(await describeGroup("local", groupId)).toEqual({ ok: true, data: null });
    const whole = await previewGroupReset("local", groupId, groupResetSchema.parse({ mode: "earliest" }));
    expect(whole).toMatchObject({ ok: false, status: 422, error: expect.stringContaining("choose a topic") });
    const rows = await provesPreview(groupId, { mode: "offset", offset: "3", topic: TOPIC });
    expect(rows.map((row) => [row.currentOffset, row.newOffset])).toEqual([
      [null, "3"],
      [null, "3"],
    ]);
    const described = await describeGroup("local", groupId);
    expect(described.ok && described.data?.state).toBe("Empty");
  });
});

describe("export → reset → import", () => {
  it("restores the exported offsets, audited as an import with before and after", async () => {
    const groupId = "rs-backup";
    await seed(groupId, [4, 6]);
    const exported = await readGroupCommitted("local", groupId);
    if (!exported.ok) throw new Error(exported.error);
    const csv = offsetsToCsv(exported.data.map((row) => ({ ...row, offset: row.offset.toString() })));
    await apply(groupId, (await preview(groupId, { mode: "latest" })).rows);
    const file = parseOffsetsFile(csv);
    if (!file.ok) throw new Error(file.error);
    const restoring = await previewGroupImport("local", groupId, file.offsets);
    if (!restoring.ok) throw new Error(restoring.error);
    expect(restoring.data.rows.map((row) => row.newOffset)).toEqual(["4", "6"]);
    const offsets = restoring.data.rows.map((row) => ({ ...row, offset: BigInt(row.newOffset) }));
    const imported = await applyGroupOffsets("local", groupId, offsets, ACTOR, "group.import");
    expect(imported.ok).toBe(true);
    const after = await readGroupCommitted("local", groupId);
    expect(after).toEqual(exported);
    expect(shared.audit.at(-1)).toMatchObject({
      action: "group.import",
      target: groupId,
      outcome: "success",
      details: {
        cluster: "local",
        partitions: 2,
        offsets: expect.stringMatching(/^rs-orders\/0 \d+→4, rs-orders\/1 \d+→6$/),
      },
    });
  });
});
