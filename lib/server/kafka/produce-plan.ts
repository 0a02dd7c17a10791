// Pure parts of a produce: the record's bytes, where each copy goes, how copies are batched, which
// offsets they got, and the HTTP-like status of a failure. Kafka itself is in produce.ts.
import { murmur2 } from "@platformatic/kafka";

import { actionError, type ActionResult } from "@/lib/errors";
import type { ClusterProblem } from "@/lib/schemas/cluster";
import type { ProduceMessagesRequest } from "@/lib/schemas/messages";

import { problemResult } from "./errors/problem-status";

export interface ProduceRecord {
  key: Buffer | undefined;
  value: Buffer;
  /** The library takes headers as a Map of Buffers; a plain object would be keyed by strings. */
  headers: Map<Buffer, Buffer>;
  /** Key, value and headers, uncompressed: what batching and the audit count. */
  bytes: number;
}

/**
 * An empty key field means no key (round-robin), not a zero-length key. `encoded` holds the key or
 * value already encoded with a registered schema (wire format), used instead of the text.
 */
export function buildProduceRecord(
  request: Pick<ProduceMessagesRequest, "key" | "value" | "headers">,
  encoded: { key?: Buffer; value?: Buffer } = {},
): ProduceRecord {
  const key = encoded.key ?? (request.key ? Buffer.from(request.key, "utf8") : undefined);
  const value = encoded.value ?? Buffer.from(request.value, "utf8");
  const headers = new Map<Buffer, Buffer>();
  let bytes = (key?.length ?? 0) + value.length;
  for (const header of request.headers) {
    const name = Buffer.from(header.name, "utf8");
    const headerValue = Buffer.from(header.value, "utf8");
    headers.set(name, headerValue);
    bytes += name.length + headerValue.length;
  }
  return { key, value, headers, bytes };
}

/**
 * The partition of each copy: the one asked for; else the key's, as Kafka's Java default partitioner
 * computes it (positive murmur2 modulo the count), so a key lands where other producers put it; else
 * round-robin from `start`, spreading copies over the partitions.
 */
export function assignPartitions(
  copies: number,
  partitionCount: number,
  explicit: number | undefined,
  key: Buffer | undefined,
  start = 0,
): number[] {
  if (explicit !== undefined) return Array.from({ length: copies }, () => explicit);
  if (key) {
    const partition = (murmur2(key) & 0x7fffffff) % partitionCount;
    return Array.from({ length: copies }, () => partition);
  }
  return Array.from({ length: copies }, (_, index) => (start + index) % partitionCount);
}

/** Uncompressed bytes per send: well under the broker's default message.max.bytes (1 MiB) per batch. */
export const SEND_BYTES = 512 * 1024;
/** Everything "send N copies" may write in one request to the console. */
export const MAX_PRODUCE_BYTES = 64 * 1024 * 1024;

/** Copies per send call: as many as fit in SEND_BYTES, at least one. */
export function copiesPerSend(recordBytes: number): number {
  return Math.max(1, Math.floor(SEND_BYTES / Math.max(recordBytes, 1)));
}

/**
 * The offset of each message of one send, in order: the broker answers one base offset per partition,
 * and a partition's messages of one batch take consecutive offsets from it.
 */
export function offsetsOfSend(
  partitions: readonly number[],
  baseOffsets: ReadonlyMap<number, bigint>,
): { partition: number; offset: string }[] {
  const next = new Map(baseOffsets);
  return partitions.map((partition) => {
    const offset = next.get(partition);
    if (offset === undefined) return { partition, offset: "" };
    next.set(partition, offset + 1n);
    return { partition, offset: offset.toString() };
  });
}

export type ProduceFailure = Extract<ActionResult<never>, { ok: false }> & { code?: string };

/** The status from the one table (lib/server/kafka/errors/problem-status.ts); says how many copies were written. */
export function produceFailure(problem: ClusterProblem, written = 0): ProduceFailure {
  const partial =
    written > 0
      ? ` ${written} ${written === 1 ? "copy was" : "copies were"} written before the failure.`
      : "";
  return problemResult(problem, partial);
}

export function unknownTopicFailure(topic: string): ProduceFailure {
  return produceFailure({
    kind: "broker",
    title: `Topic ${topic} does not exist`,
    hint: "It may have been deleted. Check the name, or refresh the topic list.",
    code: "UNKNOWN_TOPIC_OR_PARTITION",
  });
}

/** The library would take the partition modulo the count and write elsewhere without a word. */
export function missingPartitionFailure(topic: string, partitionCount: number): ProduceFailure {
  return actionError(400, `Topic ${topic} has ${partitionCount} partitions.`, {
    partition: [`Choose a partition from 0 to ${partitionCount - 1}`],
  }) as ProduceFailure;
}

export function tooMuchFailure(copies: number, recordBytes: number): ProduceFailure {
  const most = Math.max(1, Math.floor(MAX_PRODUCE_BYTES / recordBytes));
  return actionError(
    400,
    `${copies} copies of this message exceed ${MAX_PRODUCE_BYTES / 1024 / 1024} MiB in all.`,
    {
      copies: [`At most ${most.toLocaleString("en")} copies of a message this size`],
    },
  ) as ProduceFailure;
}
