// Deleting groups and a topic's offsets, the groups reading a topic, and time lag, against a real
// Kafka 4.3 through the console's pool: a delete is refused naming a live kafkajs member and accepted
// once the group is empty; one topic's offsets go and the others stay; the topic's readers are listed
// with their lag; time lag is the age of the record at the committed offset, by its own timestamp.
import type { Consumer, Kafka } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Principal } from "@/lib/server/auth";
import { createAclBindings } from "@/lib/server/kafka/acl-requests";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import {
  eventually,
  groupClientBindings,
  kafkajsAs,
  mtls,
  sendOnceAllowed,
  withConsoleAdmin,
} from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";
import { joinedMember, kafkajsMember } from "../support/group-consumers";

const shared = vi.hoisted(() => ({ pool: undefined as ClusterPool | undefined, audit: [] as unknown[] }));

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));
vi.mock("@/lib/server/auth", () => ({
  recordAudit: async (event: unknown) => void shared.audit.push(event),
}));

const {
  applyGroupOffsets,
  deleteGroup,
  deleteGroupTopicOffsets,
  describeGroup,
  describeGroupWithTimeLag,
  listGroups,
  listTopicConsumers,
  readPageTimeLags,
} = await import("@/lib/server/kafka");

const APP = "gd-app";
const ORDERS = "gd-orders";
const OTHER = "gd-other";
const IDLE = "gd-idle";
const LIVE = "gd-live";
const ACTOR = { actor: "user:admin" } as Principal;
const HOUR = 3_600_000;
const STARTED = Date.now();
/** Record i of partition p of gd-orders is stamped (10 − i) hours before the test began (p = 0, 1). */
const stampOf = (index: number) => STARTED - (10 - index) * HOUR;
const PER_PARTITION = [5, 3];

let broker: TestBroker;
let pool: ClusterPool;
let kafka: Kafka;

async function commit(groupId: string, offsets: { topic: string; partition: number; offset: number }[]) {
  const result = await applyGroupOffsets(
    "local",
    groupId,
    offsets.map((row) => ({ ...row, offset: BigInt(row.offset) })),
    ACTOR,
  );
  if (!result.ok) throw new Error(result.error);
}

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  shared.pool = pool;
  await withConsoleAdmin(pool, async (admin) => {
    await admin.createTopics({ topics: [ORDERS], partitions: 2, replicas: 1 });
    await admin.createTopics({ topics: [OTHER], partitions: 1, replicas: 1 });
    await createAclBindings(admin, groupClientBindings(`User:${APP}`, "gd-"));
  });
  const coordinated = await eventually(async () => {
    const found = await pool.withAdmin("local", (admin) =>
      admin.findCoordinator({ keyType: 0, keys: [IDLE] }),
    );
    return found.ok && found.data[0]?.nodeId === 1;
  }, 60_000);
  expect(coordinated).toBe(true);
  const producer = kafkajsAs(broker, APP).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const sent = await sendOnceAllowed(
    producer,
    ORDERS,
    PER_PARTITION.flatMap((count, partition) =>
      Array.from({ length: count }, (_, index) => ({
        partition,
        value: `order ${partition}-${index}`,
        timestamp: String(stampOf(index)),
      })),
    ),
  );
  expect(sent).toBe(true);
  await producer.send({ topic: OTHER, messages: [{ value: "a" }, { value: "b" }] });
  await producer.disconnect();
  kafka = kafkajsMember(broker, broker.issueClientCertificate(APP), "gd-test");
  // gd-idle: behind by 3 on gd-orders partition 0, caught up on partition 1, behind by 1 on gd-other.
  await commit(IDLE, [
    { topic: ORDERS, partition: 0, offset: 2 },
    { topic: ORDERS, partition: 1, offset: 3 },
    { topic: OTHER, partition: 0, offset: 1 },
  ]);
  await commit(LIVE, [{ topic: ORDERS, partition: 0, offset: 1 }]);
});

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
});

