// The audit trail's query shape, shared by the store, the audit page's filters and the export route.

export type AuditOutcome = "success" | "failure" | "denied";

export interface AuditQuery {
  actor?: string;
  /** Prefix match: "auth." finds every sign-in and sign-out. */
  action?: string;
  target?: string;
  outcome?: AuditOutcome;
  /** ISO-8601 in UTC. */
  since?: string;
  until?: string;
  /** Keyset paging: events with id < before, newest first. */
  before?: number;
  limit: number;
}
