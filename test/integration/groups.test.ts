// Consumer groups against a real Kafka 4.3 through the console's pool: a kafkajs classic group that
// consumed part of a topic, listed as classic with its state, its lag = produced − committed per
// partition; a Java kafka-clients consumer with group.protocol=consumer (KIP-848) listed as a consumer
// group, Stable and not Dead, with its member, epochs and assignment; a Java KafkaShareConsumer's share
// group listed as share with its member, its start offset and the lag the broker reports.
import type { ChildProcessWithoutNullStreams } from "node:child_process";

import { Kafka, logLevel, type Consumer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";
import { createAclBindings } from "@/lib/server/kafka/acl-requests";

import { kafkaAtLeast } from "../support/kafka-release";
import { binding, eventually, kafkajsAs, mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";
import { printed, startJava, stopJava } from "../support/java-clients";

const shared = vi.hoisted(() => ({ pool: undefined as ClusterPool | undefined }));

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));

const { clusterCapabilities, describeGroup, listGroups, unavailableReason } =
  await import("@/lib/server/kafka");

const APP = "groups-app";
const CLASSIC_TOPIC = "gr-orders";
const CLASSIC_GROUP = "gr-classic-readers";
const KIP848_TOPIC = "gr-events";
const KIP848_GROUP = "gr-kip848-readers";
const SHARE_GROUP = "gr-share-readers";
/** Records produced to each partition of gr-orders, and how many of each the classic group consumes and commits. */
const PRODUCED = [4, 3, 5];
const CONSUMED = [1, 3, 2];
const LAG = String(PRODUCED.reduce((sum, count, partition) => sum + count - CONSUMED[partition]!, 0));

let broker: TestBroker;
let pool: ClusterPool;
let appIdentity: { cert: string; key: string };

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  shared.pool = pool;
  appIdentity = broker.issueClientCertificate(APP);
  await withConsoleAdmin(pool, async (admin) => {
    await admin.createTopics({ topics: [CLASSIC_TOPIC], partitions: 3, replicas: 1 });
    await admin.createTopics({ topics: [KIP848_TOPIC], partitions: 1, replicas: 1 });
    await createAclBindings(admin, [
      ...(["READ", "WRITE", "DESCRIBE"] as const).map((operation) =>
        binding({ principal: `User:${APP}`, resourceName: "gr-", patternType: "PREFIXED", operation }),
      ),
      ...(["READ", "DESCRIBE"] as const).map((operation) =>
        binding({
          principal: `User:${APP}`,
          resourceType: "GROUP",
          resourceName: "gr-",
          patternType: "PREFIXED",
          operation,
        }),
      ),
    ]);
  });
  // __consumer_offsets is created with the first coordinator lookup; kafkajs (no retries here) would fail before.
  const coordinated = await eventually(async () => {
    const found = await pool.withAdmin("local", (admin) =>
      admin.findCoordinator({ keyType: 0, keys: [CLASSIC_GROUP] }),
    );
    return found.ok && found.data[0]?.nodeId === 1;
  }, 60_000);
  expect(coordinated).toBe(true);
  const kafka = kafkajsAs(broker, APP);
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  // The authorizer follows the metadata log: retry the first send until the grant is seen.
  const sent = await eventually(async () => {
    try {
      await producer.send({
        topic: CLASSIC_TOPIC,
        messages: PRODUCED.flatMap((count, partition) =>
          Array.from({ length: count }, (_, index) => ({ partition, value: `order ${partition}-${index}` })),
        ),
      });
      return true;
    } catch {
      return false;
    }
  }, 30_000);
  expect(sent).toBe(true);
  await producer.send({
    topic: KIP848_TOPIC,
    messages: Array.from({ length: 6 }, (_, index) => ({ value: `event ${index}` })),
  });
  await producer.disconnect();
});

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
});

