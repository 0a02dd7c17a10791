import type { AuditQuery, AuditStore } from "../types";
import { isoTimestamp, likePrefix, MAX_AUDIT_PAGE } from "../audit-query";
import { toAuditEvent } from "../rows";
import { type Connection, type Row } from "./connection";
import type { Sync } from "./sync";

/** WHERE clause and values for a query; `since` is inclusive, `until` exclusive. */
function whereClause(query: AuditQuery): { sql: string; values: (string | number)[] } {
  const conditions: string[] = [];
  const values: (string | number)[] = [];
  const add = (condition: string, value: string | number) => {
    conditions.push(condition);
    values.push(value);
  };
  if (query.actor) add("actor = ?", query.actor);
  if (query.action) add("action LIKE ? ESCAPE '\\'", likePrefix(query.action));
  if (query.target) add("target = ?", query.target);
  if (query.outcome) add("outcome = ?", query.outcome);
  if (query.since) add("at >= ?", isoTimestamp(query.since, "since"));
  if (query.until) add("at < ?", isoTimestamp(query.until, "until"));
  if (query.before !== undefined) add("id < ?", query.before);
  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "", values };
}

export function createAuditStore({ statement, now }: Connection): Sync<AuditStore> {
  return {
    append(event) {
      const row = statement(
        `INSERT INTO audit_events
           (at, actor, action, target, outcome, client_address, request_id, details, count, first_at, last_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      ).get(
        now(),
        event.actor,
        event.action,
        event.target ?? null,
        event.outcome,
        event.clientAddress ?? null,
        event.requestId ?? null,
        JSON.stringify(event.details ?? {}),
        event.count ?? 1,
        event.firstAt ?? null,
        event.lastAt ?? null,
      );
      return toAuditEvent(row as Row);
    },

    // Keyset paging, newest first: one row more than asked tells whether an older page exists.
    query(query) {
      const limit = Math.min(Math.max(Math.trunc(query.limit) || 1, 1), MAX_AUDIT_PAGE);
      const where = whereClause(query);
      const rows = statement(`SELECT * FROM audit_events ${where.sql} ORDER BY id DESC LIMIT ?`).all(
        ...where.values,
        limit + 1,
      );
      const events = rows.slice(0, limit).map(toAuditEvent);
      return { events, nextBefore: rows.length > limit ? (events.at(-1)?.id ?? null) : null };
    },
  };
}
