// A value (or key) decoded with its registry schema, as the inspector shows it: the table, the quick
// search, the drawer and exports use the decoded JSON; the raw bytes stay in `record.value` and
// `record.key`. A key decoded to a JSON string shows as that string. Pure.
import type { WirePayload, WireRecord, WireValueSchema } from "./events";

const shownValues = new WeakMap<WireRecord, WirePayload | null>();
const shownKeys = new WeakMap<WireRecord, WirePayload | null>();

/** The decoded value as a JSON payload when the record was decoded, else the raw value. */
export function shownValue(record: WireRecord): WirePayload | null {
  return shownPart(record.value, record.valueSchema, record, shownValues, false);
}

/** The decoded key (a JSON string as its text) when the record's key was decoded, else the raw key. */
export function shownKey(record: WireRecord): WirePayload | null {
  return shownPart(record.key, record.keySchema, record, shownKeys, true);
}

function shownPart(
  raw: WirePayload | null,
  schema: WireValueSchema | undefined,
  record: WireRecord,
  cache: WeakMap<WireRecord, WirePayload | null>,
  unquote: boolean,
): WirePayload | null {
  const json = schema?.json;
  if (json === undefined) return raw;
  let payload = cache.get(record);
  if (payload === undefined) {
    payload = {
      size: raw?.size ?? 0,
      text: unquote ? stringOrJson(json) : json,
      ...(schema?.jsonTruncated && { truncated: true }),
    };
    cache.set(record, payload);
  }
  return payload;
}

function stringOrJson(json: string): string {
  if (!json.startsWith('"')) return json;
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === "string" ? parsed : json;
  } catch {
    return json;
  }
}

export const SCHEMA_FORMAT_LABELS = { AVRO: "Avro", PROTOBUF: "Protobuf", JSON: "JSON Schema" } as const;

/** "Avro, orders-value version 3, schema id 12", for a title or a screen reader. */
export function describeValueSchema(record: WireRecord, part: "value" | "key" = "value"): string | null {
  const schema = part === "key" ? record.keySchema : record.valueSchema;
  if (!schema) return null;
  const parts = [
    schema.format && SCHEMA_FORMAT_LABELS[schema.format],
    schema.subject && `${schema.subject} version ${schema.version}`,
    `schema id ${schema.schemaId}`,
  ].filter(Boolean);
  return parts.join(", ");
}
