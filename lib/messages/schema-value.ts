// A value decoded with its registry schema, as the inspector shows it: the table, the quick search,
// the drawer and exports use the decoded JSON; the raw bytes stay in `record.value`. Pure.
import type { WirePayload, WireRecord } from "./events";

const shown = new WeakMap<WireRecord, WirePayload | null>();

/** The decoded value as a JSON payload when the record was decoded, else the raw value. */
export function shownValue(record: WireRecord): WirePayload | null {
  const json = record.valueSchema?.json;
  if (json === undefined) return record.value;
  let payload = shown.get(record);
  if (payload === undefined) {
    payload = {
      size: record.value?.size ?? 0,
      text: json,
      ...(record.valueSchema?.jsonTruncated && { truncated: true }),
    };
    shown.set(record, payload);
  }
  return payload;
}

export const SCHEMA_FORMAT_LABELS = { AVRO: "Avro", PROTOBUF: "Protobuf", JSON: "JSON Schema" } as const;

/** "Avro, orders-value version 3, schema id 12", for a title or a screen reader. */
export function describeValueSchema(record: WireRecord): string | null {
  const schema = record.valueSchema;
  if (!schema) return null;
  const parts = [
    schema.format && SCHEMA_FORMAT_LABELS[schema.format],
    schema.subject && `${schema.subject} version ${schema.version}`,
    `schema id ${schema.schemaId}`,
  ].filter(Boolean);
  return parts.join(", ");
}
