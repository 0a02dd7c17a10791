// What a search shows of records written by other clients: every codec (produced by kcat), a compacted
// topic with offset gaps, aborted transactions (kafkajs), and the console identity lacking READ.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { Admin } from "@platformatic/kafka";
import kafkajs from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAclBindings } from "@/lib/server/kafka/acl-requests";
import { createClusterPool, type ClusterPool } from "@/lib/server/kafka/cluster-pool";

import { binding, mtls, withConsoleAdmin } from "../support/acl-clients";
import { startTestBroker, type TestBroker } from "../support/broker";
import {
  positionsOf,
  produce,
  range,
  search,
  textOf,
  closeTestProducer,
  testProducerFor,
} from "../support/message-search";

const { Kafka, logLevel } = kafkajs;

let broker: TestBroker;
let pool: ClusterPool;
let pemDir: string;
const asConsole = <T>(operation: (admin: Admin) => Promise<T>) => withConsoleAdmin(pool, operation);

beforeAll(async () => {
  broker = await startTestBroker();
  const local = mtls(broker, "local", broker.console);
  pool = createClusterPool([
    local,
    mtls(broker, "no-read", broker.issueClientCertificate("search-no-read")),
    mtls(broker, "nobody", broker.issueClientCertificate("search-nobody")),
  ]);
  testProducerFor(pool, local);
  pemDir = mkdtempSync(join(tmpdir(), "message-codecs-"));
  writeFileSync(join(pemDir, "ca.pem"), broker.ca);
  writeFileSync(join(pemDir, "cert.pem"), broker.console.cert);
  writeFileSync(join(pemDir, "key.pem"), broker.console.key, { mode: 0o600 });
});

afterAll(async () => {
  if (pool) await closeTestProducer(pool);
  await pool?.close();
  await broker?.dispose();
  if (pemDir) rmSync(pemDir, { recursive: true, force: true });
});

function kcat(args: string[], input?: string): string {
  return execFileSync(
    "kcat",
    [
      "-b",
      broker.sslBootstrap,
      ...["-X", "security.protocol=ssl", "-X", `ssl.ca.location=${join(pemDir, "ca.pem")}`],
      ...["-X", `ssl.certificate.location=${join(pemDir, "cert.pem")}`],
      ...["-X", `ssl.key.location=${join(pemDir, "key.pem")}`],
      ...args,
    ],
    { input, encoding: "utf8", timeout: 30_000 },
  );
}

describe("codecs", () => {
  it("decodes gzip, snappy, lz4 and zstd batches and names the codec", async () => {
    const codecs = ["gzip", "snappy", "lz4", "zstd"] as const;
    await asConsole((admin) => admin.createTopics({ topics: ["codecs"], partitions: 4, replicas: 1 }));
    const lines = (codec: string) =>
      range(50).map((i) => JSON.stringify({ codec, i, pad: "telemetry ".repeat(10) }));
    codecs.forEach((codec, partition) => {
      kcat(["-P", "-t", "codecs", "-p", String(partition), "-z", codec], `${lines(codec).join("\n")}\n`);
    });
    const run = await search(pool, "codecs", { start: "oldest", max: "1000" });
    codecs.forEach((codec, partition) => {
      const records = run.records.filter((record) => record.partition === partition);
      expect(textOf(records)).toEqual(lines(codec));
      expect(new Set(records.map((record) => record.compression))).toEqual(new Set([codec]));
    });
  });
});

