// ACL test helpers shared by the integration tests: bindings, waiting for the authorizer, and real
// clients (kafkajs, @platformatic/kafka) that report whether the broker let an operation through.
import { Admin, Consumer } from "@platformatic/kafka";
import { Kafka, logLevel, type Message, type Producer } from "kafkajs";

import { binding } from "../fixtures/acl-binding";
import { bindingKey, type AclBinding, type AclOperation } from "../../lib/acl/types";
import type { ClusterConnection } from "../../lib/schemas/cluster";
import { adminOptions, defaultTimeouts } from "../../lib/server/kafka/client-options";
import { describeKafkaError } from "../../lib/server/kafka/errors/describe-kafka-error";
import type { ClusterPool } from "../../lib/server/kafka/cluster-pool";
import type { TestBroker } from "./broker";

export { binding };

/** Runs with a pool's "local" admin (the console, a super user); a failure fails the test with the translated problem. */
export async function withConsoleAdmin<T>(
  pool: ClusterPool,
  operation: (admin: Admin) => Promise<T>,
): Promise<T> {
  const result = await pool.withAdmin("local", operation);
  if (!result.ok) throw new Error(`${result.problem.title} (${result.problem.code ?? result.problem.kind})`);
  return result.data;
}

export const SUPER_USERS = ["User:kafka-broker", "User:kafka-console"];
/** The broker sees every test client at this address. */
export const CLIENT_HOST = "127.0.0.1";

export function mtls(
  broker: TestBroker,
  name: string,
  identity: { cert: string; key: string },
): ClusterConnection {
  return { name, bootstrapBrokers: [broker.sslBootstrap], tls: { ca: broker.ca, ...identity } };
}

export const keys = (bindings: AclBinding[]) => bindings.map(bindingKey).sort();
export const holds = (bindings: AclBinding[], wanted: string[]) => {
  const present = new Set(keys(bindings));
  return wanted.every((key) => present.has(key));
};

/** The authorizer's cache follows the metadata log; give it a moment after each change. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function kafkajsAs(broker: TestBroker, commonName: string): Kafka {
  return new Kafka({
    clientId: "acls-test",
    brokers: [broker.sslBootstrap],
    ssl: { ca: [broker.ca], ...broker.issueClientCertificate(commonName) },
    logLevel: logLevel.NOTHING,
    connectionTimeout: 5_000,
    retry: { retries: 0 },
  });
}

/** A fresh producer per attempt: kafkajs keeps asking for metadata of every topic it has seen. */
export async function kafkajsProduces(kafka: Kafka, topic: string): Promise<boolean> {
  const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
  await producer.connect();
  try {
    await producer.send({ topic, messages: [{ value: "acl test" }] });
    return true;
  } catch (error) {
    if (/not authorized|AUTHORIZATION_FAILED/i.test(String((error as Error).message))) return false;
    throw error;
  } finally {
    await producer.disconnect();
  }
}

/**
 * What a consuming application needs on topics and groups named `prefix…`: READ, WRITE and DESCRIBE
 * on the topics, READ and DESCRIBE on the groups (WRITE means nothing for a group).
 */
export function groupClientBindings(principal: string, prefix: string): AclBinding[] {
  const on = (resourceType: "TOPIC" | "GROUP", operations: readonly AclOperation[]) =>
    operations.map((operation) =>
      binding({ principal, resourceType, resourceName: prefix, patternType: "PREFIXED", operation }),
    );
  return [...on("TOPIC", ["READ", "WRITE", "DESCRIBE"]), ...on("GROUP", ["READ", "DESCRIBE"])];
}

/** The authorizer follows the metadata log: the first send is retried until the grant is seen (30 s). */
export function sendOnceAllowed(producer: Producer, topic: string, messages: Message[]): Promise<boolean> {
  return eventually(
    () =>
      producer.send({ topic, messages }).then(
        () => true,
        () => false,
      ),
    30_000,
  );
}

