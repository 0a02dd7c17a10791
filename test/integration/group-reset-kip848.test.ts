// Offset resets of a KIP-848 group (group.protocol=consumer) against a real Kafka 4.3, proven with a
// Java kafka-clients consumer: refused naming the member while it runs; once it left, a shift's preview
// is where the restarted consumer begins.
import type { ChildProcessWithoutNullStreams } from "node:child_process";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { groupResetSchema } from "@/lib/schemas/group-reset";
import type { Principal } from "@/lib/server/auth";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";
import { createAclBindings } from "@/lib/server/kafka/acl-requests";

import {
  eventually,
  groupClientBindings,
  kafkajsAs,
  mtls,
  sendOnceAllowed,
  withConsoleAdmin,
} from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";
import { printed, startJava, stopJava } from "../support/java-clients";

const shared = vi.hoisted(() => ({ pool: undefined as ClusterPool | undefined }));

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));
vi.mock("@/lib/server/auth", () => ({ recordAudit: async () => {} }));

const { applyGroupOffsets, describeGroup, previewGroupReset } = await import("@/lib/server/kafka");

const APP = "k8-app";
const TOPIC = "k8-orders";
const GROUP = "k8-readers";
const ACTOR = { actor: "user:operator" } as Principal;

let broker: TestBroker;
let pool: ClusterPool;
let identity: { cert: string; key: string };
let java: ChildProcessWithoutNullStreams | undefined;

const preview = (request: Record<string, unknown>) =>
  previewGroupReset("local", GROUP, groupResetSchema.parse(request));

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  shared.pool = pool;
  identity = broker.issueClientCertificate(APP);
  await withConsoleAdmin(pool, async (admin) => {
    await admin.createTopics({ topics: [TOPIC], partitions: 1, replicas: 1 });
    await createAclBindings(admin, groupClientBindings(`User:${APP}`, "k8-"));
  });
  // __consumer_offsets is created with the first coordinator lookup.
  const coordinated = await eventually(async () => {
    const found = await pool.withAdmin("local", (admin) =>
      admin.findCoordinator({ keyType: 0, keys: [GROUP] }),
    );
    return found.ok && found.data[0]?.nodeId === 1;
  }, 60_000);
  expect(coordinated).toBe(true);
  const producer = kafkajsAs(broker, APP).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const messages = Array.from({ length: 8 }, (_, index) => ({ value: `order ${index}` }));
  const sent = await sendOnceAllowed(producer, TOPIC, messages);
  expect(sent).toBe(true);
  await producer.disconnect();
});

afterAll(async () => {
  await stopJava(java);
  await pool?.close();
  await broker?.dispose();
});

describe("a Java consumer's KIP-848 group", () => {
  it("is refused naming its member while it runs, and once it left starts where a shift said", async () => {
    java = startJava(broker, identity, "Kip848Consumer", [TOPIC, GROUP, "2"]);
    await printed(java, /^COMMITTED 2$/m);
    const refused = await preview({ mode: "shift", shift: "+3" });
    expect(refused).toMatchObject({ ok: false, status: 409, code: "NON_EMPTY_GROUP" });
    expect(!refused.ok && refused.error).toMatch(
      /^Group k8-readers has 1 active member: kip848-consumer \(member /,
    );
    await stopJava(java);
    const empty = await eventually(async () => {
      const described = await describeGroup("local", GROUP);
      return described.ok && described.data?.type === "consumer" && described.data.members?.length === 0;
    }, 30_000);
    expect(empty).toBe(true);

    const shifted = await preview({ mode: "shift", shift: "+3" });
    if (!shifted.ok) throw new Error(shifted.error);
    expect(shifted.data.rows).toMatchObject([{ partition: 0, currentOffset: "2", newOffset: "5" }]);
    const offsets = shifted.data.rows.map((row) => ({ ...row, offset: BigInt(row.newOffset) }));
    expect(await applyGroupOffsets("local", GROUP, offsets, ACTOR)).toMatchObject({ ok: true });
    java = startJava(broker, identity, "Kip848Consumer", [TOPIC, GROUP, "1"]);
    expect(await printed(java, /^COMMITTED 1$/m)).toMatch(/^RECORD 0 5$/m);
  }, 240_000); // two JVM starts, each compiling its program
});
