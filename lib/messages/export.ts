// The rows the results table shows, as a file: JSON, NDJSON or CSV. Pure; the component turns the
// text into a Blob download.
import { payloadText } from "./decode";
import type { WirePayload, WireRecord, WireValueSchema } from "./events";
import { shownKey, shownValue } from "./schema-value";

export const EXPORT_FORMATS = ["json", "ndjson", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MIME_TYPES: Record<ExportFormat, string> = {
  json: "application/json",
  ndjson: "application/x-ndjson",
  csv: "text/csv",
};

export interface ExportedHeader {
  name: string;
  value: string | null;
  encoding?: "base64";
}

/** One record as exported: UTF-8 text where the bytes are text, base64 (marked) where they are not. */
export interface ExportedRecord {
  partition: number;
  offset: string;
  timestamp: string;
  timestampType: WireRecord["timestampType"];
  key: string | null;
  keyEncoding?: "base64";
  value: string | null;
  valueEncoding?: "base64";
  /** Only the first bytes were loaded: the value is incomplete. */
  valueTruncated?: true;
  headers: ExportedHeader[];
  size: number;
  compression: WireRecord["compression"];
  /** The value was framed for a schema registry: `value` is then the decoded JSON when it decoded. */
  valueSchema?: Omit<WireValueSchema, "json" | "jsonTruncated">;
  /** The same for the key. */
  keySchema?: Omit<WireValueSchema, "json" | "jsonTruncated">;
}

function encodePayload(payload: WirePayload | null): { text: string | null; base64: boolean } {
  if (payload === null) return { text: null, base64: false };
  const text = payloadText(payload);
  return text !== null ? { text, base64: false } : { text: payload.base64 ?? "", base64: true };
}

function isoTimestamp(timestamp: number): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? String(timestamp) : date.toISOString();
}

export function exportRecord(record: WireRecord): ExportedRecord {
  const key = encodePayload(shownKey(record));
  const value = encodePayload(shownValue(record));
  return {
    partition: record.partition,
    offset: record.offset,
    timestamp: isoTimestamp(record.timestamp),
    timestampType: record.timestampType,
    key: key.text,
    ...(key.base64 && { keyEncoding: "base64" as const }),
    value: value.text,
    ...(value.base64 && { valueEncoding: "base64" as const }),
    ...((record.valueSchema ? record.valueSchema.jsonTruncated : record.value?.truncated) && {
      valueTruncated: true as const,
    }),
    headers: record.headers.map((header) => {
      const encoded = encodePayload(header.value);
      return encoded.base64
        ? { name: header.name, value: encoded.text, encoding: "base64" as const }
        : { name: header.name, value: encoded.text };
    }),
    size: record.size,
    compression: record.compression,
    ...(record.valueSchema && { valueSchema: schemaOf(record.valueSchema) }),
    ...(record.keySchema && { keySchema: schemaOf(record.keySchema) }),
  };
}

/** Where the value came from, without the decoded text itself (that is `value`). */
function schemaOf(schema: WireValueSchema): ExportedRecord["valueSchema"] {
  const described: ExportedRecord["valueSchema"] = { schemaId: schema.schemaId };
  for (const field of ["format", "subject", "version", "messageType", "error"] as const)
    if (schema[field] !== undefined) Object.assign(described, { [field]: schema[field] });
  return described;
}

export const CSV_COLUMNS = ["partition", "offset", "timestamp", "key", "value", "headers"] as const;

/** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function exportRecords(records: readonly WireRecord[], format: ExportFormat): string {
  const exported = records.map(exportRecord);
  if (format === "json") return `${JSON.stringify(exported, null, 2)}\n`;
  if (format === "ndjson") return exported.map((record) => `${JSON.stringify(record)}\n`).join("");
  const lines = [CSV_COLUMNS.join(",")];
  for (const record of exported)
    lines.push(
      [
        record.partition,
        record.offset,
        record.timestamp,
        record.key,
        record.value,
        JSON.stringify(record.headers),
      ]
        .map(csvField)
        .join(","),
    );
  return `${lines.join("\r\n")}\r\n`;
}

/** `<topic>-2026-11-21T16-40-05Z.ndjson`: sortable, and valid on every file system. */
export function exportFileName(topic: string, date: Date, format: ExportFormat): string {
  const stamp = date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replaceAll(":", "-");
  const safeTopic = topic.replace(/[^\w.-]/g, "_");
  return `${safeTopic}-${stamp}.${format}`;
}
