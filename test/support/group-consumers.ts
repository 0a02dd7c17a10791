// kafkajs consumers for the offset-reset tests: where a (re)started group member actually begins, read
// from the first record it receives on each partition, committing nothing itself.
import { Kafka, logLevel, type Consumer } from "kafkajs";

import type { TestBroker } from "./broker";

/** With retries, as users run it: a fresh broker's coordinator answers "loading" for a while. */
export function kafkajsMember(broker: TestBroker, identity: { cert: string; key: string }, clientId: string) {
  return new Kafka({
    clientId,
    brokers: [broker.sslBootstrap],
    ssl: { ca: [broker.ca], ...identity },
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 300 },
  });
}

/** A member that joined the group and runs (committing nothing) until it is disconnected. */
export async function joinedMember(kafka: Kafka, groupId: string, topic: string): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  void consumer.run({ autoCommit: false, eachMessage: async () => {} });
  await joined;
  return consumer;
}

/**
 * The offset of the first record a new member of the group receives on each of `partitions`. Once it
 * has joined, `nudge` produces one record to each partition, so a member that begins at the log end
 * receives something too. It commits nothing and leaves the group before answering.
 */
export async function firstOffsetsOnStart(
  kafka: Kafka,
  groupId: string,
  topic: string,
  partitions: readonly number[],
  nudge: () => Promise<void>,
): Promise<Map<number, string>> {
  const consumer = kafka.consumer({ groupId });
  const first = new Map<number, string>();
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.GROUP_JOIN, () => void nudge().catch(reject));
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) reject(payload.error);
      });
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            if (!first.has(partition)) first.set(partition, message.offset);
            if (partitions.every((wanted) => first.has(wanted))) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return first;
}