describe("a kafkajs classic group that consumed part of a topic", () => {
  let consumer: Consumer;

  beforeAll(async () => {
    // With retries, as users run it: a fresh broker's coordinator answers "loading" for a while.
    const kafka = new Kafka({
      clientId: "groups-test",
      brokers: [broker.sslBootstrap],
      ssl: { ca: [broker.ca], ...appIdentity },
      logLevel: logLevel.NOTHING,
      retry: { retries: 8, initialRetryTime: 300 },
    });
    consumer = kafka.consumer({ groupId: CLASSIC_GROUP });
    await consumer.connect();
    await consumer.subscribe({ topic: CLASSIC_TOPIC, fromBeginning: true });
    const consumed = new Map<number, number>();
    await new Promise<void>((resolve, reject) => {
      // kafkajs restarts after a retriable error (the coordinator still loading); only a final crash fails.
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) reject(payload.error);
      });
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            // Past a partition's share nothing is committed: the group stays behind there.
            const count = consumed.get(partition) ?? 0;
            if (count >= CONSUMED[partition]!) return;
            consumed.set(partition, count + 1);
            const next = BigInt(message.offset) + 1n;
            await consumer.commitOffsets([{ topic, partition, offset: next.toString() }]);
            if (CONSUMED.every((wanted, index) => consumed.get(index) === wanted)) {
              consumer.pause([{ topic }]);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
  });

  it("is listed as a classic Stable group with its member, topic and lag while it runs", async () => {
    const listed = await listGroups("local", { q: "gr-classic" });
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    expect(listed.data.total).toBe(1);
    expect(listed.data.groups[0]).toMatchObject({
      id: CLASSIC_GROUP,
      type: "classic",
      state: "Stable",
      protocolType: "consumer",
      coordinator: 1,
      members: 1,
      topics: [CLASSIC_TOPIC],
      totalLag: LAG,
    });
  });

  it("shows per partition the committed offset, the log end offset and their difference as lag", async () => {
    const described = await describeGroup("local", CLASSIC_GROUP);
    expect(described.ok).toBe(true);
    if (!described.ok || !described.data) throw new Error("no group");
    const group = described.data;
    expect(group.members).toHaveLength(1);
    expect(group.members![0]!.assignment).toEqual([{ topic: CLASSIC_TOPIC, partitions: [0, 1, 2] }]);
    // Produced minus committed, per partition: the commits are offsets + 1 of the last consumed record.
    expect(group.partitions).toMatchObject(
      PRODUCED.map((produced, partition) => ({
        topic: CLASSIC_TOPIC,
        partition,
        committedOffset: String(CONSUMED[partition]),
        logEndOffset: String(produced),
        lag: String(produced - CONSUMED[partition]!),
        assignedTo: expect.any(String),
      })),
    );
    expect(group.totalLag).toBe(LAG);
  });

  it("is Empty with the same lag once its member left", async () => {
    await consumer.disconnect();
    const empty = await eventually(async () => {
      const listed = await listGroups("local", { q: CLASSIC_GROUP, state: "empty" });
      return listed.ok && listed.data.groups[0]?.members === 0;
    }, 20_000);
    expect(empty).toBe(true);
    const listed = await listGroups("local", { type: "classic", sort: "lag" });
    if (!listed.ok) throw new Error(listed.problem.title);
    expect(listed.data.groups.find((group) => group.id === CLASSIC_GROUP)?.totalLag).toBe(LAG);
  });
});

describe("a Java consumer with group.protocol=consumer (KIP-848)", () => {
  let java: ChildProcessWithoutNullStreams | undefined;

  afterAll(() => stopJava(java));

  it("is listed as a consumer group, not Dead, with its member, epochs, assignment and lag", async () => {
    java = startJava(broker, appIdentity, "Kip848Consumer", [KIP848_TOPIC, KIP848_GROUP, "4"]);
    await printed(java, /^COMMITTED \d+$/m);

    const listed = await listGroups("local", { type: "consumer" });
    if (!listed.ok) throw new Error(listed.problem.title);
    const summary = listed.data.groups.find((group) => group.id === KIP848_GROUP);
    expect(summary).toMatchObject({ type: "consumer", members: 1, topics: [KIP848_TOPIC], totalLag: "2" });
    expect(summary?.state).not.toBe("Dead");
    expect(listed.data.groups.some((group) => group.id === CLASSIC_GROUP)).toBe(false);

    const described = await describeGroup("local", KIP848_GROUP);
    if (!described.ok || !described.data) throw new Error("no group");
    const group = described.data;
    expect(group.state).toBe("Stable");
    expect(group.protocol).toMatch(/^(uniform|range)$/);
    expect(group.groupEpoch).toBeGreaterThan(0);
    expect(group.members).toHaveLength(1);
    expect(group.members![0]).toMatchObject({
      clientId: "kip848-consumer",
      subscribedTopics: [KIP848_TOPIC],
      assignment: [{ topic: KIP848_TOPIC, partitions: [0] }],
      targetAssignment: [{ topic: KIP848_TOPIC, partitions: [0] }],
    });
    expect(group.members![0]!.memberEpoch).toBeGreaterThan(0);
    expect(group.partitions).toMatchObject([
      {
        topic: KIP848_TOPIC,
        partition: 0,
        committedOffset: "4",
        logEndOffset: "6",
        lag: "2",
        metadata: "kip848",
      },
    ]);
  }, 150_000);
});

