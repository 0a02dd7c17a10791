import "server-only";

// What crosses between Node and the QuickJS sandbox: the trusted loop that runs inside it, each
// message as a JSON text (the worker joins a batch of them into one), and QuickJS's syntax errors
// mapped back to the user's text. The worker (quickjs-sandbox.mjs) receives the sources from here.
import type { FilterSyntaxError } from "@/lib/messages/events";

/** One message as the expression sees it. */
export interface SandboxRecord {
  key: string | null;
  /**
   * The value's JSON text when it is JSON (parsed in the sandbox), else its text, else null; or the
   * bytes as stored, which the worker decodes and narrows to `properties` (see sandbox-batch.mjs).
   */
  value: { json: string } | { text: string } | RawValue | null;
  headers: Record<string, string | null>;
  partition: number;
  offset: string;
  timestamp: number;
}

/** A value the filter worker decodes; the records of one search share `properties`. */
export interface RawValue {
  bytes: Uint8Array;
  properties: "whole" | string[];
}

export const PARAMETERS = "key, value, headers, partition, offset, timestamp";
export const FILE_NAME = "filter.js";

/** The loop tells Node every so many messages that it is still moving (see SandboxLimits). */
export const TICK_EVERY = 16;

// Trusted code, evaluated before the filter exists. `tick` lives only in this closure: an
// expression cannot call it to reset its own time limit. Intrinsics are captured first so an
// expression that replaces JSON or Error only spoils its own results.
export const RUNNER = `(function (tick, filter) {
  "use strict";
  const parse = JSON.parse, stringify = JSON.stringify, InternalErrorClass = InternalError;
  const describe = (error) => {
    try {
      if (error instanceof Error) return String(error.name) + ": " + String(error.message).slice(0, 500);
      return "Threw " + String(error).slice(0, 500);
    } catch {
      return "Threw a value that cannot be described";
    }
  };
  let verdicts = "";
  let errors = [];
  const run = (text) => {
    verdicts = "";
    errors = [];
    let batch;
    try { batch = parse(text); } catch (error) { return stringify(["!", describe(error)]); }
    for (let index = 0; index < batch.length; index++) {
      const r = batch[index];
      if (index % ${TICK_EVERY} === 0) tick();
      try {
        verdicts += filter(r[0], r[1], r[2], r[3], r[4], r[5]) ? "1" : "0";
      } catch (error) {
        if (error instanceof InternalErrorClass && error.message === "out of memory") throw error;
        verdicts += "e";
        errors[errors.length] = describe(error);
      }
    }
    return stringify([verdicts, errors]);
  };
  // After a fatal stop: the verdicts of the batch's records before the one that was stopped.
  const partial = () => stringify([verdicts, errors]);
  return [run, partial];
})`;

/** The sandbox parses at most this much JSON text at a time. */
export const MAX_BATCH_CHARS = 256 * 1024;

/** The expression, wrapped as a function of the message's fields. */
export const filterSource = (expression: string) =>
  `(function (${PARAMETERS}) { "use strict"; return (\n${expression}\n); })`;

/** Per record in a packed batch's `ends` (sandbox-batch.mjs reads them). */
const ENDS_PER_RECORD = 3;
const RAW_VALUE = 1;

/**
 * A batch for the worker as one buffer it may own (transferred, not copied): per record, its runner
 * arguments but the value as "key JSON \0 , headers, partition, offset, timestamp ]" (JSON escapes
 * every control character, so \0 cannot occur in it), then the value's JSON text, or its stored
 * bytes, copied as they are. `ends` holds each record's two ends and whether the value is raw.
 */
export function packRecords(records: readonly SandboxRecord[]) {
  const parts = records.map(
    (record) =>
      `${JSON.stringify(record.key)}\0,${JSON.stringify(record.headers)},${record.partition},"${record.offset}",${record.timestamp}]`,
  );
  const values = records.map(({ value }) =>
    value === null
      ? "null"
      : "bytes" in value
        ? value.bytes
        : "json" in value
          ? value.json
          : JSON.stringify(value.text),
  );
  let size = 0;
  for (let index = 0; index < records.length; index++) {
    const value = values[index]!;
    size +=
      Buffer.byteLength(parts[index]!) +
      (typeof value === "string" ? Buffer.byteLength(value) : value.length);
  }
  // Never from Node's shared pool: only a buffer of its own may be transferred.
  const text = Buffer.allocUnsafeSlow(size);
  const ends = new Uint32Array(records.length * ENDS_PER_RECORD);
  let properties: RawValue["properties"] = "whole";
  let at = 0;
  for (let index = 0; index < records.length; index++) {
    at += text.write(parts[index]!, at);
    ends[index * ENDS_PER_RECORD] = at;
    const value = values[index]!;
    if (typeof value === "string") at += text.write(value, at);
    else {
      text.set(value, at);
      at += value.length;
    }
    ends[index * ENDS_PER_RECORD + 1] = at;
    const raw = records[index]!.value;
    if (raw !== null && "bytes" in raw) {
      ends[index * ENDS_PER_RECORD + 2] = RAW_VALUE;
      properties = raw.properties;
    }
  }
  return { text: new Uint8Array(text.buffer, 0, size), ends, properties };
}

/** Where QuickJS puts a syntax error, mapped back into the expression's own text. */
export function syntaxErrorOf(expression: string, dumped: unknown): FilterSyntaxError {
  const error = (dumped ?? {}) as { name?: unknown; message?: unknown; stack?: unknown };
  const message = `${String(error.name ?? "Error")}: ${String(error.message ?? dumped)}`;
  const at = new RegExp(`${FILE_NAME.replace(".", "\\.")}:(\\d+):(\\d+)`).exec(String(error.stack ?? ""));
  if (!at) return { field: "js", message };
  const lines = expression.split("\n");
  // The expression starts on the wrapper's second line.
  let line = Math.max(1, Number(at[1]) - 1);
  let column = Math.max(1, Number(at[2]));
  if (line > lines.length) [line, column] = [lines.length, (lines.at(-1)?.length ?? 0) + 1];
  column = Math.min(column, (lines[line - 1]?.length ?? 0) + 1);
  const position = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
  return { field: "js", message, line, column, position };
}

export function sizeOf(record: SandboxRecord): number {
  const value =
    record.value === null
      ? 0
      : "bytes" in record.value
        ? record.value.bytes.length
        : "json" in record.value
          ? record.value.json.length
          : record.value.text.length;
  return value + (record.key?.length ?? 0) + 64;
}
