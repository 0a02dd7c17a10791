// Client quotas through the console's functions against a real Kafka: a 20 KiB/s produce quota on a
// client id throttles a real kafkajs producer with that client id (the broker reports a throttle time
// in its Produce answers), is listed with its value, and goes when removed; audited before and after.
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Principal } from "@/lib/server/auth";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import { eventually, mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";

const shared = vi.hoisted(() => ({ pool: undefined as ClusterPool | undefined, audit: [] as unknown[] }));

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));
vi.mock("@/lib/server/auth", () => ({
  recordAudit: async (event: unknown) => void shared.audit.push(event),
}));

const { alterClientQuota, listClientQuotas } = await import("@/lib/server/kafka");

const ACTOR = { actor: "user:admin" } as Principal;
const TOPIC = "quota-orders";
const CLIENT_ID = "quota-producer";
const RATE = 20 * 1024;

let broker: TestBroker;
let pool: ClusterPool;

async function quotaOf(clientId: string) {
  const listed = await listClientQuotas("local");
  if (!listed.ok) throw new Error(listed.problem.title);
  return listed.data.find((entry) => entry.entity.clientId === clientId && entry.entity.user === undefined);
}

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  shared.pool = pool;
  await withConsoleAdmin(pool, (admin) =>
    admin.createTopics({ topics: [TOPIC], partitions: 1, replicas: 1 }),
  );
});

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
});

describe("a producer quota on a client id", () => {
  it("throttles a real producer with that client id, and is removed", async () => {
    const set = await alterClientQuota(
      "local",
      { entity: { clientId: CLIENT_ID }, set: { producer_byte_rate: RATE }, remove: [] },
      ACTOR,
    );
    if (!set.ok) throw new Error(set.error);
    expect(set.data.changes).toEqual([{ key: "producer_byte_rate", before: null, after: RATE }]);
    expect(await eventually(async () => (await quotaOf(CLIENT_ID))?.values.producer_byte_rate === RATE)).toBe(
      true,
    );

    // kafkajs logs each decoded Produce answer at debug level. From Produce v6 on (KIP-219) the broker's
    // throttle_time_ms is what the client must wait, which kafkajs keeps as clientSideThrottleTime.
    const throttles: number[] = [];
    const kafka = new Kafka({
      clientId: CLIENT_ID,
      brokers: [broker.sslBootstrap],
      ssl: { ca: [broker.ca], ...broker.console },
      logLevel: logLevel.DEBUG,
      logCreator:
        () =>
        ({ log }) => {
          const data = (log as { data?: { throttleTime?: unknown; clientSideThrottleTime?: unknown } }).data;
          if (!String(log.message).startsWith("Response Produce") || !data) return;
          const times = [data.throttleTime, data.clientSideThrottleTime].filter(
            (time) => typeof time === "number",
          );
          if (times.length) throttles.push(Math.max(...(times as number[])));
        },
    });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      const value = Buffer.alloc(20 * 1024, "q");
      // ~200 KiB is ten times the quota's second; more only if the broker has not throttled yet (≤ 600 KiB).
      for (let batch = 0; batch < 30 && !throttles.some((time) => time > 0); batch++)
        await producer.send({ topic: TOPIC, messages: [{ value }] });
    } finally {
      await producer.disconnect();
    }
    expect(throttles.length).toBeGreaterThan(0);
    expect(Math.max(...throttles)).toBeGreaterThan(0);

    const removed = await alterClientQuota(
      "local",
      { entity: { clientId: CLIENT_ID }, set: {}, remove: ["producer_byte_rate"] },
      ACTOR,
    );
    if (!removed.ok) throw new Error(removed.error);
    expect(removed.data.changes).toEqual([{ key: "producer_byte_rate", before: RATE, after: null }]);
    expect(await eventually(async () => (await quotaOf(CLIENT_ID)) === undefined)).toBe(true);
    expect(shared.audit).toContainEqual(
      expect.objectContaining({
        action: "quota.alter",
        target: `client-id ${CLIENT_ID}`,
        outcome: "success",
        details: expect.objectContaining({ before: `producer_byte_rate=${RATE}`, after: "none" }),
      }),
    );
  });
});

describe("quotas of users, user and client id, and defaults", () => {
  it("sets several values at once, lists each entity, and refuses nothing valid", async () => {
    const entities = [{ user: null }, { user: "alice", clientId: "reports" }, { clientId: null }] as const;
    for (const entity of entities) {
      const result = await alterClientQuota(
        "local",
        { entity: { ...entity }, set: { consumer_byte_rate: 1_048_576, request_percentage: 25 }, remove: [] },
        ACTOR,
      );
      if (!result.ok) throw new Error(result.error);
    }
    const listed = await eventually(async () => {
      const answer = await listClientQuotas("local");
      return answer.ok && answer.data.length >= entities.length;
    });
    expect(listed).toBe(true);
    const answer = await listClientQuotas("local");
    if (!answer.ok) throw new Error(answer.problem.title);
    expect(answer.data).toEqual(
      expect.arrayContaining(
        entities.map((entity) => ({
          entity: { ...entity },
          values: { consumer_byte_rate: 1_048_576, request_percentage: 25 },
        })),
      ),
    );
  });
});
