import "server-only";

// Produce for Confluent REST v3: records with their own key, value (bytes), headers, partition and
// timestamp, through the cluster's pooled producer (acks=all) as the page's produce does, with the
// same checks (unknown topic, a partition past the count) and the same audit action (message.produce).
import type { Producer } from "@platformatic/kafka";

import type { V3Record } from "@/lib/confluent/records-v3";
import { recordAudit, type Principal } from "@/lib/server/auth";

import { flattenErrorChain, stringField } from "./errors/error-chain";
import { withClusterProducer } from "./pooled-clients";
import {
  assignPartitions,
  missingPartitionFailure,
  offsetsOfSend,
  produceFailure,
  type ProduceFailure,
  SEND_BYTES,
  unknownTopicFailure,
} from "./produce-plan";

export interface V3Written {
  partition: number;
  offset: string;
  timestamp: bigint;
}

/** Per record, in order: where it landed, or why not (a record past the partitions fails alone). */
export type V3RecordOutcome = { ok: true; written: V3Written } | ProduceFailure;

/**
 * Writes the records in order, batched into sends of about 512 KiB; answers one outcome per record,
 * or one failure for all when the topic is missing or the cluster refused. Audited once per call.
 */
export async function produceV3Records(
  cluster: string,
  topic: string,
  records: readonly V3Record[],
  principal: Principal,
): Promise<{ ok: true; outcomes: V3RecordOutcome[] } | ProduceFailure> {
  const outcomes: V3RecordOutcome[] = [];
  const result = await withClusterProducer(
    cluster,
    (producer) => sendRecords(producer, topic, records, outcomes),
    { cluster, operation: "WRITE", resourceName: topic },
  );
  const written = outcomes.filter((outcome) => outcome.ok);
  const failure = result.ok ? (result.data ?? null) : produceFailure(result.problem, written.length);
  await recordAudit({
    actor: principal.actor,
    action: "message.produce",
    target: topic,
    outcome: failure ? "failure" : "success",
    details: {
      cluster,
      via: "confluent-v3",
      count: written.length,
      requested: records.length,
      partitions: [...new Set(written.map((outcome) => outcome.written.partition))]
        .sort((a, b) => a - b)
        .join(","),
      valueBytes: records.reduce((sum, record) => sum + (record.value?.length ?? 0), 0),
      keyed: records.some((record) => record.key !== undefined),
      headers: records.reduce((sum, record) => sum + record.headers.size, 0),
      ...(failure ? { status: failure.status, code: failure.code ?? null } : {}),
    },
  });
  if (failure) return failure;
  return { ok: true, outcomes };
}

async function sendRecords(
  producer: Producer,
  topic: string,
  records: readonly V3Record[],
  outcomes: V3RecordOutcome[],
): Promise<ProduceFailure | undefined> {
  // The producer's cached metadata (at most its metadataMaxAge, 5 s, old), as its own send uses: a
  // forced Metadata round trip on every call doubled the Kafka time of a one-record produce (0.4–1.6
  // ms more on a local broker). A partition past the cached count is looked up afresh before it is refused.
  const cached = await partitionsOf(producer, topic, false);
  if (cached === null) return unknownTopicFailure(topic);
  const pastCached = records.some((record) => record.partition !== undefined && record.partition >= cached);
  const partitionCount = pastCached ? await partitionsOf(producer, topic, true) : cached;
  if (partitionCount === null) return unknownTopicFailure(topic);
  let next = Math.floor(Math.random() * Math.max(partitionCount, 1));
  // Each record's partition (or its refusal), then sends of consecutive records.
  const planned = records.map((record) => {
    if (record.partition !== undefined && record.partition >= partitionCount)
      return missingPartitionFailure(topic, partitionCount);
    const [partition] = assignPartitions(1, partitionCount, record.partition, record.key, next);
    if (record.partition === undefined && !record.key) next = (next + 1) % Math.max(partitionCount, 1);
    return { partition: partition!, timestamp: record.timestamp ?? BigInt(Date.now()) };
  });
  let batch: number[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const indexes = batch;
    batch = [];
    batchBytes = 0;
    const partitions = indexes.map((index) => (planned[index] as { partition: number }).partition);
    const sent = await producer.send({
      messages: indexes.map((index) => {
        const record = records[index]!;
        const plan = planned[index] as { partition: number; timestamp: bigint };
        return {
          topic,
          partition: plan.partition,
          key: record.key,
          value: record.value,
          headers: record.headers,
          timestamp: plan.timestamp,
        };
      }),
      acks: -1,
    });
    const bases = new Map<number, bigint>();
    for (const answer of sent.offsets ?? [])
      if (answer.topic === topic) bases.set(answer.partition, answer.offset);
    const offsets = offsetsOfSend(partitions, bases);
    indexes.forEach((index, position) => {
      const plan = planned[index] as { partition: number; timestamp: bigint };
      outcomes[index] = { ok: true, written: { ...offsets[position]!, timestamp: plan.timestamp } };
    });
  };
  for (const [index, plan] of planned.entries()) {
    if ("ok" in plan) {
      await flush();
      outcomes[index] = plan;
      continue;
    }
    if (batch.length > 0 && batchBytes + records[index]!.bytes > SEND_BYTES) await flush();
    batch.push(index);
    batchBytes += records[index]!.bytes;
  }
  await flush();
  return undefined;
}

/** The topic's partition count, or null when the cluster does not know the topic. */
async function partitionsOf(producer: Producer, topic: string, forceUpdate: boolean): Promise<number | null> {
  try {
    const metadata = await producer.metadata({ topics: [topic], forceUpdate });
    return metadata.topics.get(topic)?.partitionsCount ?? 0;
  } catch (error) {
    if (
      flattenErrorChain(error).some(({ error: link }) =>
        /^Unknown topic /.test(stringField(link.message) ?? ""),
      )
    )
      return null;
    throw error;
  }
}
