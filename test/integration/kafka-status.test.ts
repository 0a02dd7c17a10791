// The cluster pool against a real Kafka 4.3 (or KAFKA_VERSION's): the overview, the Kafka version,
// reuse of clients, ACL-less identities, and recovery after the broker goes away and comes back.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { describeKafkaVersion, metadataVersionLevel } from "@/lib/cluster/kafka-version";
import {
  metadataVersionOf,
  NEWEST_KNOWN_LEVEL,
  NEWEST_KNOWN_RELEASE,
  OLDEST_KNOWN_LEVEL,
} from "@/lib/cluster/metadata-version";
import type { ClusterConnection, ClusterStatus } from "@/lib/schemas/cluster";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import { JARS } from "../../scripts/cluster/broker";
import { startTestBroker, type TestBroker } from "../support/broker";
import { kafkaRelease } from "../support/kafka-release";

let broker: TestBroker;
let pool: ClusterPool;

function mtls(name: string, identity: { cert: string; key: string }): ClusterConnection {
  return { name, bootstrapBrokers: [broker.sslBootstrap], tls: { ca: broker.ca, ...identity } };
}

beforeAll(async () => {
  broker = await startTestBroker();
  pool = createClusterPool([
    mtls("local", broker.console),
    mtls("no-acls", broker.issueClientCertificate("nobody")),
  ]);
  // Something to count: a user topic, and __consumer_offsets, which the first coordinator lookup creates.
  const seeded = await pool.withAdmin("local", async (admin) => {
    await admin.createTopics({ topics: ["orders"], partitions: 3, replicas: 1 });
    await waitFor(
      async () => (await admin.findCoordinator({ keyType: 0, keys: ["console-test"] }))[0]?.nodeId === 1,
    );
  });
  expect(seeded).toEqual({ ok: true, data: undefined });
});

afterAll(async () => {
  await pool?.close();
  await broker?.dispose();
});

function expectOk(status: ClusterStatus) {
  if (!status.ok) throw new Error(`expected ok, got ${JSON.stringify(status.problem)}`);
  return status.overview;
}

