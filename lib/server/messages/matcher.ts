import "server-only";

// A search's filters over raw records: the structured ones first (cheap, bounded, on bytes, here),
// then the JavaScript expression in its sandbox on a filter worker, on the records that passed them.
import { setFlagsFromString } from "node:v8";
import type { FilterFailure, FilterSyntaxError } from "@/lib/messages/events";
import {
  compileStructuredFilter,
  RecordView,
  type ByteTools,
  type TextRequirement,
} from "@/lib/messages/filters";
import type { MessageQuery } from "@/lib/schemas/messages";
import { requiredTexts } from "./expression-needles";
import { expressionUsage, type ExpressionUsage } from "./expression-usage";
import { compileJsFilter, type JsFilter, type SandboxLimits, type SandboxRecord } from "./js-sandbox";
import { recordMayMatch } from "./record-gate";

export interface FilterableRecord {
  partition: number;
  offset: bigint;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: [Buffer | null, Buffer | null][];
}

export interface MatchBatchResult {
  matches: boolean[];
  failures: FilterFailure[];
  fatal?: FilterFailure;
}

export interface MessageMatcher {
  /** False when the query has no filter at all (the engine may skip calling match). */
  readonly active: boolean;
  /** Bytes every matching record holds (record-gate.ts): the search skips batches without them. */
  readonly requirements: TextRequirement[];
  /** One boolean per record, in order. A thrown expression is a failure (reported, counts as no match);
   * a timeout or memory exhaustion is `fatal`: matches then stops at that record's index. */
  match(records: FilterableRecord[]): Promise<MatchBatchResult>;
  dispose(): void;
}

const asBuffer = (bytes: Uint8Array) =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

// Lets RegExp take the "l" flag: V8's linear-time engine, for filters typed by any viewer.
setFlagsFromString("--enable-experimental-regexp-engine");

export const serverByteTools: ByteTools = {
  indexOf: (haystack, needle) => asBuffer(haystack).indexOf(needle),
  decodeUtf8: (bytes) => asBuffer(bytes).toString("utf8"),
  regexFlags: "l",
};

export async function createMessageMatcher(
  query: MessageQuery,
  limits?: SandboxLimits,
): Promise<{ ok: true; matcher: MessageMatcher } | { ok: false; error: FilterSyntaxError }> {
  const structured = compileStructuredFilter(query, serverByteTools);
  if (!structured.ok) return { ok: false, error: structured.errors[0]! };
  let js: JsFilter | null = null;
  if (query.js !== undefined) {
    const compiled = await compileJsFilter(query.js, limits);
    if (!compiled.ok) return compiled;
    js = compiled.filter;
  }
  const filter = structured.filter;
  const sandbox = js;
  const usage = expressionUsage(query.js ?? "");
  // What the expression compares with `===` (an exact string): records without it skip the sandbox.
  // The sandbox sees the record's key, value and headers as given here, so this holds for decoded
  // values too (their JSON text), but not for a batch's stored bytes then (record-gate.ts).
  const jsRequirements = sandbox ? jsTextRequirements(query.js ?? "") : [];
  const jsNeedles = jsRequirements.map(({ anyOf }) => anyOf.map(asBuffer));

  return {
    ok: true,
    matcher: {
      active: filter.active || sandbox !== null,
      requirements: [...filter.requirements, ...jsRequirements],
      async match(records) {
        if (!filter.active && !sandbox) return { matches: records.map(() => true), failures: [] };
        const matches = records.map(() => false);
        const candidates: number[] = [];
        const views: (RecordView<FilterableRecord> | undefined)[] = [];
        records.forEach((record, index) => {
          const view = new RecordView(record, serverByteTools);
          if (filter.active && !filter.test(view)) return;
          if (!sandbox) matches[index] = true;
          else if (jsNeedles.length > 0 && !recordMayMatch(record, jsNeedles)) return;
          else {
            candidates.push(index);
            views.push(view);
          }
        });
        if (!sandbox || views.length === 0) return { matches, failures: [] };

        // Each message is made ready for the sandbox as its task is, while the worker runs the one before.
        const inputs = {
          length: views.length,
          at: (index: number): SandboxRecord | undefined => {
            const view = views[index];
            views[index] = undefined;
            return view && sandboxRecordOf(view, usage);
          },
        };
        const outcome = await sandbox.run(inputs);
        outcome.verdicts.forEach((verdict, index) => (matches[candidates[index]!] = verdict));
        const failureAt = (index: number, kind: FilterFailure["kind"], message: string): FilterFailure => {
          const record = records[candidates[index] ?? candidates.length - 1]!;
          return { partition: record.partition, offset: record.offset.toString(), kind, message };
        };
        const failures = outcome.exceptions.map(({ index, message }) =>
          failureAt(index, "exception", message),
        );
        if (!outcome.fatal) return { matches, failures };
        const { index, kind, message } = outcome.fatal;
        matches.length = candidates[index] ?? records.length;
        return { matches, failures, fatal: failureAt(index, kind, message) };
      },
      dispose() {
        sandbox?.dispose();
      },
    },
  };
}

const BACKSLASH = Buffer.from("\\");

/** A JSON text can spell any string with escapes: a record holding a backslash may match too. */
function jsTextRequirements(source: string): TextRequirement[] {
  return (requiredTexts(source) ?? []).map((text) => ({
    of: "value",
    anyOf: [Buffer.from(text), BACKSLASH],
  }));
}

function sandboxRecordOf(view: RecordView<FilterableRecord>, usage: ExpressionUsage): SandboxRecord {
  const { record } = view;
  const headers: Record<string, string | null> = Object.create(null);
  if (usage.headers)
    for (const [name, value] of record.headers)
      if (name) headers[serverByteTools.decodeUtf8(name)] = value ? serverByteTools.decodeUtf8(value) : null;
  return {
    key: usage.key ? view.keyText() : null,
    // Decoded and narrowed to what the expression reads on the filter worker (sandbox-batch.mjs).
    value:
      usage.value === false || record.value === null
        ? null
        : { bytes: record.value, properties: usage.value },
    headers,
    partition: record.partition,
    offset: record.offset.toString(),
    timestamp: record.timestamp,
  };
}
