// The second local cluster's shape: SASL_SSL with PLAIN, as KoP's and gateways' Java, Python and
// kafkajs clients connect. The console's pool reads its status as the PLAIN super user; a kafkajs
// client with PLAIN produces and consumes there once ACLs allow it, and not before.
import {
  AclOperations,
  AclPermissionTypes,
  ResourcePatternTypes,
  ResourceTypes,
  type AclOperationValue,
  type ResourceTypeValue,
} from "@platformatic/kafka";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ClusterConnection } from "@/lib/schemas/cluster";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import { kafkaAtLeast } from "../support/kafka-release";
import { startTestBroker, type TestBroker } from "../support/broker";

let broker: TestBroker;
let pool: ClusterPool;

function plainConnection(name: string, password: string): ClusterConnection {
  return {
    name,
    bootstrapBrokers: [broker.saslBootstrap],
    tls: { ca: broker.ca },
    sasl: { mechanism: "PLAIN", username: broker.plainUsers!.console.username, password },
  };
}

function plainClient(): Kafka {
  const { username, password } = broker.plainUsers!.client;
  return new Kafka({
    clientId: "plain-cluster-test",
    brokers: [broker.saslBootstrap],
    ssl: { ca: [broker.ca], servername: "localhost" },
    sasl: { mechanism: "plain", username, password },
    logLevel: logLevel.NOTHING,
    connectionTimeout: 5_000,
    retry: { retries: 2, initialRetryTime: 200 },
  });
}

beforeAll(async () => {
  broker = await startTestBroker({ plain: true });
  pool = createClusterPool([
    plainConnection("plain", broker.plainUsers!.console.password),
    plainConnection("wrong-password", `${broker.plainUsers!.console.password}-wrong`),
    {
      name: "scram",
      bootstrapBrokers: [broker.saslBootstrap],
      tls: { ca: broker.ca },
      sasl: { mechanism: "SCRAM-SHA-512", ...broker.scramUser },
    },
  ]);
});

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
});

describe("the console's pool over SASL_SSL PLAIN", () => {
  it("reads the cluster's status as the PLAIN console user", async () => {
    const status = await pool.status("plain");
    if (!status.ok) throw new Error(JSON.stringify(status.problem));
    expect(status.overview.clusterId).toMatch(/^[\w-]{22}$/);
    // The metadata answer names the listener the console came in on.
    expect(status.overview.brokers).toEqual([
      { nodeId: 1, host: "127.0.0.1", port: broker.ports.sasl, rack: null, isController: true },
    ]);
    expect(status.overview.apiVersions.map((api) => api.name)).toContain("DescribeAcls");
  });

  it("says the password was refused, as an authentication problem", async () => {
    const status = await pool.status("wrong-password");
    expect(status.ok).toBe(false);
    if (!status.ok) expect(status.problem.kind).toBe("authentication");
    const capabilities = await pool.capabilities("wrong-password");
    expect(capabilities.ok || capabilities.problem.kind).toBe("authentication");
  });

  it("keeps SCRAM-SHA-512 beside PLAIN on the same listener", async () => {
    const status = await pool.status("scram");
    expect(status.ok || status.problem).toBe(true);
  });

  it("knows what the cluster can do from the status check's ApiVersions answer, and keeps it", async () => {
    const first = await pool.capabilities("plain");
    if (!first.ok) throw new Error(JSON.stringify(first.problem));
    const unsupported = Object.entries(first.data)
      .filter(([, capability]) => !capability.supported)
      .map(([name]) => name);
    // Share groups (KIP-932) arrived in 4.0; everything else the console uses is in 3.9 (and 4.3).
    expect(unsupported).toEqual(kafkaAtLeast(4, 0) ? [] : ["shareGroups", "shareGroupOffsets"]);
    if (!first.data.shareGroups.supported) {
      expect(first.data.shareGroups.message).toBe(
        "This cluster does not support ShareGroupDescribe (ApiKey 77).",
      );
    }
    const again = await pool.capabilities("plain");
    expect(again.ok && again.data).toBe(first.data);
  });
});

describe("a kafkajs client with PLAIN", () => {
  it("is refused a topic its ACLs do not cover (the authorizer is on)", async () => {
    const producer = plainClient().producer();
    await producer.connect();
    await expect(
      producer.send({ topic: "not-granted", messages: [{ value: "x" }], acks: -1 }),
    ).rejects.toThrow(/not authorized|TOPIC_AUTHORIZATION_FAILED/i);
    await producer.disconnect();
  });

  it("produces and consumes once the console granted it", async () => {
    const principal = `User:${broker.plainUsers!.client.username}`;
    const granted = await pool.withAdmin("plain", async (admin) => {
      await admin.createTopics({ topics: ["orders"], partitions: 1, replicas: 1 });
      const allow = (
        resourceType: ResourceTypeValue,
        resourceName: string,
        operation: AclOperationValue,
      ) => ({
        resourceType,
        resourceName,
        resourcePatternType: ResourcePatternTypes.LITERAL,
        principal,
        host: "*",
        operation,
        permissionType: AclPermissionTypes.ALLOW,
      });
      await admin.createAcls({
        creations: [
          allow(ResourceTypes.TOPIC, "orders", AclOperations.WRITE),
          allow(ResourceTypes.TOPIC, "orders", AclOperations.READ),
          allow(ResourceTypes.GROUP, "orders-readers", AclOperations.READ),
        ],
      });
    });
    expect(granted).toEqual({ ok: true, data: undefined });

    const kafka = plainClient();
    const producer = kafka.producer();
    await producer.connect();
    // The broker's authorizer takes the new bindings from the metadata log a moment after they commit.
    for (let attempt = 1; ; attempt++) {
      try {
        await producer.send({ topic: "orders", messages: [{ key: "o-1", value: "over PLAIN" }] });
        break;
      } catch (error) {
        if (attempt >= 20 || !/not authorized/i.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: "orders-readers" });
    await consumer.connect();
    await consumer.subscribe({ topic: "orders", fromBeginning: true });
    const value = await new Promise<string>((resolve) => {
      void consumer.run({ eachMessage: async ({ message }) => resolve(message.value?.toString() ?? "") });
    });
    await consumer.disconnect();
    expect(value).toBe("over PLAIN");
  });
});
