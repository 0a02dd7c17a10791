// Share groups' start offsets reset against a real Kafka 4.3 (AlterShareGroupOffsets, the console's
// codec), proven with a Java KafkaShareConsumer: refused naming the member while it is in the group
// (and Kafka's own NON_EMPTY_GROUP read the same way); once it left, a reset's preview is where the
// restarted share consumer's deliveries begin, and DescribeShareGroupOffsets reports the new offsets.
import type { ChildProcessWithoutNullStreams } from "node:child_process";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { groupResetSchema } from "@/lib/schemas/group-reset";
import type { Principal } from "@/lib/server/auth";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";
import { createAclBindings } from "@/lib/server/kafka/acl-requests";
import { refusalOfCommit } from "@/lib/server/kafka/group-reset-guard";
import { alterShareStartOffsets } from "@/lib/server/kafka/group-reset-share";

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

const shared = vi.hoisted(() => ({ pool: undefined as ClusterPool | undefined, audit: [] as unknown[] }));

vi.mock("@/lib/server/kafka/global-pool", () => ({
  currentPool: () => shared.pool,
  closeCurrentPool: async () => {},
}));
vi.mock("@/lib/server/auth", () => ({
  recordAudit: async (event: unknown) => void shared.audit.push(event),
}));

const { applyGroupOffsets, describeGroup, previewGroupReset, readGroupCommitted } =
  await import("@/lib/server/kafka");

const APP = "sh-app";
const TOPIC = "sh-events";
const GROUP = "sh-readers";
const RECORDS = 6;
const ACTOR = { actor: "user:operator" } as Principal;

let broker: TestBroker;
let pool: ClusterPool;
let identity: { cert: string; key: string };
let java: ChildProcessWithoutNullStreams | undefined;

const preview = (request: Record<string, unknown>) =>
  previewGroupReset("local", GROUP, groupResetSchema.parse(request));

/** The group has this many members (the share consumer says JOINED before its coordinator lists it). */
const members = (count: number) =>
  eventually(async () => {
    const described = await describeGroup("local", GROUP);
    return described.ok && described.data?.members?.length === count;
  }, 60_000);

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([mtls(broker, "local", broker.console)]);
  shared.pool = pool;
  identity = broker.issueClientCertificate(APP);
  await withConsoleAdmin(pool, async (admin) => {
    await admin.createTopics({ topics: [TOPIC], partitions: 2, replicas: 1 });
    await createAclBindings(admin, groupClientBindings(`User:${APP}`, "sh-"));
  });
  const producer = kafkajsAs(broker, APP).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const messages = [0, 1].flatMap((partition) =>
    Array.from({ length: RECORDS }, (_, index) => ({ partition, value: `event ${partition}-${index}` })),
  );
  const sent = await sendOnceAllowed(producer, TOPIC, messages);
  expect(sent).toBe(true);
  await producer.disconnect();
});

afterAll(async () => {
  await stopJava(java);
  await pool?.close();
  await broker?.dispose();
});

describe("a Java KafkaShareConsumer's share group", () => {
  it("is refused while its member is in the group, by the console and by Kafka (NON_EMPTY_GROUP)", async () => {
    java = startJava(broker, identity, "ShareGroupConsumer", [TOPIC, GROUP]);
    await printed(java, /^JOINED$/m);
    expect(await members(1)).toBe(true);
    const refused = await preview({ mode: "earliest", topic: TOPIC });
    expect(refused).toMatchObject({ ok: false, status: 409, code: "NON_EMPTY_GROUP" });
    expect(!refused.ok && refused.error).toMatch(
      /^Group sh-readers has 1 active member: share-consumer \(member /,
    );
    const kafkaRefusal = await pool.withAdmin("local", (admin) =>
      alterShareStartOffsets(admin, GROUP, [{ topic: TOPIC, partition: 0, offset: 0n }]).then(
        () => null,
        (error: unknown) => refusalOfCommit("local", GROUP, error),
      ),
    );
    expect(kafkaRefusal.ok && kafkaRefusal.data).toMatchObject({ status: 409, code: "NON_EMPTY_GROUP" });
    expect(kafkaRefusal.ok && kafkaRefusal.data?.error).toMatch(/share-consumer .*\(NON_EMPTY_GROUP\)$/);
    await stopJava(java);
    expect(await members(0)).toBe(true);
  });

  it("starts where the preview said once reset, and the broker reports the new start offsets", async () => {
    // A specific offset on partition 1, the earliest on partition 0: two modes, one proof each.
    const earliest = await preview({ mode: "earliest", topic: TOPIC, partitions: "0" });
    const offset = await preview({ mode: "offset", offset: "4", topic: TOPIC, partitions: "1" });
    if (!earliest.ok || !offset.ok) throw new Error("no preview");
    const rows = [...earliest.data.rows, ...offset.data.rows];
    expect(rows.map((row) => [row.partition, row.newOffset])).toEqual([
      [0, "0"],
      [1, "4"],
    ]);
    const applied = await applyGroupOffsets(
      "local",
      GROUP,
      rows.map((row) => ({ topic: TOPIC, partition: row.partition, offset: BigInt(row.newOffset) })),
      ACTOR,
    );
    expect(applied).toMatchObject({ ok: true, data: { offsets: [{ after: "0" }, { after: "4" }] } });
    expect(shared.audit.at(-1)).toMatchObject({ action: "group.reset", target: GROUP, outcome: "success" });
    const reported = await readGroupCommitted("local", GROUP, "share");
    expect(reported.ok && reported.data.map((row) => row.offset)).toEqual([0n, 4n]);

    java = startJava(broker, identity, "ShareGroupConsumer", [TOPIC, GROUP]);
    const output = await printed(
      java,
      /^RECORD 0 \d+$[\s\S]*^RECORD 1 \d+$|^RECORD 1 \d+$[\s\S]*^RECORD 0 \d+$/m,
    );
    const first = (partition: number) => new RegExp(`^RECORD ${partition} (\\d+)$`, "m").exec(output)?.[1];
    expect([first(0), first(1)]).toEqual(["0", "4"]);
  });
});
