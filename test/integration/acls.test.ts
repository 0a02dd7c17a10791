// ACLs against a real Kafka 4.3 (StandardAuthorizer, principal = CN): exact create/list/delete through the
// console's pool, DENY over ALLOW as a kafkajs client feels it, and the checker's predictions compared
// with what real clients experience on a generated set of bindings and requests.
import { Admin as PlatformaticAdmin, Consumer, type Admin } from "@platformatic/kafka";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkAccess, type AccessRequest } from "@/lib/acl/matcher";
import { bindingKey, type AclBinding, type AclOperation } from "@/lib/acl/types";
import type { ClusterConnection, ClusterProblem } from "@/lib/schemas/cluster";
import { problemResult } from "@/lib/server/kafka/acls";
import { createAclBindings, deleteAclBindings, describeAllAcls } from "@/lib/server/kafka/acl-requests";
import { adminOptions, defaultTimeouts } from "@/lib/server/kafka/client-options";
import { describeKafkaError } from "@/lib/server/kafka/errors/describe-kafka-error";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import { startTestBroker, type TestBroker } from "../support/broker";

const SUPER_USERS = ["User:kafka-broker", "User:kafka-console"];
/** The broker sees every test client at this address. */
const CLIENT_HOST = "127.0.0.1";

let broker: TestBroker;
let pool: ClusterPool;

function mtls(name: string, identity: { cert: string; key: string }): ClusterConnection {
  return { name, bootstrapBrokers: [broker.sslBootstrap], tls: { ca: broker.ca, ...identity } };
}

/** Runs with the console's pooled admin (a super user); failures fail the test with the translated problem. */
async function asConsole<T>(operation: (admin: Admin) => Promise<T>): Promise<T> {
  const result = await pool.withAdmin("local", operation);
  if (!result.ok) throw new Error(`${result.problem.title} (${result.problem.code ?? result.problem.kind})`);
  return result.data;
}

const binding = (overrides: Partial<AclBinding>): AclBinding => ({
  principal: "User:app",
  host: "*",
  resourceType: "TOPIC",
  resourceName: "orders",
  patternType: "LITERAL",
  operation: "READ",
  permission: "ALLOW",
  ...overrides,
});

const keys = (bindings: AclBinding[]) => bindings.map(bindingKey).sort();
const holds = (bindings: AclBinding[], wanted: string[]) => {
  const present = new Set(keys(bindings));
  return wanted.every((key) => present.has(key));
};

