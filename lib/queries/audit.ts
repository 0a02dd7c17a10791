// Audit trail queries: the filters as they travel in a URL (the page's GET form, its "Older" link and
// the export links share them), parsed into the store's AuditQuery.
import type { AuditOutcome, AuditQuery } from "@/lib/schemas/audit";

export const AUDIT_OUTCOMES = ["success", "failure", "denied"] as const satisfies readonly AuditOutcome[];

/** The filter fields exactly as typed into the form; what the page puts back into its inputs. */
export interface AuditFilters {
  actor: string;
  action: string;
  target: string;
  outcome: AuditOutcome | "";
  /** `YYYY-MM-DDTHH:mm` (what datetime-local inputs send), read as UTC. */
  from: string;
  to: string;
}

export type AuditSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

export interface ParsedAuditFilters {
  filters: AuditFilters;
  /** The store query without its page size. */
  query: Omit<AuditQuery, "limit">;
  /** One sentence per ignored value, for the reader (page) or a 400 (export). */
  problems: string[];
}

const MAX_TEXT = 200;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?Z?$/;

function first(params: AuditSearchParams, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  const text = Array.isArray(value) ? value[0] : value;
  return (text ?? "").trim().slice(0, MAX_TEXT);
}

/**
 * A form date-time as an ISO timestamp in UTC. The store's `until` is exclusive, so "to 10:15" ends
 * where 10:16 begins and includes an event at 10:15:42 (with seconds given, the whole second).
 */
function toTimestamp(value: string, edge: "from" | "to"): string | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const [, day, minute, seconds] = match;
  const date = new Date(`${day}T${minute}${seconds ?? ":00"}Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (edge === "to") date.setTime(date.getTime() + (seconds ? 1_000 : 60_000));
  return date.toISOString();
}

export function parseAuditFilters(params: AuditSearchParams): ParsedAuditFilters {
  const problems: string[] = [];
  const outcomeText = first(params, "outcome");
  const outcome = (AUDIT_OUTCOMES as readonly string[]).includes(outcomeText)
    ? (outcomeText as AuditOutcome)
    : "";
  if (outcomeText && !outcome)
    problems.push(`Outcome "${outcomeText}" is not one of ${AUDIT_OUTCOMES.join(", ")}.`);

  const filters: AuditFilters = {
    actor: first(params, "actor"),
    action: first(params, "action"),
    target: first(params, "target"),
    outcome,
    from: first(params, "from"),
    to: first(params, "to"),
  };
  const query: Omit<AuditQuery, "limit"> = {};
  if (filters.actor) query.actor = filters.actor;
  if (filters.action) query.action = filters.action;
  if (filters.target) query.target = filters.target;
  if (filters.outcome) query.outcome = filters.outcome;

  for (const edge of ["from", "to"] as const) {
    if (!filters[edge]) continue;
    const timestamp = toTimestamp(filters[edge], edge);
    if (timestamp === undefined) {
      problems.push(`"${filters[edge]}" is not a date and time like 2025-01-31T14:30 (${edge}).`);
      filters[edge] = "";
    } else if (edge === "from") query.since = timestamp;
    else query.until = timestamp;
  }
  if (query.since && query.until && query.since >= query.until) {
    problems.push("The start of the time range is after its end, so nothing can match.");
  }

  const beforeText = first(params, "before");
  if (beforeText) {
    const before = Number(beforeText);
    if (Number.isSafeInteger(before) && before > 0) query.before = before;
    else problems.push(`"${beforeText}" is not a page position; showing the newest events.`);
  }
  return { filters, query, problems };
}

/** The URL query for these filters (empty fields left out), plus extra parameters such as `before`. */
export function auditSearchString(
  filters: AuditFilters,
  extra: Record<string, string | number | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...extra })) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some((value) => value !== "");
}