describe("getClusterStatus through the pool", () => {
  it("gives the console's identity the whole overview", async () => {
    const overview = expectOk(await pool.status("local"));
    expect(overview.cluster).toBe("local");
    expect(overview.clusterId).toMatch(/^[\w-]{22}$/);
    expect(overview.brokers).toEqual([
      { nodeId: 1, host: "127.0.0.1", port: broker.ports.ssl, rack: null, isController: true },
    ]);
    expect(overview.controllerId).toBe(1);
    expect(overview.topicCount).toBe(2);
    expect(overview.internalTopicCount).toBe(1);
    // orders: 3; __consumer_offsets: the broker's default of 50.
    expect(overview.partitionCount).toBe(53);
    expect(overview.underReplicatedPartitions).toBe(0);
    expect(overview.offlinePartitions).toBe(0);
    const names = overview.apiVersions.map((api) => api.name);
    expect(names).toEqual(
      expect.arrayContaining(["Produce", "Fetch", "Metadata", "ApiVersions", "DescribeAcls"]),
    );
    expect(overview.apiVersions.find((api) => api.apiKey === 3)).toMatchObject({
      name: "Metadata",
      minVersion: 0,
    });
    expect(Date.now() - Date.parse(overview.fetchedAt)).toBeLessThan(10_000);
  });

  it("names the release of the broker's finalized metadata.version, as Kafka's own Admin and enum read it", async () => {
    const overview = expectOk(await pool.status("local"));
    const java = describeMetadataVersionWithJava();
    const finalized = Number(/^FINALIZED (\d+)$/m.exec(java)?.[1]);
    const names = new Map(
      [...java.matchAll(/^LEVEL (\d+) (\S+)$/gm)].map(([, level, name]) => [Number(level), name!]),
    );
    expect(metadataVersionLevel(overview.finalizedFeatures), java).toBe(finalized);
    // A freshly formatted broker runs its release's newest production level.
    const name = names.get(finalized);
    expect(name).toMatch(new RegExp(`^${kafkaRelease.major}\\.${kafkaRelease.minor}-IV\\d+$`));
    expect(describeKafkaVersion(overview.apiVersions, overview.finalizedFeatures).label).toBe(
      `Kafka ${kafkaRelease.major}.${kafkaRelease.minor} (metadata.version ${name})`,
    );
    // The console's table agrees with the broker's enum on every level both know; the enum's later
    // levels (unreleased ones) belong to releases after the table's newest.
    for (const [level, enumName] of names) {
      if (level < OLDEST_KNOWN_LEVEL) continue;
      if (level <= NEWEST_KNOWN_LEVEL)
        expect(metadataVersionOf(level)?.name, `level ${level}`).toBe(enumName);
      else expect(Number(enumName.split("-")[0])).toBeGreaterThan(Number(NEWEST_KNOWN_RELEASE));
    }
  }, 120_000);

  it("reuses one admin client per cluster across requests", async () => {
    const first = await pool.withAdmin("local", async (admin) => admin);
    const second = await pool.withAdmin("local", async (admin) => admin);
    expect(first.ok && second.ok && first.data === second.data).toBe(true);
  });

  it("lets concurrent callers share one status request", async () => {
    const [a, b] = [pool.status("local"), pool.status("local")];
    expect(a).toBe(b);
    expect((await a).ok).toBe(true);
    // Nothing is kept once it settled: the next call asks the broker again.
    const later = pool.status("local");
    expect(later).not.toBe(a);
    expect(expectOk(await later).fetchedAt >= expectOk(await a).fetchedAt).toBe(true);
  });

  it("answers an unknown cluster name without touching the network", async () => {
    const status = await pool.status("nope");
    expect(status).toMatchObject({ ok: false, cluster: "nope", problem: { kind: "unknown-cluster" } });
  });

  it("shows an identity without ACLs a cluster with no topics, and refuses it a describe", async () => {
    // Metadata needs no ACL, but it lists only the topics the principal may DESCRIBE.
    const overview = expectOk(await pool.status("no-acls"));
    expect(overview).toMatchObject({ topicCount: 0, internalTopicCount: 0, partitionCount: 0 });
    expect(overview.brokers).toHaveLength(1);

    const refused = await pool.withAdmin(
      "no-acls",
      (admin) => admin.describeConfigs({ resources: [{ resourceType: 2, resourceName: "orders" }] }),
      { operation: "DESCRIBE_CONFIGS", resourceName: "orders" },
    );
    expect(refused).toEqual({
      ok: false,
      problem: {
        kind: "authorization",
        title: "The console's identity User:nobody may not describe the configuration of topic orders",
        hint: "Grant DESCRIBE_CONFIGS on topic orders to User:nobody, or make it a super user.",
        code: "TOPIC_AUTHORIZATION_FAILED",
      },
    });
  });

  it("reports a stopped broker as unreachable within seconds, and recovers by itself after restart", async () => {
    await broker.stop();
    const started = Date.now();
    const down = await pool.status("local");
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(down).toMatchObject({ ok: false, cluster: "local", problem: { kind: "unreachable" } });
    if (!down.ok) expect(["ECONNREFUSED", "PLT_KFK_NETWORK", "PLT_KFK_TIMEOUT"]).toContain(down.problem.code);

    await broker.restart();
    // The same pool, untouched by the test: it must drop its broken client and connect again.
    const back = await waitFor(async () => {
      const status = await pool.status("local");
      return status.ok ? status : undefined;
    });
    expect(back.overview.topicCount).toBe(2);
  });

  it("recovers from a restart it did not witness, on the first call", async () => {
    expectOk(await pool.status("local"));
    await broker.restart();
    // The old connection was closed by the broker; the client must not hand it out again.
    expect(expectOk(await pool.status("local")).topicCount).toBe(2);
  });

  it("closes every client and refuses work afterwards", async () => {
    const spare = createClusterPool([mtls("local", broker.console)]);
    const admin = await spare.withAdmin("local", async (client) => {
      await client.metadata({ topics: [] });
      return client;
    });
    await spare.close();
    expect(admin.ok && admin.data.closed).toBe(true);
    expect(await spare.status("local")).toMatchObject({ ok: false, problem: { kind: "unreachable" } });
  });
});

/** What Java kafka-clients and the broker's MetadataVersion enum say (see the .java file). */
function describeMetadataVersionWithJava(): string {
  const dir = mkdtempSync(join(broker.dir, "java-"));
  const files = { ca: join(dir, "ca.pem"), cert: join(dir, "cert.pem"), key: join(dir, "key.pem") };
  writeFileSync(files.ca, broker.ca);
  writeFileSync(files.cert, broker.console.cert);
  writeFileSync(files.key, broker.console.key);
  const probe = fileURLToPath(new URL("./java/DescribeMetadataVersion.java", import.meta.url));
  const result = spawnSync(
    "java",
    ["-cp", join(JARS, "*"), probe, broker.sslBootstrap, files.ca, files.cert, files.key],
    { encoding: "utf8", timeout: 90_000 },
  );
  return `${result.stdout}${result.stderr}`.trim();
}

/** Polls until `check` returns something truthy (a broker coming back, a coordinator being ready). */
async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check().catch(() => undefined);
    if (result) return result;
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
