// The demo's data: the standard topics, and a collector writing device telemetry and logs with headers.
// It connects as an ordinary CA-issued client, so it writes through the default User:* ACLs.
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";

import { Producer, type MessageToProduce } from "@platformatic/kafka";

import { issueClientCertificate } from "./cluster/certificates";
import { CONSOLE_IDENTITY, type BrokerLayout, type BrokerPorts } from "./cluster/layout";
import { consoleAdmin, STANDARD_TOPICS } from "./cluster/readiness";

const DEVICES = ["4412abe2", "9c01d7f3", "e7a2b410", "1b5f3c88"];
const LEVELS = ["info", "info", "info", "warn", "error"];

async function seedTopics(layout: BrokerLayout, ports: BrokerPorts): Promise<void> {
  const admin = consoleAdmin(layout, ports, `${CONSOLE_IDENTITY}-demo-seed`);
  try {
    const existing = new Set(await admin.listTopics());
    const missing = STANDARD_TOPICS.filter((topic) => !existing.has(topic));
    if (missing.length > 0) await admin.createTopics({ topics: missing, partitions: 3, replicas: 1 });
  } finally {
    await admin.close();
  }
}

function telemetryMessages(sequence: number): MessageToProduce[] {
  const device = DEVICES[sequence % DEVICES.length]!;
  const now = new Date().toISOString();
  const metric = { device_id: device, temp: 18 + randomInt(150) / 10, humidity: 30 + randomInt(40), at: now };
  const level = LEVELS[randomInt(LEVELS.length)]!;
  const log = { device_id: device, level, message: `collector heartbeat ${sequence}`, at: now };
  const headers = (contentType: string) =>
    new Map([
      [Buffer.from("device_id"), Buffer.from(device)],
      [Buffer.from("content_type"), Buffer.from(contentType)],
    ]);
  return [
    {
      topic: "metrics",
      key: Buffer.from(device),
      value: Buffer.from(JSON.stringify(metric)),
      headers: headers("application/json"),
    },
    {
      topic: "logs",
      key: Buffer.from(device),
      value: Buffer.from(JSON.stringify(log)),
      headers: headers("application/json"),
    },
  ];
}

export async function startTelemetry(layout: BrokerLayout, ports: BrokerPorts, intervalMs = 1_000) {
  await seedTopics(layout, ports);
  const identity = issueClientCertificate(layout, "demo-collector", 7);
  const producer = new Producer({
    clientId: "demo-collector",
    bootstrapBrokers: [`127.0.0.1:${ports.ssl}`],
    tls: { ca: readFileSync(layout.caBundle, "utf8"), cert: identity.cert, key: identity.key },
  });
  let sequence = 0;
  let warned = false;
  const timer = setInterval(() => {
    producer.send({ messages: telemetryMessages(sequence++) }).then(
      () => (warned = false),
      (error: unknown) => {
        // Keep going: the broker may be restarting; say so once, not every second.
        if (!warned)
          console.warn(`demo telemetry: ${error instanceof Error ? error.message : String(error)}`);
        warned = true;
      },
    );
  }, intervalMs);
  console.log(
    "Telemetry: demo-collector writes JSON to metrics and logs every second (headers device_id, content_type).",
  );
  return {
    stop: async () => {
      clearInterval(timer);
      await producer.close().catch(() => undefined);
    },
  };
}
