// The structured filters of a search (key, header, value, JSON path, time range) compiled into one
// predicate over raw records. It runs over millions of messages: bytes are searched as bytes, UTF-8 is
// decoded only for a regex or a JSON path and at most once per record, JSON parsed only for a path.
// Pure and browser-safe; the server injects Buffer's byte search and decoder.
import type { FilterSyntaxError } from "@/lib/messages/events";
import type { MessageQuery } from "@/lib/schemas/messages";
import { evaluateJsonPath, parseJsonPath, requiredJsonText } from "./json-path";

export interface BytesRecord {
  timestamp: number;
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: readonly (readonly [Uint8Array | null, Uint8Array | null])[];
  /** The value already parsed (decoded with its registry schema): a JSON path reads it, no text needed. */
  parsedValue?: { value: unknown };
}

export interface ByteTools {
  /** Index of needle in haystack, or -1 (Buffer#indexOf on the server). */
  indexOf(haystack: Uint8Array, needle: Uint8Array): number;
  /** UTF-8 with invalid bytes as U+FFFD. */
  decodeUtf8(bytes: Uint8Array): string;
  /**
   * Extra RegExp flags. The server passes "l" (V8's linear-time engine): a regex that could
   * backtrack for minutes on one message is rejected instead of stalling the server.
   */
  regexFlags?: string;
}

const decoder = new TextDecoder();
export const portableByteTools: ByteTools = {
  indexOf(haystack, needle) {
    const first = needle[0];
    if (first === undefined) return 0;
    for (let at = haystack.indexOf(first); at !== -1 && at <= haystack.length - needle.length;) {
      let index = 1;
      while (index < needle.length && haystack[at + index] === needle[index]) index++;
      if (index === needle.length) return at;
      at = haystack.indexOf(first, at + 1);
    }
    return -1;
  },
  decodeUtf8: (bytes) => decoder.decode(bytes),
};

/** Returned by RecordView.valueJson for a value that is absent or not JSON. */
export const NOT_JSON: unique symbol = Symbol("not JSON");

/** A record's decoded forms, each computed on first use and kept (shared with the JavaScript filter). */
export class RecordView<R extends BytesRecord = BytesRecord> {
  private keyTextCache?: string | null;
  private valueTextCache?: string | null;
  private valueJsonCache?: unknown;

  constructor(
    readonly record: R,
    private readonly tools: ByteTools,
  ) {}

  keyText(): string | null {
    if (this.keyTextCache === undefined)
      this.keyTextCache = this.record.key ? this.tools.decodeUtf8(this.record.key) : null;
    return this.keyTextCache;
  }

  valueText(): string | null {
    if (this.valueTextCache === undefined)
      this.valueTextCache = this.record.value ? this.tools.decodeUtf8(this.record.value) : null;
    return this.valueTextCache;
  }

  valueJson(): unknown {
    if (this.record.parsedValue) return this.record.parsedValue.value;
    if (this.valueJsonCache === undefined) {
      const text = this.valueText();
      try {
        this.valueJsonCache = text === null || text === "" ? NOT_JSON : JSON.parse(text);
      } catch {
        this.valueJsonCache = NOT_JSON;
      }
    }
    return this.valueJsonCache;
  }
}

type Predicate = (view: RecordView) => boolean;

/**
 * Bytes a record must hold to pass: one of `anyOf` somewhere in its key, value or headers. `of` says
 * which part the filter reads: a key or value decoded with a registry schema no longer holds them.
 */
export interface TextRequirement {
  of: "key" | "value" | "headers";
  anyOf: Uint8Array[];
}

export interface StructuredFilter {
  /** False when the query sets no structured filter. */
  readonly active: boolean;
  /** What every passing record holds: a search skips record batches that hold none of it. */
  readonly requirements: TextRequirement[];
  test(view: RecordView): boolean;
}

export type StructuredCompile =
  { ok: true; filter: StructuredFilter } | { ok: false; errors: FilterSyntaxError[] };

const encoder = new TextEncoder();

function sameBytes(a: Uint8Array | null, b: Uint8Array): boolean {
  if (!a || a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** Lower-cases a pattern's literal characters, leaving escapes (`\W`, `\d`) as they are. */
function lowerCasePattern(pattern: string): string {
  let lowered = "";
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === "\\") lowered += char + (pattern[++index] ?? "");
    else lowered += char.toLowerCase();
  }
  return lowered;
}

export interface CompiledRegex {
  test(text: string): boolean;
}

