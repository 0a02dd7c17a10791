// kafkajs, as our users run it, against the e2e broker: the console's identity for set-up, and any
// certificate the console issued for the checks.
import { readFileSync } from "node:fs";

import kafkajs, { type Kafka as KafkaClient } from "kafkajs";

import { brokerLayout } from "../../scripts/cluster/layout";
import { e2eBroker } from "./broker";

// kafkajs is CommonJS; Node's ESM loader does not see all of its named exports.
const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes } =
  kafkajs;

export interface ClientIdentity {
  /** The client certificate, with the intermediate after it. */
  cert: string;
  key: string;
}

function layout() {
  return brokerLayout(process.env.E2E_BROKER_DIR!);
}

export function kafkaAs(identity: ClientIdentity, ca = readFileSync(layout().caBundle, "utf8")): KafkaClient {
  return new Kafka({
    clientId: "e2e-client",
    brokers: [e2eBroker().bootstrap],
    ssl: { ca: [ca], cert: identity.cert, key: identity.key },
    logLevel: logLevel.NOTHING,
    connectionTimeout: 5_000,
    // A fresh broker answers "coordinator loading" while __consumer_offsets is created.
    retry: { retries: 8, initialRetryTime: 300 },
  });
}

export function consoleKafka(): KafkaClient {
  return kafkaAs({
    cert: readFileSync(layout().consoleCert, "utf8"),
    key: readFileSync(layout().consoleKey, "utf8"),
  });
}

/** As the console's identity: a topic with one message in it. */
export async function topicWithMessage(topic: string, value: string): Promise<void> {
  const kafka = consoleKafka();
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ value }] });
  await producer.disconnect();
}

/** What the ACL page will do (a later issue): READ on the topic and on the group, for one principal. */
export async function grantRead(principal: string, topic: string, group: string): Promise<void> {
  const admin = consoleKafka().admin();
  await admin.connect();
  const allow = {
    principal,
    host: "*",
    permissionType: AclPermissionTypes.ALLOW,
    resourcePatternType: ResourcePatternTypes.LITERAL,
  };
  await admin.createAcls({
    acl: [
      {
        ...allow,
        resourceType: AclResourceTypes.TOPIC,
        resourceName: topic,
        operation: AclOperationTypes.READ,
      },
      {
        ...allow,
        resourceType: AclResourceTypes.GROUP,
        resourceName: group,
        operation: AclOperationTypes.READ,
      },
    ],
  });
  await admin.disconnect();
}

/** The first message a consumer in `group` reads from `topic`, or the error that stopped it. */
export async function readFirst(kafka: KafkaClient, topic: string, group: string): Promise<string> {
  const consumer = kafka.consumer({ groupId: group });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<string>((resolve, reject) => {
      // A retriable crash ("coordinator loading" on a fresh broker) restarts the consumer by itself;
      // only one it will not come back from is an answer.
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) reject(payload.error);
      });
      consumer
        .run({ eachMessage: async ({ message }) => resolve(message.value?.toString() ?? "") })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}