/** The authorizer's cache follows the metadata log; give it a moment after each change. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([
    mtls("local", broker.console),
    mtls("no-acls", broker.issueClientCertificate("acl-nobody")),
  ]);
  await asConsole((admin) =>
    admin.createTopics({
      topics: ["xc-orders", "xc-orders-eu", "xc-payments", "deny-test"],
      partitions: 1,
      replicas: 1,
    }),
  );
});

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
});

describe("create, list and delete through the pool", () => {
  const target = binding({ principal: "User:exact", resourceName: "orders", operation: "READ" });
  const lookAlikes = [
    binding({ principal: "User:exact", host: "10.0.0.7" }),
    binding({ principal: "User:exact", patternType: "PREFIXED" }),
    binding({ principal: "User:exact", operation: "WRITE" }),
    binding({ principal: "User:exact", permission: "DENY" }),
    binding({ principal: "User:*" }),
    binding({ principal: "User:exact", resourceType: "GROUP" }),
  ];

  it("creates bindings and lists them back at once", async () => {
    // The broker answers CreateAcls before DescribeAcls shows them; createAclBindings waits for that,
    // so the page's reload right after a change already lists them.
    await asConsole((admin) => createAclBindings(admin, [target, ...lookAlikes]));
    expect(holds(await asConsole(describeAllAcls), keys([target, ...lookAlikes]))).toBe(true);
  });

  it("deletes only the chosen binding, leaving every look-alike", async () => {
    const deleted = await asConsole((admin) => deleteAclBindings(admin, [target]));
    expect(deleted).toEqual([target]);
    const listed = keys(await asConsole(describeAllAcls));
    expect(listed).not.toContain(bindingKey(target));
    expect(listed).toEqual(expect.arrayContaining(keys(lookAlikes)));
  });

  it("deletes a PREFIXED binding without touching the LITERAL one of the same name", async () => {
    const prefixed = lookAlikes[1]!;
    const deleted = await asConsole((admin) => deleteAclBindings(admin, [prefixed]));
    expect(deleted).toEqual([prefixed]);
    const listed = keys(await asConsole(describeAllAcls));
    expect(listed).not.toContain(bindingKey(prefixed));
    expect(listed).toContain(bindingKey(lookAlikes[0]!));
  });

  it("reports nothing deleted for a binding the broker does not hold", async () => {
    const absent = binding({ principal: "User:exact", resourceName: "never-created" });
    expect(await asConsole((admin) => deleteAclBindings(admin, [absent]))).toEqual([]);
  });

  it("deletes a selection in one request, answering each", async () => {
    const rest = lookAlikes.filter((_, index) => index !== 1);
    const deleted = await asConsole((admin) => deleteAclBindings(admin, rest));
    expect(keys(deleted)).toEqual(keys(rest));
    const listed = keys(await asConsole(describeAllAcls));
    for (const gone of rest) expect(listed).not.toContain(bindingKey(gone));
  });
});

describe("an identity without ALTER on the cluster", () => {
  it("gets CLUSTER_AUTHORIZATION_FAILED, translated, and changes nothing", async () => {
    const wanted = binding({ principal: "User:should-not-exist" });
    const created = await pool.withAdmin("no-acls", (admin) => createAclBindings(admin, [wanted]), {
      operation: "ALTER",
    });
    expect(created.ok).toBe(false);
    const failure = problemResult((created as { ok: false; problem: ClusterProblem }).problem);
    expect(failure).toMatchObject({ status: 502, code: "CLUSTER_AUTHORIZATION_FAILED" });
    expect(failure.error).toContain("User:acl-nobody may not alter the cluster");
    expect(failure.error).toContain("Grant ALTER on the cluster");
    const listed = await pool.withAdmin("no-acls", describeAllAcls, { operation: "DESCRIBE" });
    expect(listed).toMatchObject({ ok: false, problem: { code: "CLUSTER_AUTHORIZATION_FAILED" } });
    expect(keys(await asConsole(describeAllAcls))).not.toContain(bindingKey(wanted));
  });
});

function kafkajsAs(commonName: string): Kafka {
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
async function kafkajsProduces(kafka: Kafka, topic: string): Promise<boolean> {
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

describe("DENY over ALLOW, as kafkajs experiences it", () => {
  it("refuses a write an ALLOW grants while a DENY exists, and allows it once the DENY goes", async () => {
    const principal = "User:deny-client";
    const allows = [
      binding({ principal, resourceName: "deny-test", operation: "WRITE" }),
      binding({ principal, resourceName: "deny-test", operation: "DESCRIBE" }),
    ];
    const deny = binding({
      principal,
      resourceName: "deny-",
      patternType: "PREFIXED",
      operation: "WRITE",
      permission: "DENY",
    });
    await asConsole((admin) => createAclBindings(admin, [...allows, deny]));
    await eventually(async () => holds(await asConsole(describeAllAcls), keys([...allows, deny])));
    const bindings = await asConsole(describeAllAcls);
    const request = {
      principal,
      host: CLIENT_HOST,
      resourceType: "TOPIC",
      resourceName: "deny-test",
      operation: "WRITE",
    } as const;
    expect(checkAccess(bindings, request, { superUsers: SUPER_USERS })).toEqual({
      decision: "DENIED",
      reason: "deny",
      deciding: [deny],
    });
    const kafka = kafkajsAs("deny-client");
    expect(await eventually(async () => !(await kafkajsProduces(kafka, "deny-test")))).toBe(true);

    await asConsole((admin) => deleteAclBindings(admin, [deny]));
    await eventually(async () => !holds(await asConsole(describeAllAcls), [bindingKey(deny)]));
    expect(checkAccess(await asConsole(describeAllAcls), request, { superUsers: SUPER_USERS }).decision).toBe(
      "ALLOWED",
    );
    expect(await eventually(() => kafkajsProduces(kafka, "deny-test"))).toBe(true);
  });
});

/** A small deterministic PRNG (mulberry32): the same generated cases on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLIENTS = ["xc-a", "xc-b", "xc-c"];
const TOPICS = ["xc-orders", "xc-orders-eu", "xc-payments"];
const CHECKED: AclOperation[] = ["DESCRIBE", "WRITE", "READ"];

/** Bindings over the clients' topics: LITERAL, PREFIXED, "*", User:*, a never-matching User:xc-*, hosts, DENYs. */
function generateBindings(count: number, seed: number): AclBinding[] {
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

function clientConnection(commonName: string): ClusterConnection {
  return mtls(commonName, broker.issueClientCertificate(commonName));
}

function isRefusal(error: unknown): boolean {
  const code = describeKafkaError(error).code ?? "";
  return /AUTHORIZATION_FAILED|UNKNOWN_TOPIC_ID/.test(code) || /not authorized/i.test(String(error));
}

/** What a real client experiences for one operation: true when the broker lets it through. */
async function experience(
  commonName: string,
  connection: ClusterConnection,
  topic: string,
  operation: AclOperation,
  topicIds: Map<string, string>,
): Promise<boolean> {
  if (operation === "WRITE") return kafkajsProduces(kafkajsAs(commonName), topic);
  const options = adminOptions(connection, defaultTimeouts);
  if (operation === "DESCRIBE") {
    const admin = new PlatformaticAdmin(options);
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

interface Comparison {
  line: string;
  predicted: boolean;
  real: boolean;
  reason: string;
}

/** One round: the generated bindings in place, every client × topic × operation tried for real. */
async function compareRound(seed: number, topicIds: Map<string, string>): Promise<Comparison[]> {
  const generated = generateBindings(14, seed);
  await asConsole((admin) => createAclBindings(admin, generated));
  expect(await eventually(async () => holds(await asConsole(describeAllAcls), keys(generated)))).toBe(true);
  const bindings = await asConsole(describeAllAcls);
  const check = (request: AccessRequest) => checkAccess(bindings, request, { superUsers: SUPER_USERS });
  const rows = await Promise.all(
    CLIENTS.map(async (commonName) => {
      const connection = clientConnection(commonName);
      const comparisons: Comparison[] = [];
      for (const topic of TOPICS) {
        for (const operation of CHECKED) {
          const request: AccessRequest = {
            principal: `User:${commonName}`,
            host: CLIENT_HOST,
            resourceType: "TOPIC",
            resourceName: topic,
            operation,
          };
          const decision = check(request);
          // A producer asks for the topic's metadata first: it needs DESCRIBE as well as WRITE.
          const predicted =
            decision.decision === "ALLOWED" &&
            (operation !== "WRITE" || check({ ...request, operation: "DESCRIBE" }).decision === "ALLOWED");
          const real = await experience(commonName, connection, topic, operation, topicIds);
          const line = `seed ${seed}: ${commonName} ${operation} ${topic}: predicted ${predicted} (${decision.reason}), real ${real}`;
          comparisons.push({ line, predicted, real, reason: decision.reason });
        }
      }
      return comparisons;
    }),
  );
  await asConsole((admin) => deleteAclBindings(admin, generated));
  const gone = async () => {
    const present = new Set(keys(await asConsole(describeAllAcls)));
    return keys(generated).every((key) => !present.has(key));
  };
  expect(await eventually(gone)).toBe(true);
  return rows.flat();
}

describe("the access checker against the real broker", () => {
  it("predicts what real clients experience on generated bindings and requests", async () => {
    const topicIds = await asConsole(async (admin) => {
      const metadata = await admin.metadata({ topics: TOPICS, forceUpdate: true });
      return new Map(TOPICS.map((topic) => [topic, metadata.topics.get(topic)!.id]));
    });
    const comparisons: Comparison[] = [];
    for (const seed of [20261121, 7, 1234]) comparisons.push(...(await compareRound(seed, topicIds)));
    console.info(comparisons.map((comparison) => comparison.line).join("\n"));
    expect(
      comparisons.filter((comparison) => comparison.predicted !== comparison.real).map((c) => c.line),
    ).toEqual([]);
    // The generated cases must exercise both answers and every reason, or the agreement proves little.
    expect(new Set(comparisons.map((comparison) => comparison.real))).toEqual(new Set([true, false]));
    expect(new Set(comparisons.map((comparison) => comparison.reason))).toEqual(
      new Set(["allow", "deny", "no-match"]),
    );
  });
});
