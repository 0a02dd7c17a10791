// What a message search streams to the browser: Server-Sent Events (`event: <type>`, `data:` the
// whole event as JSON), or NDJSON (one event per line). Pure types: the server produces them, the
// inspector reads them.
import type { Compression } from "@/lib/schemas/messages";

/**
 * A key, value or header value. UTF-8 bytes travel as `text`, anything else as `base64`; exactly one
 * is set. `size` is the full size in bytes; `truncated` says only the first `previewBytes` were sent
 * ("load the full value" fetches the record again without the limit).
 */
export interface WirePayload {
  size: number;
  text?: string;
  base64?: string;
  truncated?: boolean;
}

export interface WireHeader {
  /** Header names are decoded as UTF-8 (invalid bytes become U+FFFD). */
  name: string;
  value: WirePayload | null;
}

export interface WireRecord {
  partition: number;
  /** int64 as a decimal string. */
  offset: string;
  /** Epoch milliseconds. */
  timestamp: number;
  timestampType: "create" | "log-append";
  key: WirePayload | null;
  value: WirePayload | null;
  headers: WireHeader[];
  /** Bytes of key, value and headers as stored (uncompressed). */
  size: number;
  /** The codec of the batch the record was stored in. */
  compression: Compression;
  /** Set when the value is in the Confluent wire format and the cluster has a schema registry. */
  valueSchema?: WireValueSchema;
  /** The same for the key (`json` is then what the key shows as). */
  keySchema?: WireValueSchema;
}

/**
 * A value framed for a schema registry (magic byte 0, schema id), decoded with its schema. `value`
 * keeps the raw bytes either way; the table, filters and exports use `json` when it is set.
 */
export interface WireValueSchema {
  schemaId: number;
  format?: "AVRO" | "PROTOBUF" | "JSON";
  /** The first subject and version the registry names for the id. */
  subject?: string;
  version?: number;
  /** Protobuf: the message type the record's indexes chose. */
  messageType?: string;
  /** The decoded value as JSON text; absent when it could not be decoded. */
  json?: string;
  /** Only the first previewBytes of the JSON text were sent. */
  jsonTruncated?: true;
  /** Why it was not decoded ("Unknown schema id 7 …"), or with `json`, how it breaks its JSON schema. */
  error?: string;
}

export interface PartitionProgress {
  partition: number;
  /** The next offset to read. */
  position: string;
  /** Where this search stops in the partition (exclusive); null while tailing. */
  end: string | null;
}

export interface SearchPlanPartition extends PartitionProgress {
  /** The watermarks read when the search started. */
  low: string;
  high: string;
  start: string;
}

export interface SearchCounters {
  scanned: number;
  matched: number;
  /** Bytes of key, value and headers scanned. */
  bytes: number;
  elapsedMs: number;
}

export type SearchEndReason = "end" | "max" | "stopped" | "filter-failed" | "error";

export interface FilterFailure {
  partition: number;
  offset: string;
  /** exception: the expression threw; timeout and memory: a sandbox limit stopped it. */
  kind: "exception" | "timeout" | "memory";
  message: string;
}

export interface SearchProblem {
  title: string;
  hint: string;
  code?: string;
}

export type SearchEvent =
  | { type: "plan"; partitions: SearchPlanPartition[]; notices: string[]; tail: boolean }
  | { type: "records"; records: WireRecord[] }
  | { type: "progress"; counters: SearchCounters; partitions: PartitionProgress[] }
  | { type: "notice"; message: string }
  | { type: "filter-error"; failure: FilterFailure }
  | {
      type: "done";
      reason: SearchEndReason;
      counters: SearchCounters;
      partitions: PartitionProgress[];
      filterErrors: number;
    }
  | { type: "error"; problem: SearchProblem };

/** Where a filter's text is wrong, before any message is read. */
export interface FilterSyntaxError {
  /** The query field: key, value, header, jsonPath, js. */
  field: "key" | "value" | "header" | "headerValue" | "jsonPath" | "js";
  message: string;
  /** 0-based character index in the field's text, when known. */
  position?: number;
  /** 1-based, for multi-line JavaScript. */
  line?: number;
  column?: number;
}
