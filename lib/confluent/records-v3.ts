// Confluent REST v3 produce, the pure parts: a body of one or several concatenated JSON records, each
// record's key/value (JSON, STRING or BINARY) and headers as bytes, and the per-record delivery report.
import { z } from "zod";

/** The page's limits: a 10 MiB value, a 1 MB key, 100 headers; at most 10,000 records per request. */
export const MAX_VALUE_BYTES = 10 * 1024 * 1024;
export const MAX_KEY_BYTES = 1_000_000;
export const MAX_HEADERS = 100;
export const MAX_RECORDS_PER_REQUEST = 10_000;

export const DATA_TYPES = ["JSON", "STRING", "BINARY"] as const;
export type DataType = (typeof DATA_TYPES)[number];

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const dataSchema = z
  .object({
    type: z.enum(DATA_TYPES, { error: "The type is JSON, STRING or BINARY" }).optional(),
    data: z.unknown().optional(),
    subject: z.unknown().optional(),
    schema_id: z.unknown().optional(),
    schema_version: z.unknown().optional(),
    schema: z.unknown().optional(),
    subject_name_strategy: z.unknown().optional(),
  })
  .nullable()
  .optional();

const headerSchema = z.object({
  name: z.string().min(1, "A header needs a name").max(1_000),
  value: z.string().nullable().optional(),
});

export const produceRecordSchema = z.object({
  partition_id: z
    .number({ error: "partition_id is a whole number, 0 or more" })
    .int("partition_id is a whole number, 0 or more")
    .min(0, "partition_id is a whole number, 0 or more")
    .max(1_000_000)
    .nullable()
    .optional(),
  headers: z.array(headerSchema).max(MAX_HEADERS, `At most ${MAX_HEADERS} headers`).nullable().optional(),
  key: dataSchema,
  value: dataSchema,
  timestamp: z.iso
    .datetime({ offset: true, error: "timestamp is an ISO 8601 date-time, e.g. 2026-01-31T12:00:00Z" })
    .nullable()
    .optional(),
});
export type ProduceRecordBody = z.infer<typeof produceRecordSchema>;

/** One record ready for the producer: bytes, not JSON. */
export interface V3Record {
  partition: number | undefined;
  key: Buffer | undefined;
  value: Buffer | undefined;
  headers: Map<Buffer, Buffer>;
  /** Milliseconds since the epoch, when the body gave one. */
  timestamp: bigint | undefined;
  keyType: DataType | undefined;
  valueType: DataType | undefined;
  /** Key, value and headers, uncompressed. */
  bytes: number;
}

/** A refused record: Confluent's code (400 for a malformed record, 42201 for a key or value too large) and why. */
export interface RecordRefusal {
  error_code: number;
  message: string;
}

export type ParsedRecord = { ok: true; record: V3Record } | { ok: false; refusal: RecordRefusal };

/** Converts one record body; a specific message when a field does not fit. */
export function parseRecord(body: unknown): ParsedRecord {
  const parsed = produceRecordSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return refuse(400, `${where}${issue?.message ?? "The record does not fit the schema"}`);
  }
  const { partition_id, headers, key, value, timestamp } = parsed.data;
  const keyBytes = dataBytes("key", key);
  if ("refusal" in keyBytes) return keyBytes;
  const valueBytes = dataBytes("value", value);
  if ("refusal" in valueBytes) return valueBytes;
  if ((keyBytes.bytes?.length ?? 0) > MAX_KEY_BYTES)
    return refuse(42201, `The key is larger than ${MAX_KEY_BYTES.toLocaleString("en")} bytes`);
  if ((valueBytes.bytes?.length ?? 0) > MAX_VALUE_BYTES)
    return refuse(42201, "The value is larger than 10 MiB");
  const headerMap = new Map<Buffer, Buffer>();
  let bytes = (keyBytes.bytes?.length ?? 0) + (valueBytes.bytes?.length ?? 0);
  for (const [index, header] of (headers ?? []).entries()) {
    const raw = header.value ?? "";
    if (!BASE64.test(raw))
      return refuse(400, `headers.${index}.value: a header value is base64-encoded bytes`);
    const name = Buffer.from(header.name, "utf8");
    const headerValue = Buffer.from(raw, "base64");
    headerMap.set(name, headerValue);
    bytes += name.length + headerValue.length;
  }
  return {
    ok: true,
    record: {
      partition: partition_id ?? undefined,
      key: keyBytes.bytes,
      value: valueBytes.bytes,
      headers: headerMap,
      timestamp: timestamp ? BigInt(Date.parse(timestamp)) : undefined,
      keyType: keyBytes.bytes ? keyBytes.type : undefined,
      valueType: valueBytes.bytes ? valueBytes.type : undefined,
      bytes,
    },
  };
}

type Data = z.infer<typeof dataSchema>;