/**
 * `(?i)` at the start asks for a case-insensitive match, as in Java, Go and Python. It is done by
 * lower-casing pattern and text because V8's linear-time engine has no "i" flag.
 */
export function compileRegex(
  field: "key" | "value",
  pattern: string,
  flags = "",
): { ok: true; regex: CompiledRegex } | { ok: false; error: FilterSyntaxError } {
  const insensitive = pattern.startsWith("(?i)");
  try {
    if (!insensitive) return { ok: true, regex: new RegExp(pattern, flags) };
    const regex = new RegExp(lowerCasePattern(pattern.slice(4)), flags);
    return { ok: true, regex: { test: (text) => regex.test(text.toLowerCase()) } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/linear time/.test(message))
      return {
        ok: false,
        error: {
          field,
          message:
            "This regular expression could take exponential time: backreferences, lookaround and large counted repetition ({1,1000}) are not allowed here. The JavaScript filter has a time limit for them.",
        },
      };
    return { ok: false, error: { field, message } };
  }
}

/** Compiles every structured filter of the query; all syntax errors at once when any is wrong. */
export function compileStructuredFilter(
  query: MessageQuery,
  tools: ByteTools = portableByteTools,
): StructuredCompile {
  const predicates: Predicate[] = [];
  const errors: FilterSyntaxError[] = [];
  const requirements: TextRequirement[] = [];
  const requireText = (of: TextRequirement["of"], ...anyOf: Uint8Array[]) => {
    if (anyOf.every((bytes) => bytes.length > 0)) requirements.push({ of, anyOf });
  };
  const { from, to } = query;
  if (from !== undefined) predicates.push((view) => view.record.timestamp >= from);
  if (to !== undefined) predicates.push((view) => view.record.timestamp <= to);

  if (query.header !== undefined) {
    const name = encoder.encode(query.header);
    const value = query.headerValue === undefined ? undefined : encoder.encode(query.headerValue);
    requireText("headers", name);
    if (value) requireText("headers", value);
    predicates.push((view) =>
      view.record.headers.some(
        ([headerName, headerValue]) =>
          sameBytes(headerName, name) && (value === undefined || sameBytes(headerValue, value)),
      ),
    );
  }

  if (query.key !== undefined) {
    const key = query.key;
    if (query.keyMode === "regex") {
      const compiled = compileRegex("key", key, tools.regexFlags);
      if (compiled.ok) {
        const regex = compiled.regex;
        predicates.push((view) => {
          const text = view.keyText();
          return text !== null && regex.test(text);
        });
      } else errors.push(compiled.error);
    } else {
      const bytes = encoder.encode(key);
      requireText("key", bytes);
      predicates.push(
        query.keyMode === "equals"
          ? (view) => sameBytes(view.record.key, bytes)
          : (view) => view.record.key !== null && tools.indexOf(view.record.key, bytes) !== -1,
      );
    }
  }

  if (query.value !== undefined) {
    if (query.valueMode === "regex") {
      const compiled = compileRegex("value", query.value, tools.regexFlags);
      if (compiled.ok) {
        const regex = compiled.regex;
        predicates.push((view) => {
          const text = view.valueText();
          return text !== null && regex.test(text);
        });
      } else errors.push(compiled.error);
    } else {
      const bytes = encoder.encode(query.value);
      requireText("value", bytes);
      predicates.push((view) => view.record.value !== null && tools.indexOf(view.record.value, bytes) !== -1);
    }
  }

  if (query.jsonPath !== undefined) {
    const parsed = parseJsonPath(query.jsonPath);
    if (parsed.ok) {
      const expression = parsed.expression;
      const required = requiredJsonText(expression);
      if (required !== null) {
        // Most values can be rejected without parsing: see requiredJsonText.
        const needle = encoder.encode(required);
        const backslash = encoder.encode("\\");
        requireText("value", needle, backslash);
        predicates.push(
          (view) =>
            view.record.parsedValue !== undefined ||
            (view.record.value !== null &&
              (tools.indexOf(view.record.value, needle) !== -1 ||
                tools.indexOf(view.record.value, backslash) !== -1)),
        );
      }
      predicates.push((view) => {
        const json = view.valueJson();
        return json !== NOT_JSON && evaluateJsonPath(expression, json);
      });
    } else errors.push({ field: "jsonPath", message: parsed.message, position: parsed.position });
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    filter: {
      active: predicates.length > 0,
      requirements,
      test(view) {
        for (const predicate of predicates) if (!predicate(view)) return false;
        return true;
      },
    },
  };
}