describe("time lag", () => {
  it("is the age of the record at the committed offset, null where the group is caught up", async () => {
    const now = Date.now();
    const result = await describeGroupWithTimeLag("local", IDLE, now);
    if (!result.ok || !result.data) throw new Error("gd-idle cannot be described");
    const lagOf = (topic: string, partition: number) =>
      result.data!.partitions.find((row) => row.topic === topic && row.partition === partition)?.timeLagMs;
    expect(lagOf(ORDERS, 0)).toBe(now - stampOf(2));
    expect(lagOf(ORDERS, 1)).toBeNull();
    expect(lagOf(OTHER, 0)).toBeGreaterThanOrEqual(0);
    expect(result.data.maxTimeLagMs).toBe(now - stampOf(2));
  });

  it("is each listed group's largest on the list's page", async () => {
    const now = Date.now();
    const page = await listGroups("local", { q: "gd-" });
    if (!page.ok) throw new Error(page.problem.title);
    const lags = await readPageTimeLags("local", page.data.groups, now);
    expect(lags.ok && lags.data.get(IDLE)).toBe(now - stampOf(2));
    expect(lags.ok && lags.data.get(LIVE)).toBe(now - stampOf(1));
  });
});

describe("the groups reading a topic", () => {
  it("lists each group with committed offsets on it, its lag on that topic only", async () => {
    const result = await listTopicConsumers("local", ORDERS);
    if (!result.ok) throw new Error(result.problem.title);
    const idle = result.data.find((group) => group.groupId === IDLE);
    expect(idle).toMatchObject({ type: "classic", state: "Empty", members: 0, partitions: 2, lag: "3" });
    expect(result.data.find((group) => group.groupId === LIVE)).toMatchObject({ partitions: 1, lag: "4" });
    const other = await listTopicConsumers("local", OTHER);
    expect(other.ok && other.data.map((group) => group.groupId)).toEqual([IDLE]);
  });

  it("filters the group list by topic", async () => {
    const other = await listGroups("local", { topic: OTHER });
    expect(other.ok && other.data.groups.map((group) => group.id)).toEqual([IDLE]);
    const none = await listGroups("local", { topic: "gd-nobody-reads-this" });
    expect(none.ok && none.data.total).toBe(0);
  });
});

describe("deleting", () => {
  let member: Consumer | undefined;

  beforeAll(async () => {
    member = await joinedMember(kafka, LIVE, ORDERS);
  });

  afterAll(async () => {
    await member?.disconnect();
  });

  it("refuses to delete a group with a live kafkajs member, naming it", async () => {
    const result = await deleteGroup("local", LIVE, ACTOR);
    expect(result).toMatchObject({ ok: false, status: 409, code: "NON_EMPTY_GROUP" });
    expect(!result.ok && result.error).toContain("gd-test");
    expect(shared.audit).toContainEqual(
      expect.objectContaining({ action: "group.delete", target: LIVE, outcome: "failure" }),
    );
  });

  it("refuses to delete a topic's offsets while a member reads the topic, naming it", async () => {
    const result = await deleteGroupTopicOffsets("local", LIVE, ORDERS, ACTOR);
    expect(result).toMatchObject({ ok: false, status: 409, code: "GROUP_SUBSCRIBED_TO_TOPIC" });
    expect(!result.ok && result.error).toMatch(
      /gd-test.*reading topic gd-orders|reading topic gd-orders.*gd-test/,
    );
  });

  it("deletes one topic's offsets of a group and leaves its other topics' offsets", async () => {
    const result = await deleteGroupTopicOffsets("local", IDLE, OTHER, ACTOR);
    expect(result).toEqual({
      ok: true,
      data: { cluster: "local", groupId: IDLE, topic: OTHER, offsets: [{ partition: 0, offset: "1" }] },
    });
    const after = await describeGroup("local", IDLE);
    const rows = after.ok ? after.data?.partitions : undefined;
    expect(rows?.map(({ topic, partition, committedOffset }) => [topic, partition, committedOffset])).toEqual(
      [
        [ORDERS, 0, "2"],
        [ORDERS, 1, "3"],
      ],
    );
    const again = await deleteGroupTopicOffsets("local", IDLE, OTHER, ACTOR);
    expect(again).toMatchObject({ ok: false, status: 404, code: "NO_COMMITTED_OFFSETS" });
  });

  it("deletes the group once its member has left, and the group is gone", async () => {
    await member?.disconnect();
    member = undefined;
    const deleted = await eventually(async () => (await deleteGroup("local", LIVE, ACTOR)).ok, 30_000);
    expect(deleted).toBe(true);
    const after = await describeGroup("local", LIVE);
    expect(after).toEqual({ ok: true, data: null });
    expect(shared.audit).toContainEqual(
      expect.objectContaining({ action: "group.delete", target: LIVE, outcome: "success" }),
    );
    const missing = await deleteGroup("local", LIVE, ACTOR);
    expect(missing).toMatchObject({ ok: false, status: 404, code: "GROUP_ID_NOT_FOUND" });
  });
});
