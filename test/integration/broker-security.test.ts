// The local cluster enforces what the clusters we target enforce: mTLS on 9092, principal = CN,
// deny unless an ACL allows, SCRAM on the SASL listener. Proven with kafkajs, as our users connect.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { connect as tlsConnect, type ConnectionOptions } from "node:tls";

import { Kafka, logLevel, type KafkaConfig } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createRootCa, issueLeafCertificate } from "../../lib/server/ca/certificates";
import { startTestBroker, type TestBroker } from "../support/broker";

let broker: TestBroker;

beforeAll(async () => {
  broker = await startTestBroker();
});

afterAll(async () => {
  await broker?.dispose();
});

function client(overrides: Partial<KafkaConfig> & Pick<KafkaConfig, "ssl">): Kafka {
  return new Kafka({
    clientId: "broker-security-test",
    brokers: [broker.sslBootstrap],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 5_000,
    retry: { retries: 2, initialRetryTime: 200 },
    ...overrides,
  });
}

/** The TLS alert the broker answers a handshake with (Java sends bad_certificate for "none"). */
function handshakeAlert(options: ConnectionOptions): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({
      host: "127.0.0.1",
      port: broker.ports.ssl,
      ca: broker.ca,
      servername: "localhost",
      ...options,
    });
    socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code));
    socket.on("close", () => reject(new Error("closed without a TLS alert")));
  });
}

function asConsole(): Kafka {
  return client({ ssl: { ca: [broker.ca], ...broker.console } });
}

function asCertificate(commonName: string): Kafka {
  return client({ ssl: { ca: [broker.ca], ...broker.issueClientCertificate(commonName) } });
}

describe("the mTLS listener", () => {
  it("refuses a client without a certificate at the TLS handshake", async () => {
    expect(await handshakeAlert({})).toMatch(/^ERR_SSL_.*ALERT_(BAD_CERTIFICATE|CERTIFICATE_REQUIRED)$/);

    const admin = client({ ssl: { ca: [broker.ca] } }).admin();
    await expect(admin.connect()).rejects.toThrow();
  });

  it("refuses a certificate from another CA", async () => {
    const root = createRootCa({ commonName: "Stranger Root" });
    const leaf = issueLeafCertificate(root, { subject: { commonName: "stream-processor" }, validityDays: 1 });
    const stranger = { cert: leaf.certificatePem, key: leaf.privateKeyPem };
    expect(await handshakeAlert(stranger)).toMatch(
      /^ERR_SSL_.*ALERT_(UNKNOWN_CA|CERTIFICATE_UNKNOWN|BAD_CERTIFICATE)$/,
    );
    const admin = client({ ssl: { ca: [broker.ca], ...stranger } }).admin();
    await expect(admin.connect()).rejects.toThrow();
  });

  it("lets the console's identity see every topic and read every message", async () => {
    const kafka = asConsole();
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic: "metrics", numPartitions: 1 },
        { topic: "private-ledger", numPartitions: 1 },
      ],
    });
    expect(await admin.listTopics()).toEqual(expect.arrayContaining(["metrics", "private-ledger"]));
    await admin.disconnect();

    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: "private-ledger", messages: [{ key: "k", value: "only super users" }] });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: "console-reads" });
    await consumer.connect();
    await consumer.subscribe({ topic: "private-ledger", fromBeginning: true });
    const value = await new Promise<string>((resolve) => {
      void consumer.run({ eachMessage: async ({ message }) => resolve(message.value?.toString() ?? "") });
    });
    await consumer.disconnect();
    expect(value).toBe("only super users");
  });

  it("lets a CA-issued certificate without ACLs write to metrics but not read it", async () => {
    const kafka = asCertificate("no-acls-client");
    const producer = kafka.producer();
    await producer.connect();
    const [written] = await producer.send({
      topic: "metrics",
      messages: [{ key: "device-1", value: JSON.stringify({ temp: 21 }) }],
    });
    await producer.disconnect();
    expect(written?.errorCode).toBe(0);

    // Give the group to the client so the only thing missing is READ on the topic itself.
    const admin = asConsole().admin();
    await admin.connect();
    await admin.createAcls({
      acl: [
        {
          resourceType: 3 /* GROUP */,
          resourceName: "no-acls-group",
          resourcePatternType: 3 /* LITERAL */,
          principal: "User:no-acls-client",
          host: "*",
          operation: 3 /* READ */,
          permissionType: 3 /* ALLOW */,
        },
      ],
    });
    await admin.disconnect();

    const consumer = kafka.consumer({ groupId: "no-acls-group" });
    await consumer.connect();
    await consumer.subscribe({ topic: "metrics", fromBeginning: true });
    const failure = await new Promise<Error>((resolve) => {
      // Retriable crashes (the group coordinator still loading) restart the consumer by themselves.
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) resolve(payload.error);
      });
      void consumer.run({ eachMessage: async () => undefined }).catch(resolve);
    });
    await consumer.disconnect();
    expect(failure.message).toMatch(/not authorized to access topics|TOPIC_AUTHORIZATION_FAILED/i);
  });

  it("hides topics the certificate may not describe", async () => {
    const admin = asCertificate("nosy-client").admin();
    await admin.connect();
    const topics = await admin.listTopics();
    await admin.disconnect();
    expect(topics).toContain("metrics");
    expect(topics).not.toContain("private-ledger");
  });
});

describe("the SASL_SSL SCRAM-SHA-512 listener", () => {
  function scram(password: string): Kafka {
    return client({
      brokers: [broker.saslBootstrap],
      ssl: { ca: [broker.ca], servername: "localhost" },
      sasl: { mechanism: "scram-sha-512", username: broker.scramUser.username, password },
    });
  }

  it("accepts the right password", async () => {
    const admin = scram(broker.scramUser.password).admin();
    await admin.connect();
    expect(await admin.listTopics()).toContain("metrics");
    await admin.disconnect();
  });

  it("refuses a wrong password", async () => {
    const admin = scram(`${broker.scramUser.password}-wrong`).admin();
    await expect(admin.connect()).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/i);
  });
});

describe("kcat (librdkafka), an independent client", () => {
  function kcat(commonName: string | null, args: string[]) {
    const dir = mkdtempSync(join(broker.dir, "kcat-"));
    const identity = commonName ? broker.issueClientCertificate(commonName) : broker.console;
    writeFileSync(join(dir, "ca.pem"), broker.ca);
    writeFileSync(join(dir, "cert.pem"), identity.cert);
    writeFileSync(join(dir, "key.pem"), identity.key);
    const tls = ["-X", "security.protocol=ssl", "-X", `ssl.ca.location=${join(dir, "ca.pem")}`];
    const certificate = [
      "-X",
      `ssl.certificate.location=${join(dir, "cert.pem")}`,
      "-X",
      `ssl.key.location=${join(dir, "key.pem")}`,
    ];
    return spawnSync("kcat", ["-b", broker.sslBootstrap, ...tls, ...certificate, ...args], {
      input: "from kcat\n",
      encoding: "utf8",
      timeout: 30_000,
    });
  }

  it("writes to metrics with any CA-issued certificate, and only the console reads it back", () => {
    expect(kcat("kcat-writer", ["-P", "-t", "metrics"]).status).toBe(0);

    const denied = kcat("kcat-reader", ["-C", "-t", "metrics", "-o", "beginning", "-e"]);
    expect(denied.stderr).toMatch(/Topic authorization failed/i);

    const allowed = kcat(null, ["-C", "-t", "metrics", "-o", "beginning", "-e", "-q"]);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain("from kcat");
  });
});
