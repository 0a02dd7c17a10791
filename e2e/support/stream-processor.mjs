// The seed's stream processor, as a developer runs it: kafkajs, a consumer group, mTLS with the
// files the console handed out. Prints the first message's value and exits 0, or prints the
// error and exits 1. Usage: node stream-processor.mjs <broker> <topic> <group> <ca> <cert> <key>
import { readFileSync } from "node:fs";

import kafkajs from "kafkajs";

const { Kafka, logLevel } = kafkajs;
const [broker, topic, groupId, ca, cert, key] = process.argv.slice(2);

// kafkajs reports a group it may not use as "Failed to find group coordinator"; the broker's own
// code (GROUP_AUTHORIZATION_FAILED) is only in its debug log, so keep the codes it logs.
const brokerCodes = new Set();
const seen = [];
const logCreator =
  () =>
  ({ log }) => {
    const type = log.error?.type ?? log.error;
    if (process.env.STREAM_PROCESSOR_TRACE)
      seen.push(`${log.message}${typeof type === "string" ? `: ${type}` : ""}`);
    if (typeof type !== "string") return;
    if (/AUTHORIZATION_FAILED/.test(type)) brokerCodes.add(type);
    if (!process.env.STREAM_PROCESSOR_TRACE) seen.push(`${log.message}: ${type}`);
  };

const client = new Kafka({
  brokers: [broker],
  clientId: "e2e-stream-processor",
  logLevel: logLevel.DEBUG,
  logCreator,
  retry: { retries: 8, initialRetryTime: 300 },
  ssl: { ca: [readFileSync(ca, "utf8")], cert: readFileSync(cert, "utf8"), key: readFileSync(key, "utf8") },
});
const consumer = client.consumer({ groupId });

/** kafkajs wraps the broker's answer ("not authorized …") inside retry and coordinator errors. */
function describe(error) {
  const causes = [];
  for (let current = error; current && causes.length < 5; current = current.cause ?? current.originalError) {
    causes.push(current.message);
  }
  return causes.join(" <- ");
}

function finish(code, line) {
  const codes = brokerCodes.size > 0 ? ` [${[...brokerCodes].join(", ")}]` : "";
  process.stdout.write(`${line}${code === 0 ? "" : codes}\n`);
  consumer.disconnect().finally(() => process.exit(code));
}

setTimeout(
  () => finish(2, `timed out waiting for a message; last errors: ${seen.slice(-5).join("; ")}`),
  40_000,
).unref();
consumer.on(consumer.events.CRASH, ({ payload }) => {
  if (!payload.restart) finish(1, `error: ${describe(payload.error)}`);
});
try {
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => finish(0, `message: ${message.value?.toString()}`),
  });
} catch (error) {
  finish(1, `error: ${describe(error)}`);
}
