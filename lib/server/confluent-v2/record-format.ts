// A consumed record in a v2 instance's format: binary = base64, string = UTF-8 text, json = the parsed
// value (a record that is not JSON is refused with Confluent's deserialization code, naming it).
import { type ConsumedRecord, type ConsumerFormat, ConsumerV2Error } from "./consumer-types";

export interface V2Record {
  topic: string;
  key: unknown;
  value: unknown;
  partition: number;
  offset: number;
}

/** Confluent's error code for a record the instance's format cannot represent. */
export const DESERIALIZATION_ERROR = 50002;

function encode(bytes: Buffer | null, format: ConsumerFormat, what: string): unknown {
  if (bytes === null) return null;
  if (format === "binary") return bytes.toString("base64");
  const text = bytes.toString("utf8");
  if (format === "string") return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ConsumerV2Error(
      500,
      DESERIALIZATION_ERROR,
      `The ${what} is not JSON; read it with a consumer instance in the binary or string format.`,
    );
  }
}

export function formatRecord(record: ConsumedRecord, format: ConsumerFormat): V2Record {
  const where = `record at ${record.topic}/${record.partition}@${record.offset}`;
  return {
    topic: record.topic,
    key: encode(record.key, format, `key of the ${where}`),
    value: encode(record.value, format, `value of the ${where}`),
    partition: record.partition,
    offset: Number(record.offset),
  };
}

/** The v2 content type a records answer carries for the format. */
export function recordsContentType(format: ConsumerFormat): string {
  return format === "binary" ? "application/vnd.kafka.binary.v2+json" : "application/vnd.kafka.json.v2+json";
}

/** Bytes a record counts against max_bytes. */
export function recordBytes(record: ConsumedRecord): number {
  return (record.key?.length ?? 0) + (record.value?.length ?? 0);
}
