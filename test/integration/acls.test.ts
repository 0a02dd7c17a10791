// ACLs against a real Kafka 4.3 (StandardAuthorizer, principal = CN): exact create/list/delete through the
// console's pool, DENY over ALLOW as a kafkajs client feels it, and the checker's predictions compared
// with what real clients experience on a generated set of bindings and requests.
import { Consumer, type Admin } from "@platformatic/kafka";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkAccess, type AccessRequest } from "@/lib/acl/matcher";
import { bindingKey, type AclBinding, type AclOperation } from "@/lib/acl/types";
import type { ClusterConnection } from "@/lib/schemas/cluster";
import { createAclBindings, deleteAclBindings, describeAllAcls } from "@/lib/server/kafka/acl-requests";
import { adminOptions, defaultTimeouts } from "@/lib/server/kafka/client-options";
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
  pool = createClusterPool([mtls("local", broker.console)]);
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

  it("creates bindings and lists them back exactly", async () => {
    await asConsole((admin) => createAclBindings(admin, [target, ...lookAlikes]));
    const wanted = keys([target, ...lookAlikes]);
    // The broker answers CreateAcls once the controller committed them; DescribeAcls reads a cache behind it.
    expect(await eventually(async () => holds(await asConsole(describeAllAcls), wanted))).toBe(true);
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