/** A small deterministic PRNG (mulberry32): the same generated cases on every run. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CLIENTS = ["xc-a", "xc-b", "xc-c"];
export const TOPICS = ["xc-orders", "xc-orders-eu", "xc-payments"];
export const CHECKED: AclOperation[] = ["DESCRIBE", "WRITE", "READ"];

/** Bindings over the clients' topics: LITERAL, PREFIXED, "*", User:*, a never-matching User:xc-*, hosts, DENYs. */
export function generateBindings(count: number, seed: number): AclBinding[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const principals = [...CLIENTS.map((cn) => `User:${cn}`), "User:*", "User:xc-*"];
  const patterns: Pick<AclBinding, "resourceName" | "patternType">[] = [
    { resourceName: "xc-orders", patternType: "LITERAL" },
    { resourceName: "xc-orders-eu", patternType: "LITERAL" },
    { resourceName: "xc-payments", patternType: "LITERAL" },
    { resourceName: "xc-orders", patternType: "PREFIXED" },
    { resourceName: "xc-", patternType: "PREFIXED" },
    { resourceName: "xc-pay", patternType: "PREFIXED" },
    { resourceName: "*", patternType: "LITERAL" },
  ];
  const operations: AclOperation[] = ["READ", "READ", "WRITE", "WRITE", "DESCRIBE", "ALL"];
  return Array.from({ length: count }, () =>
    binding({
      principal: pick(principals),
      host: pick(["*", "*", "*", "*", CLIENT_HOST, "10.1.2.3"]),
      ...pick(patterns),
      operation: pick(operations),
      permission: next() < 0.3 ? "DENY" : "ALLOW",
    }),
  );
}

export function clientConnection(broker: TestBroker, commonName: string): ClusterConnection {
  return mtls(broker, commonName, broker.issueClientCertificate(commonName));
}

export function isRefusal(error: unknown): boolean {
  const code = describeKafkaError(error).code ?? "";
  return /AUTHORIZATION_FAILED|UNKNOWN_TOPIC_ID/.test(code) || /not authorized/i.test(String(error));
}

/** What a real client experiences for one operation: true when the broker lets it through. */
export async function experience(
  broker: TestBroker,
  commonName: string,
  connection: ClusterConnection,
  topic: string,
  operation: AclOperation,
  topicIds: Map<string, string>,
): Promise<boolean> {
  if (operation === "WRITE") return kafkajsProduces(kafkajsAs(broker, commonName), topic);
  const options = adminOptions(connection, defaultTimeouts);
  if (operation === "DESCRIBE") {
    const admin = new Admin(options);
    try {
      await admin.metadata({ topics: [topic], forceUpdate: true });
      return true;
    } catch (error) {
      if (isRefusal(error)) return false;
      throw error;
    } finally {
      await admin.close();
    }
  }
  // READ: a Fetch of an assigned partition, without a group, so only the topic's READ decides.
  const consumer = new Consumer({ ...options, groupId: `xc-unused-${commonName}` });
  try {
    const response = await consumer.fetch({
      node: 1,
      maxWaitTime: 10,
      topics: [
        {
          topicId: topicIds.get(topic)!,
          partitions: [
            {
              partition: 0,
              currentLeaderEpoch: -1,
              fetchOffset: 0n,
              lastFetchedEpoch: -1,
              partitionMaxBytes: 1024,
            },
          ],
        },
      ],
    });
    const codes = response.responses.flatMap((answer) =>
      answer.partitions.map((partition) => partition.errorCode),
    );
    if (codes.every((code) => code === 0)) return true;
    // 29 TOPIC_AUTHORIZATION_FAILED; 100 UNKNOWN_TOPIC_ID (how Kafka hides a topic id one may not read).
    if (codes.every((code) => code === 29 || code === 100)) return false;
    throw new Error(`unexpected fetch error codes ${codes.join(", ")}`);
  } catch (error) {
    if (isRefusal(error)) return false;
    throw error;
  } finally {
    await consumer.close();
  }
}