// Share groups arrived with Kafka 4.0: before it the console says they are unavailable, naming the API.
if (!kafkaAtLeast(4, 0)) {
  describe("share groups on a Kafka before 4.0", () => {
    it("are unavailable, said with the API the cluster lacks, and no group is listed as share", async () => {
      expect(unavailableReason(await clusterCapabilities("local"), "shareGroups")).toMatch(
        /ShareGroupDescribe \(ApiKey 77\)/,
      );
      const listed = await listGroups("local", { type: "share" });
      if (!listed.ok) throw new Error(listed.problem.title);
      expect(listed.data.groups).toEqual([]);
    });
  });
} else {
  describe("a Java KafkaShareConsumer (KIP-932 share group)", () => {
    let java: ChildProcessWithoutNullStreams | undefined;

    afterAll(() => stopJava(java));

    it("is listed as a share group with its member (ShareGroupDescribe), its start offset and lag (DescribeShareGroupOffsets)", async () => {
      java = startJava(broker, appIdentity, "ShareGroupConsumer", [KIP848_TOPIC, SHARE_GROUP]);
      await printed(java, /^JOINED$/m);
      const assigned = await eventually(async () => {
        // Listed at once; assigned with the member's next heartbeat.
        const described = await describeGroup("local", SHARE_GROUP);
        return (
          described.ok &&
          described.data?.type === "share" &&
          (described.data.members?.[0]?.assignment ?? []).some((entry) => entry.topic === KIP848_TOPIC)
        );
      }, 20_000);
      expect(assigned).toBe(true);

      const listed = await listGroups("local", { q: "gr-" });
      if (!listed.ok) throw new Error(listed.problem.title);
      const share = listed.data.groups.find((group) => group.id === SHARE_GROUP);
      expect(share).toMatchObject({
        type: "share",
        state: "Stable",
        members: 1,
        topics: [KIP848_TOPIC],
        coordinator: 1,
      });
      expect(share?.unavailable).toBeUndefined();
      // The share group takes nothing from the other groups' figures.
      expect(listed.data.groups.find((group) => group.id === CLASSIC_GROUP)).toMatchObject({ totalLag: LAG });

      // Its members through ShareGroupDescribe v1 (the console's own codec).
      const described = await describeGroup("local", SHARE_GROUP);
      if (!described.ok || !described.data) throw new Error("no group");
      expect(described.data).toMatchObject({ type: "share", protocol: "simple" });
      expect(described.data.groupEpoch).toBeGreaterThan(0);
      expect(described.data.members).toEqual([
        expect.objectContaining({
          clientId: "share-consumer",
          subscribedTopics: [KIP848_TOPIC],
          assignment: [{ topic: KIP848_TOPIC, partitions: [0] }],
        }),
      ]);

      // share.auto.offset.reset is latest: the share-partition starts where the log ends when the member
      // first fetches it, so records are sent one by one until the one just sent is delivered (an
      // earlier one's delivery is not enough: the one sent after it could still be unacknowledged, and
      // lag). Once the member left (acknowledging what it got), 3 more records are the broker's lag.
      const producer = kafkajsAs(broker, APP).producer({ allowAutoTopicCreation: false });
      await producer.connect();
      let delivered = false;
      for (let attempt = 0; attempt < 30 && !delivered; attempt++) {
        const [sent] = await producer.send({
          topic: KIP848_TOPIC,
          messages: [{ value: `share ${attempt}` }],
        });
        const thisRecord = new RegExp(`^RECORD 0 ${sent!.baseOffset}$`, "m");
        delivered = await Promise.race([
          printed(java, thisRecord).then(
            () => true,
            () => false,
          ),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1_000)),
        ]);
      }
      expect(delivered).toBe(true);
      await stopJava(java);
      java = undefined;
      const before = await describeGroup("local", SHARE_GROUP);
      const logEnd = Number(before.ok ? before.data?.partitions[0]?.logEndOffset : NaN);
      await producer.send({
        topic: KIP848_TOPIC,
        messages: [{ value: "a" }, { value: "b" }, { value: "c" }],
      });
      await producer.disconnect();
      // The 3 are lag; so is the record delivered last when the member stopped before acknowledging it
      // (CI saw it): its acquisition lock runs out and the broker offers it again.
      let lagged: unknown;
      await eventually(async () => {
        const again = await describeGroup("local", SHARE_GROUP);
        lagged = again.ok ? again.data : undefined;
        return again.ok && ["3", "4"].includes(again.data?.totalLag ?? "");
      }, 30_000);
      const { totalLag } = lagged as { totalLag: string };
      expect(["3", "4"]).toContain(totalLag);
      expect(lagged).toMatchObject({
        partitions: [
          {
            topic: KIP848_TOPIC,
            partition: 0,
            logEndOffset: String(logEnd + 3),
            lag: totalLag,
          },
        ],
      });
      // The start offset moves up to the first record not yet acknowledged: at most where the log ended.
      const start = Number(
        (lagged as { partitions: { committedOffset: string }[] }).partitions[0]!.committedOffset,
      );
      expect(start).toBeGreaterThanOrEqual(6);
      expect(start).toBeLessThanOrEqual(logEnd);

      // Sorted by lag, the share group counts with the broker's lag: among the others by it, not last.
      const byLag = await listGroups("local", { q: "gr-", sort: "lag" });
      if (!byLag.ok) throw new Error(byLag.problem.title);
      const lags = byLag.data.groups.map((group) => group.totalLag);
      const known = lags.filter((lag) => lag !== null).map(BigInt);
      expect(known).toEqual([...known].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
      expect(lags.slice(known.length).every((lag) => lag === null)).toBe(true);
      // 3, or 4 once the unacknowledged record's lock has run out (it may between the two reads).
      expect(["3", "4"]).toContain(byLag.data.groups.find((group) => group.id === SHARE_GROUP)?.totalLag);
    }, 150_000);
  });
}

describe("a group the cluster does not list", () => {
  it("is null, not an error", async () => {
    expect(await describeGroup("local", "gr-nobody")).toEqual({ ok: true, data: null });
  });
});