describe("compacted topics", () => {
  it("shows exactly the offsets that survived compaction, gaps and all", { timeout: 120_000 }, async () => {
    await asConsole((admin) =>
      admin.createTopics({
        topics: ["compacted"],
        partitions: 1,
        replicas: 1,
        configs: [
          { name: "cleanup.policy", value: "compact" },
          { name: "segment.ms", value: "100" },
          { name: "min.cleanable.dirty.ratio", value: "0.001" },
          { name: "delete.retention.ms", value: "100" },
          { name: "min.compaction.lag.ms", value: "0" },
        ],
      }),
    );
    // Ten keys, then the even ones again, then key-0 once more: the survivors are scattered. Each round
    // gets its own segment; the last message keeps the one before it from being the active segment,
    // which the cleaner never touches.
    const rounds = [range(10), [0, 2, 4, 6, 8], [0]];
    for (const [round, keys] of rounds.entries()) {
      await produce(
        pool,
        keys.map((i) => ({
          topic: "compacted",
          key: Buffer.from(`key-${i}`),
          value: Buffer.from(`v${round}`),
        })),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await produce(pool, [{ topic: "compacted", key: Buffer.from("last"), value: Buffer.from("roll") }]);

    const deadline = Date.now() + 100_000;
    let offsets: string[] = [];
    for (;;) {
      const run = await search(pool, "compacted", { start: "oldest", max: "1000" });
      offsets = run.records.map((record) => record.offset);
      if (offsets.length < 17 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(offsets).toEqual(["1", "3", "5", "7", "9", "11", "12", "13", "14", "15", "16"]);
    // The reference: what kcat reads from the same log.
    const reference = kcat(["-C", "-t", "compacted", "-p", "0", "-o", "beginning", "-e", "-q", "-f", "%o\\n"])
      .split("\n")
      .filter(Boolean);
    expect(offsets).toEqual(reference);
    const latest = await search(pool, "compacted", { start: "oldest", max: "1000" });
    const byKey = new Map(latest.records.map((record) => [record.key?.text, record.value?.text]));
    expect([byKey.get("key-0"), byKey.get("key-3"), byKey.get("key-4")]).toEqual(["v2", "v0", "v1"]);
    // Newest counts offsets: the last 4 offsets hold 4 survivors here.
    const newest = await search(pool, "compacted", { start: "newest", max: "4" });
    expect(positionsOf(newest.records)).toEqual(["0:13", "0:14", "0:15", "0:16"]);
  });
});

describe("transactions", () => {
  it("shows committed records only: no aborted ones, no control records", async () => {
    await asConsole((admin) => admin.createTopics({ topics: ["transfers"], partitions: 1, replicas: 1 }));
    const kafka = new Kafka({
      clientId: "message-codecs-test",
      brokers: [broker.sslBootstrap],
      ssl: { ca: [broker.ca], ...broker.console },
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({
      transactionalId: "search-test",
      maxInFlightRequests: 1,
      idempotent: true,
    });
    await producer.connect();
    try {
      await producer.send({ topic: "transfers", messages: [{ value: "plain-1" }] });
      const aborted = await producer.transaction();
      await aborted.send({ topic: "transfers", messages: range(5).map((i) => ({ value: `aborted-${i}` })) });
      await aborted.abort();
      const committed = await producer.transaction();
      await committed.send({
        topic: "transfers",
        messages: range(3).map((i) => ({ value: `committed-${i}` })),
      });
      await committed.commit();
      await producer.send({ topic: "transfers", messages: [{ value: "plain-2" }] });
    } finally {
      await producer.disconnect();
    }
    const run = await search(pool, "transfers", { start: "oldest", max: "1000" });
    expect(textOf(run.records)).toEqual(["plain-1", "committed-0", "committed-1", "committed-2", "plain-2"]);
    // Offsets: plain 0, aborted 1–5, abort marker 6, committed 7–9; then the commit marker and plain-2
    // in either order (the coordinator writes markers after it answered the commit).
    expect(positionsOf(run.records).slice(0, 4)).toEqual(["0:0", "0:7", "0:8", "0:9"]);
    expect(["0:10", "0:11"]).toContain(positionsOf(run.records)[4]);
    expect(run.done).toMatchObject({ reason: "end", partitions: [{ position: "12", end: "12" }] });
    const newest = await search(pool, "transfers", { start: "newest", max: "3" });
    expect(textOf(newest.records)).toEqual(["committed-2", "plain-2"]);
  });
});

describe("the console identity's ACLs", () => {
  it("without READ: refused before streaming, naming READ on the topic", async () => {
    await asConsole(async (admin) => {
      await admin.createTopics({ topics: ["secret"], partitions: 2, replicas: 1 });
      await createAclBindings(admin, [
        binding({ principal: "User:search-no-read", resourceName: "secret", operation: "DESCRIBE" }),
      ]);
    });
    await produce(pool, [{ topic: "secret", partition: 0, value: Buffer.from("classified") }]);
    for (const start of ["oldest", "tail"] as const) {
      const run = await search(pool, "secret", { start }, { cluster: "no-read" });
      expect(run.start).toMatchObject({
        ok: false,
        status: 403,
        problem: {
          title: "The console's identity User:search-no-read may not read topic secret",
          code: "TOPIC_AUTHORIZATION_FAILED",
        },
      });
      expect(run.start.ok || run.start.problem.hint).toContain(
        "Grant READ on topic secret to User:search-no-read",
      );
      expect(run.consumers[0]?.consumer.closed).toBe(true);
    }
  });

  it("without DESCRIBE: refused, naming DESCRIBE", async () => {
    const run = await search(pool, "secret", { start: "oldest" }, { cluster: "nobody" });
    expect(run.start).toMatchObject({
      ok: false,
      status: 403,
      problem: { title: "The console's identity User:search-nobody may not describe topic secret" },
    });
  });
});
