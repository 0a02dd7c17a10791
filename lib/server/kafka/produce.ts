import "server-only";

// Produce for operators (the topic page's form, republish, REST): N copies of one record through the
// cluster's pooled producer (acks=all), batched into few sends, audited once per request.
import type { Producer } from "@platformatic/kafka";

import type { ActionResult } from "@/lib/errors";
import type { ProduceMessagesAnswer, ProduceMessagesRequest } from "@/lib/schemas/messages";
import { recordAudit, type Principal } from "@/lib/server/auth";

import { flattenErrorChain, stringField } from "./errors/error-chain";
import { withClusterProducer } from "./pooled-clients";
import {
  assignPartitions,
  buildProduceRecord,
  copiesPerSend,
  MAX_PRODUCE_BYTES,
  missingPartitionFailure,
  offsetsOfSend,
  produceFailure,
  type ProduceFailure,
  type ProduceRecord,
  tooMuchFailure,
  unknownTopicFailure,
} from "./produce-plan";

const SHOWN_OFFSETS = 100;

type Written = { partition: number; offset: string };

/** The key or value already encoded with a registered schema (lib/server/schema-registry/produce-with-schemas.ts). */
export interface EncodedWithSchemas {
  key?: { bytes: Buffer; schemaId: number };
  value?: { bytes: Buffer; schemaId: number };
}

/** Sends the request's copies; answers where they landed (the first 100) or why not, with 403/404/502/504. */
export async function produceMessages(
  cluster: string,
  request: ProduceMessagesRequest,
  principal: Principal,
  schemas: EncodedWithSchemas = {},
): Promise<Extract<ActionResult<ProduceMessagesAnswer>, { ok: true }> | ProduceFailure> {
  const copies = request.copies ?? 1;
  const record = buildProduceRecord(request, { key: schemas.key?.bytes, value: schemas.value?.bytes });
  if (record.bytes * copies > MAX_PRODUCE_BYTES) return tooMuchFailure(copies, record.bytes);

  const written: Written[] = [];
  const result = await withClusterProducer(
    cluster,
    (producer) => sendCopies(producer, request, record, copies, written),
    { cluster, operation: "WRITE", resourceName: request.topic },
  );
  const outcome = result.ok ? (result.data ?? null) : produceFailure(result.problem, written.length);

  await recordAudit({
    actor: principal.actor,
    action: "message.produce",
    target: request.topic,
    outcome: outcome ? "failure" : "success",
    details: {
      cluster,
      count: written.length,
      requested: copies,
      partitions: [...new Set(written.map((message) => message.partition))].sort((a, b) => a - b).join(","),
      compression: request.compression,
      valueBytes: record.value.length,
      keyed: record.key !== undefined,
      headers: record.headers.size,
      ...(schemas.key && { keySchemaId: schemas.key.schemaId }),
      ...(schemas.value && { valueSchemaId: schemas.value.schemaId }),
      ...(outcome ? { status: outcome.status, code: outcome.code ?? null } : {}),
    },
  });
  if (outcome) return outcome;
  return {
    ok: true,
    data: { topic: request.topic, count: written.length, written: written.slice(0, SHOWN_OFFSETS) },
  };
}

async function sendCopies(
  producer: Producer,
  request: ProduceMessagesRequest,
  record: ProduceRecord,
  copies: number,
  written: Written[],
): Promise<ProduceFailure | undefined> {
  // Fresh metadata: the library takes an explicit partition modulo the count, so a wrong one must be refused here.
  let metadata;
  try {
    metadata = await producer.metadata({ topics: [request.topic], forceUpdate: true });
  } catch (error) {
    // The library turns UNKNOWN_TOPIC_OR_PARTITION from Metadata into a plain "Unknown topic x." error.
    if (
      flattenErrorChain(error).some(({ error: link }) =>
        /^Unknown topic /.test(stringField(link.message) ?? ""),
      )
    )
      return unknownTopicFailure(request.topic);
    throw error;
  }
  const partitionCount = metadata.topics.get(request.topic)?.partitionsCount ?? 0;
  if (request.partition !== undefined && request.partition >= partitionCount) {
    return missingPartitionFailure(request.topic, partitionCount);
  }
  const start = Math.floor(Math.random() * Math.max(partitionCount, 1));
  const partitions = assignPartitions(copies, partitionCount, request.partition, record.key, start);
  const perSend = copiesPerSend(record.bytes);
  for (let from = 0; from < copies; from += perSend) {
    const batch = partitions.slice(from, from + perSend);
    const sent = await producer.send({
      messages: batch.map((partition) => ({
        topic: request.topic,
        partition,
        key: record.key,
        value: record.value,
        headers: record.headers,
      })),
      compression: request.compression,
      acks: -1,
    });
    const bases = new Map<number, bigint>();
    for (const answer of sent.offsets ?? []) {
      if (answer.topic === request.topic) bases.set(answer.partition, answer.offset);
    }
    written.push(...offsetsOfSend(batch, bases));
  }
  return undefined;
}
