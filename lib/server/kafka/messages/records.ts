// From the library's record batches to what the browser gets: offsets and timestamps made absolute,
// the codec named, payloads as UTF-8 text when they are, else base64, cut at the preview size.
import type { KafkaRecord, RecordsBatch } from "@platformatic/kafka";

import type { WireHeader, WirePayload, WireRecord } from "@/lib/messages/events";
import { DEFAULT_PREVIEW_BYTES } from "@/lib/schemas/config";
import type { Compression } from "@/lib/schemas/messages";

const CODEC_BITS = 0x07;
const LOG_APPEND_TIME = 0x08;
const TRANSACTIONAL = 0x10;
const CONTROL = 0x20;

const CODECS: readonly Compression[] = ["none", "gzip", "snappy", "lz4", "zstd"];

export const isControlBatch = (batch: RecordsBatch) => (batch.attributes & CONTROL) !== 0;
export const isTransactionalBatch = (batch: RecordsBatch) => (batch.attributes & TRANSACTIONAL) !== 0;

export function compressionOf(attributes: number): Compression {
  return CODECS[attributes & CODEC_BITS] ?? "none";
}

export function recordOffset(batch: RecordsBatch, record: KafkaRecord): bigint {
  return batch.firstOffset + BigInt(record.offsetDelta);
}

/** With LogAppendTime the broker's time is the batch's maxTimestamp; the records' deltas are meaningless. */
export function recordTimestamp(batch: RecordsBatch, record: KafkaRecord): number {
  if (batch.attributes & LOG_APPEND_TIME) return Number(batch.maxTimestamp);
  return Number(batch.firstTimestamp + record.timestampDelta);
}

/** Bytes of key, value and headers as stored (before compression). */
export function recordSize(record: KafkaRecord): number {
  let size = (record.key?.length ?? 0) + (record.value?.length ?? 0);
  for (const [name, value] of record.headers) size += (name?.length ?? 0) + (value?.length ?? 0);
  return size;
}

export function toWireRecord(
  partition: number,
  batch: RecordsBatch,
  record: KafkaRecord,
  previewBytes: number = DEFAULT_PREVIEW_BYTES,
): WireRecord {
  return {
    partition,
    offset: recordOffset(batch, record).toString(),
    timestamp: recordTimestamp(batch, record),
    timestampType: batch.attributes & LOG_APPEND_TIME ? "log-append" : "create",
    key: toWirePayload(record.key, previewBytes),
    value: toWirePayload(record.value, previewBytes),
    headers: record.headers.map(([name, value]): WireHeader => ({
      name: name ? lossyText.decode(name) : "",
      value: toWirePayload(value, previewBytes),
    })),
    size: recordSize(record),
    compression: compressionOf(batch.attributes),
  };
}

// ignoreBOM keeps a leading U+FEFF: the text shown must be exactly the bytes stored.
const strictText = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lossyText = new TextDecoder("utf-8", { ignoreBOM: true });

/** UTF-8 as text, anything else as base64; past previewBytes cut, never in the middle of a character. */
export function toWirePayload(bytes: Buffer | Uint8Array | null, previewBytes: number): WirePayload | null {
  if (bytes === null) return null;
  const size = bytes.length;
  const truncated = size > previewBytes;
  const shown = truncated ? bytes.subarray(0, previewBytes) : bytes;
  const text = decodeText(truncated ? shown.subarray(0, characterBoundary(shown)) : shown);
  const payload: WirePayload =
    text === null
      ? { size, base64: Buffer.from(shown.buffer, shown.byteOffset, shown.length).toString("base64") }
      : { size, text };
  if (truncated) payload.truncated = true;
  return payload;
}

function decodeText(bytes: Uint8Array): string | null {
  try {
    return strictText.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The length of `bytes` without a UTF-8 sequence cut short at its end: looks back at most three bytes
 * for a lead byte whose sequence does not fit. Invalid bytes are left for the decoder to reject.
 */
export function characterBoundary(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let back = 1; back <= Math.min(4, length); back++) {
    const byte = bytes[length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for its lead
    if (byte >= 0xf8) return length; // never a lead byte: the decoder rejects it
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? length - back : length;
  }
  return length;
}