/** The bytes of a key or value: JSON serialized, a string as UTF-8, base64 decoded; none for null/absent data. */
export function dataBytes(
  field: "key" | "value",
  data: Data,
): { bytes: Buffer | undefined; type: DataType } | { ok: false; refusal: RecordRefusal } {
  if (!data) return { bytes: undefined, type: "JSON" };
  if (
    data.schema_id !== undefined ||
    data.schema !== undefined ||
    data.subject !== undefined ||
    data.schema_version !== undefined ||
    data.subject_name_strategy !== undefined
  )
    return refuse(
      400,
      `${field}: Schema Registry formats are not supported; send type JSON, STRING or BINARY`,
    );
  const type = data.type ?? "JSON";
  if (data.data === undefined || data.data === null) return { bytes: undefined, type };
  switch (type) {
    case "JSON":
      return { bytes: Buffer.from(JSON.stringify(data.data), "utf8"), type };
    case "STRING":
      if (typeof data.data !== "string")
        return refuse(400, `${field}.data: a STRING ${field} is a JSON string`);
      return { bytes: Buffer.from(data.data, "utf8"), type };
    case "BINARY":
      if (typeof data.data !== "string" || !BASE64.test(data.data))
        return refuse(400, `${field}.data: a BINARY ${field} is a base64-encoded string`);
      return { bytes: Buffer.from(data.data, "base64"), type };
  }
}

function refuse(error_code: number, message: string): { ok: false; refusal: RecordRefusal } {
  return { ok: false, refusal: { error_code, message } };
}

/** One JSON value of a concatenated-JSON body, or why the text at `at` is not one. */
export type SplitPart = { ok: true; value: unknown } | { ok: false; at: number; message: string };

/**
 * Splits Confluent's streaming body (concatenated JSON objects, optionally separated by whitespace or
 * newlines) as it arrives: `feed` answers the objects completed by a chunk, `end` what is left over.
 * A part that is not a JSON object, or an object larger than `maxObjectChars`, ends the split with
 * an error. The scan keeps its state, so an object split over many chunks is read once.
 */
export class ConcatenatedJsonSplitter {
  private buffer = "";
  /** Scan state of the object being read: where it starts in the buffer, how far scanned. */
  private scanned = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private consumed = 0;
  private failed = false;

  constructor(private readonly maxObjectChars = 24 * 1024 * 1024) {}

  feed(chunk: string): SplitPart[] {
    if (this.failed) return [];
    this.buffer += chunk;
    const parts: SplitPart[] = [];
    let start = 0;
    for (; this.scanned < this.buffer.length; this.scanned += 1) {
      const char = this.buffer[this.scanned]!;
      if (this.depth === 0) {
        if (char === " " || char === "\n" || char === "\r" || char === "\t") {
          start = this.scanned + 1;
          continue;
        }
        if (char !== "{")
          return this.fail(parts, `Expected a JSON object at character ${this.consumed + this.scanned}`);
        start = this.scanned;
        this.depth = 1;
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (char === "\\") this.escaped = true;
        else if (char === '"') this.inString = false;
        continue;
      }
      if (char === '"') this.inString = true;
      else if (char === "{" || char === "[") this.depth += 1;
      else if (char === "}" || char === "]") {
        this.depth -= 1;
        if (this.depth === 0) {
          const text = this.buffer.slice(start, this.scanned + 1);
          try {
            parts.push({ ok: true, value: JSON.parse(text) });
          } catch (error) {
            return this.fail(
              parts,
              `The JSON object at character ${this.consumed + start} is malformed: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
          start = this.scanned + 1;
        }
      }
    }
    // Keep only the unfinished object (or nothing).
    const keep = this.depth === 0 ? this.buffer.length : start;
    this.consumed += keep;
    this.buffer = this.buffer.slice(keep);
    this.scanned = this.buffer.length;
    if (this.buffer.length > this.maxObjectChars)
      return this.fail(parts, `A record is larger than ${this.maxObjectChars} characters`);
    return parts;
  }

  /** The body ended: an error when an object is still open. */
  end(): SplitPart[] {
    if (this.failed || this.depth === 0) return [];
    return this.fail([], `The JSON object at character ${this.consumed} is not closed`);
  }

  private fail(parts: SplitPart[], message: string): SplitPart[] {
    this.failed = true;
    this.buffer = "";
    parts.push({ ok: false, at: this.consumed, message });
    return parts;
  }
}

/** The whole body at once: its objects, then the error that ended it, if any. */
export function splitConcatenatedJson(text: string): SplitPart[] {
  const splitter = new ConcatenatedJsonSplitter();
  return [...splitter.feed(text), ...splitter.end()];
}

/** Confluent's delivery report of one record written. */
export interface DeliveryReport {
  error_code: 200;
  cluster_id: string;
  topic_name: string;
  partition_id: number;
  offset: number;
  timestamp: string;
  key: { type: DataType; size: number } | null;
  value: { type: DataType; size: number } | null;
}

export function deliveryReport(
  clusterId: string,
  topic: string,
  record: V3Record,
  written: { partition: number; offset: string; timestamp: bigint },
): DeliveryReport {
  return {
    error_code: 200,
    cluster_id: clusterId,
    topic_name: topic,
    partition_id: written.partition,
    offset: Number(written.offset),
    timestamp: new Date(Number(written.timestamp)).toISOString(),
    key: record.key && record.keyType ? { type: record.keyType, size: record.key.length } : null,
    value: record.value && record.valueType ? { type: record.valueType, size: record.value.length } : null,
  };
}
