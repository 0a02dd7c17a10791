// The search form's fields (all text, as inputs hold them) to and from a MessageQuery, and the
// field errors the form shows. Pure.
import {
  messageQuerySchema,
  type MessageQuery,
  type MessageQueryInput,
  type StartPosition,
} from "@/lib/schemas/messages";
import type { FilterSyntaxError } from "./events";

export interface QueryFormValues {
  start: StartPosition;
  /** "" for all partitions. */
  partition: string;
  offset: string;
  /** A datetime-local value (local time) or epoch milliseconds. */
  timestamp: string;
  max: string;
  key: string;
  keyMode: MessageQuery["keyMode"];
  header: string;
  headerValue: string;
  value: string;
  valueMode: MessageQuery["valueMode"];
  jsonPath: string;
  from: string;
  to: string;
  js: string;
}

export type QueryField = keyof QueryFormValues;
export type QueryFieldErrors = Partial<Record<QueryField, string[]>>;

/** The URL parameters a message query may use: other parameters of the page are left alone. */
export const QUERY_PARAM_NAMES = Object.keys(messageQuerySchema.shape) as QueryField[];

const pad = (value: number) => String(value).padStart(2, "0");

/** Epoch milliseconds as a datetime-local value in the browser's time zone, to the second. */
export function toDateTimeLocal(epochMs: number | undefined): string {
  if (epochMs === undefined) return "";
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return "";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function formValuesFromQuery(query: MessageQuery): QueryFormValues {
  return {
    start: query.start,
    partition: query.partition === undefined ? "" : String(query.partition),
    offset: query.offset ?? "",
    timestamp: toDateTimeLocal(query.timestamp),
    max: query.max === undefined ? "" : String(query.max),
    key: query.key ?? "",
    keyMode: query.keyMode,
    header: query.header ?? "",
    headerValue: query.headerValue ?? "",
    value: query.value ?? "",
    valueMode: query.valueMode,
    jsonPath: query.jsonPath ?? "",
    from: toDateTimeLocal(query.from),
    to: toDateTimeLocal(query.to),
    js: query.js ?? "",
  };
}

export const DEFAULT_FORM_VALUES = formValuesFromQuery(messageQuerySchema.parse({}));

/** Fields that do not apply to the chosen start are left out, so a stale offset never blocks. */
export function queryInputFromForm(values: QueryFormValues): MessageQueryInput {
  return {
    ...values,
    offset: values.start === "offset" ? values.offset : undefined,
    timestamp: values.start === "timestamp" ? values.timestamp : undefined,
  };
}

export type FormCheck =
  { ok: true; query: MessageQuery } | { ok: false; errors: QueryFieldErrors; syntax: FilterSyntaxError[] };

/** Validates with the shared schema, then (when given) the filters' own syntax checks. */
export function checkQueryForm(
  values: QueryFormValues,
  validateFilters?: (query: MessageQuery) => FilterSyntaxError[],
): FormCheck {
  const parsed = messageQuerySchema.safeParse(queryInputFromForm(values));
  if (!parsed.success) {
    const errors: QueryFieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "start") as QueryField;
      (errors[field] ??= []).push(issue.message);
    }
    return { ok: false, errors, syntax: [] };
  }
  const syntax = validateFilters?.(parsed.data) ?? [];
  if (syntax.length > 0) return { ok: false, errors: syntaxFieldErrors(syntax), syntax };
  return { ok: true, query: parsed.data };
}

export function syntaxFieldErrors(syntax: readonly FilterSyntaxError[]): QueryFieldErrors {
  const errors: QueryFieldErrors = {};
  for (const error of syntax) (errors[error.field] ??= []).push(error.message);
  return errors;
}

/** Where to draw the caret: the line of text holding the error, and the 0-based column in it. */
export function syntaxCaret(text: string, error: FilterSyntaxError): { line: string; column: number } | null {
  const lines = text.split("\n");
  if (error.line !== undefined && error.column !== undefined) {
    const line = lines[error.line - 1];
    if (line === undefined) return null;
    return { line, column: Math.min(Math.max(0, error.column - 1), line.length) };
  }
  if (error.position === undefined) return null;
  let remaining = Math.min(Math.max(0, error.position), text.length);
  for (const line of lines) {
    if (remaining <= line.length) return { line, column: remaining };
    remaining -= line.length + 1;
  }
  return null;
}

/** The page's URL parameters with the query's replaced (others, such as a tab, kept). */
export function searchParamsWithQuery(current: URLSearchParams, encoded: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const name of QUERY_PARAM_NAMES) next.delete(name);
  for (const [name, value] of encoded) next.set(name, value);
  return next;
}

/** True when the URL names a search (any message-query parameter is present). */
export function hasQueryParams(params: URLSearchParams): boolean {
  return QUERY_PARAM_NAMES.some((name) => params.has(name));
}
