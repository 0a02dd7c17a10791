/** An audit event as the page shows it; the same shape the store returns. */
export interface AuditEventRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  outcome: "success" | "failure" | "denied";
  clientAddress: string | null;
  requestId: string | null;
  details: Record<string, string | number | boolean | null>;
  /** Events the row stands for: 1, or the size of a summary of repeated refusals. */
  count: number;
  /** A summary's first and last event; null for a single event. */
  firstAt: string | null;
  lastAt: string | null;
}
