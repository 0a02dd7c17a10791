// Consumer groups for the groups bench, made the way an admin tool makes them: offsets committed with
// OffsetCommit outside any generation (no live members), in parallel over a few connections. Records
// are produced first so committed partitions have a log end offset past the commit (a real lag); the
// wide group commits 0 on partitions holding a record or more (a retried send may write twice).
import { Admin, Producer } from "@platformatic/kafka";

import { fetchClusterMetadata } from "../../lib/server/kafka/cluster-metadata";
import type { TestBroker } from "../../test/support/broker";

export interface GroupFixture {
  /** Topics the many groups commit on, PARTITIONS each. */
  topics: string[];
  groupIds: string[];
  /** The group committed on every partition of WIDE_TOPICS. */
  wideGroup: string;
  widePartitions: number;
}

const TOPICS = 20;
const PARTITIONS = 12;
const RECORDS_PER_PARTITION = 50;
/** Each group commits on this many topics (all their partitions). */
const TOPICS_PER_GROUP = 2;
/** The wide group's topics: 4 × 250 partitions. */
const WIDE_TOPICS = 4;
const WIDE_PARTITIONS_PER_TOPIC = 250;
const ADMINS = 4;
const IN_FLIGHT_PER_ADMIN = 64;

export const groupIdOf = (index: number) => `bench-group-${String(index).padStart(5, "0")}`;

export function benchAdmin(broker: TestBroker, clientId = "kafka-console-bench"): Admin {
  return new Admin({
    clientId,
    bootstrapBrokers: [broker.sslBootstrap],
    tls: { ca: broker.ca, ...broker.console },
    timeout: 60_000,
    retries: 5,
  });
}

export async function createGroupFixture(broker: TestBroker, groups: number): Promise<GroupFixture> {
  const topics = Array.from({ length: TOPICS }, (_, i) => `bench-lag-${String(i).padStart(2, "0")}`);
  const wideTopics = Array.from({ length: WIDE_TOPICS }, (_, i) => `bench-wide-${i}`);
  const admins = Array.from({ length: ADMINS }, (_, i) => benchAdmin(broker, `kafka-console-bench-${i}`));
  try {
    const [admin] = admins as [Admin];
    await admin.createTopics({ topics, partitions: PARTITIONS, replicas: 1 });
    await admin.createTopics({ topics: wideTopics, partitions: WIDE_PARTITIONS_PER_TOPIC, replicas: 1 });
    await waitForLeaders(admin, [...topics, ...wideTopics]);
    await produce(broker, topics, PARTITIONS, RECORDS_PER_PARTITION);
    await produce(broker, wideTopics, WIDE_PARTITIONS_PER_TOPIC, 1);
    const groupIds = Array.from({ length: groups }, (_, i) => groupIdOf(i));
    let next = 0;
    await Promise.all(
      admins.flatMap((owner) =>
        Array.from({ length: IN_FLIGHT_PER_ADMIN }, async () => {
          for (let index = next++; index < groups; index = next++) {
            const mine = Array.from(
              { length: TOPICS_PER_GROUP },
              (_, k) => topics[(index + 7 * k) % TOPICS]!,
            );
            await commit(owner, groupIds[index]!, mine, PARTITIONS, (partition) =>
              BigInt((index + partition) % (RECORDS_PER_PARTITION + 1)),
            );
          }
        }),
      ),
    );
    const wideGroup = "bench-wide-group";
    await commit(admin, wideGroup, wideTopics, WIDE_PARTITIONS_PER_TOPIC, () => 0n);
    return { topics, groupIds, wideGroup, widePartitions: WIDE_TOPICS * WIDE_PARTITIONS_PER_TOPIC };
  } finally {
    await Promise.all(admins.map((admin) => admin.close()));
  }
}

function commit(
  admin: Admin,
  groupId: string,
  topics: string[],
  partitions: number,
  offsetOf: (partition: number) => bigint,
): Promise<void> {
  return admin.alterConsumerGroupOffsets({
    groupId,
    topics: topics.map((name) => ({
      name,
      partitionOffsets: Array.from({ length: partitions }, (_, partition) => ({
        partition,
        offset: offsetOf(partition),
      })),
    })),
  });
}

/** The controller answers CreateTopics before the broker leads every new partition: producing earlier fails. */
async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const wanted = new Set(topics);
  for (let attempt = 0; ; attempt++) {
    const metadata = await fetchClusterMetadata(admin);
    const ready = metadata.topics.filter(
      (topic) =>
        topic.name &&
        wanted.has(topic.name) &&
        topic.partitions.length > 0 &&
        topic.partitions.every((partition) => partition.leaderId >= 0),
    );
    if (ready.length === wanted.size) return;
    if (attempt === 120) throw new Error(`${wanted.size - ready.length} topics still lack leaders`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function produce(
  broker: TestBroker,
  topics: string[],
  partitions: number,
  perPartition: number,
): Promise<void> {
  const producer = new Producer({
    clientId: "kafka-console-bench-producer",
    bootstrapBrokers: [broker.sslBootstrap],
    tls: { ca: broker.ca, ...broker.console },
    timeout: 60_000,
    // A busy broker takes seconds to lead 1,000 new partitions after the metadata names it (NOT_LEADER_OR_FOLLOWER).
    retries: 30,
    retryDelay: 1_000,
  });
  try {
    const value = Buffer.from("lag");
    for (const topic of topics) {
      const messages = Array.from({ length: partitions * perPartition }, (_, i) => ({
        topic,
        partition: i % partitions,
        value,
      }));
      await producer.send({ messages });
    }
  } finally {
    await producer.close();
  }
}
