// The benchmark topic: 6 partitions, 1,000,000 JSON telemetry messages of about 1 KiB, uncompressed,
// of which exactly 0.1% come from the device "needle-0001" (value and header). Filled once, reused.
import { randomBytes } from "node:crypto";

import { ListOffsetTimestamps, type Admin, type MessageToProduce } from "@platformatic/kafka";

import type { LocalCluster } from "./local-cluster";

export const BENCH_TOPIC = "bench-messages-1m";
export const TAIL_TOPIC = "bench-messages-tail";
export const PARTITIONS = 6;
export const MESSAGES = 1_000_000;
export const NEEDLE_DEVICE = "needle-0001";
/** One message in every NEEDLE_EVERY is a needle: 1,000 in all. */
const NEEDLE_EVERY = 1_000;
/**
 * Messages per produce request, all to partition (request index % 6). Needles (sequence ≡ 100 mod 1,000)
 * land in every 5th request, and 5 is coprime with 6: each partition gets 166 or 167 of them.
 */
const BATCH = 200;
const IN_FLIGHT = 12;
const VALUE_BYTES = 1_024;
const DEVICES = Array.from({ length: 64 }, (_, i) => `dev-${(0x4412abe2 + i * 7919).toString(16)}`);
const PADS = Array.from({ length: 256 }, () => randomBytes(VALUE_BYTES).toString("base64"));
const JSON_TYPE = Buffer.from("application/json");

function isNeedle(sequence: number): boolean {
  return sequence % NEEDLE_EVERY === 100;
}

/** A device reading as the collectors write it, padded to about 1 KiB. */
export function telemetryMessage(sequence: number, partition: number): MessageToProduce {
  const device = isNeedle(sequence) ? NEEDLE_DEVICE : DEVICES[sequence % DEVICES.length]!;
  const reading = {
    device_id: device,
    ts: 1_767_225_600_000 + sequence * 10,
    seq: sequence,
    temp: Math.round((18 + ((sequence * 37) % 150) / 10) * 10) / 10,
    humidity: 30 + (sequence % 40),
    firmware: "2.4.1",
    payload: "",
  };
  const unpadded = JSON.stringify(reading).length;
  reading.payload = PADS[sequence % PADS.length]!.slice(0, Math.max(0, VALUE_BYTES - unpadded));
  return {
    topic: BENCH_TOPIC,
    partition,
    key: Buffer.from(device),
    value: Buffer.from(JSON.stringify(reading)),
    headers: new Map([
      [Buffer.from("content_type"), JSON_TYPE],
      [Buffer.from("device_id"), Buffer.from(device)],
    ]),
  };
}

/** Messages per partition from the watermarks, or null when the topic does not exist. */
export async function topicMessageCounts(admin: Admin, topic: string): Promise<number[] | null> {
  if (!(await admin.listTopics()).includes(topic)) return null;
  const described = (await admin.metadata({ topics: [topic] })).topics.get(topic);
  if (!described) return null;
  const partitions = Array.from({ length: described.partitionsCount }, (_, partitionIndex) => partitionIndex);
  const at = async (timestamp: bigint) => {
    const [listed] = await admin.listOffsets({
      topics: [
        { name: topic, partitions: partitions.map((partitionIndex) => ({ partitionIndex, timestamp })) },
      ],
    });
    const byPartition = new Map(listed!.partitions.map((p) => [p.partitionIndex, p.offset]));
    return partitions.map((p) => byPartition.get(p) ?? 0n);
  };
  const [low, high] = [await at(ListOffsetTimestamps.EARLIEST), await at(ListOffsetTimestamps.LATEST)];
  return partitions.map((p) => Number(high[p]! - low[p]!));
}

/** Reuses the topic when its watermarks say it holds exactly the messages; otherwise recreates and fills it. */
export async function ensureTelemetryTopic(cluster: LocalCluster): Promise<void> {
  const admin = cluster.admin();
  try {
    const counts = await topicMessageCounts(admin, BENCH_TOPIC);
    const total = counts?.reduce((sum, count) => sum + count, 0);
    if (counts?.length === PARTITIONS && total === MESSAGES) {
      console.log(
        `topic ${BENCH_TOPIC}: reused (${MESSAGES.toLocaleString("en")} messages in ${PARTITIONS} partitions)`,
      );
      return;
    }
    if (counts) {
      console.log(`topic ${BENCH_TOPIC}: holds ${total} messages in ${counts.length} partitions; recreating`);
      await admin.deleteTopics({ topics: [BENCH_TOPIC] });
    }
    await createWhenDeleted(admin);
  } finally {
    await admin.close();
  }
  await fill(cluster);
}

/** The live-tail topic: separate, so the messages it receives never change the big topic's count. */
export async function ensureTailTopic(cluster: LocalCluster): Promise<void> {
  const admin = cluster.admin();
  try {
    if (!(await admin.listTopics()).includes(TAIL_TOPIC)) await createWhenDeleted(admin, TAIL_TOPIC);
  } finally {
    await admin.close();
  }
}

async function createWhenDeleted(admin: Admin, topic = BENCH_TOPIC): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.createTopics({ topics: [topic], partitions: PARTITIONS, replicas: 1 });
      return;
    } catch (error) {
      // A deleted topic lingers for a moment; anything else is a real failure.
      if (attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

async function fill(cluster: LocalCluster): Promise<void> {
  const producer = cluster.producer("bench-fill");
  const began = performance.now();
  let next = 0;
  let bytes = 0;
  const sendBatches = async () => {
    while (next < MESSAGES) {
      const first = next;
      next += BATCH;
      const partition = (first / BATCH) % PARTITIONS;
      const messages: MessageToProduce[] = [];
      for (let sequence = first; sequence < Math.min(first + BATCH, MESSAGES); sequence++)
        messages.push(telemetryMessage(sequence, partition));
      bytes += messages.reduce((sum, message) => sum + message.value!.length, 0);
      await producer.send({ messages, acks: 1, idempotent: false });
    }
  };
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT }, sendBatches));
  } finally {
    await producer.close();
  }
  const seconds = (performance.now() - began) / 1000;
  console.log(
    `topic ${BENCH_TOPIC}: filled with ${MESSAGES.toLocaleString("en")} messages (${(bytes / 2 ** 20).toFixed(0)} MiB of values, uncompressed, acks=1) in ${seconds.toFixed(1)} s = ${Math.round(MESSAGES / seconds).toLocaleString("en")} msg/s`,
  );
}
