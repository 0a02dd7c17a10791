// Repeated refusals as counts, in fixed windows: the first refusal of its kind in a window is a row
// at once; the rest of that window are counted and become one summary row when it closes. Pure (the
// caller passes the time and writes the rows), so the rules are tested alone; see refusals.ts.
import type { AuditEventInput } from "@/lib/server/store/types";

export interface RefusalLimits {
  /** Windows start at multiples of this, in epoch milliseconds. */
  windowMs: number;
  /**
   * Kinds of refusal tallied per window and action (a flood of denied requests does not hide a forged
   * token); beyond, further kinds fold into one tally per action and outcome.
   */
  maxTallies: number;
}

interface Tally {
  /** The summary row, as it will be written; its count grows. */
  summary: AuditEventInput & { count: number };
  firstAt: number | null;
  lastAt: number | null;
}

/** The fields that make two refusals "the same": who, from where, what, and why. */
const kindOf = (event: AuditEventInput) =>
  JSON.stringify([
    event.clientAddress ?? null,
    event.actor,
    event.action,
    event.target ?? null,
    event.outcome,
    event.details ?? {},
  ]);

export class RefusalLedger {
  private windowStart = -Infinity;
  private readonly tallies = new Map<string, Tally>();
  /** Kinds met after the map was full, by action and outcome (a fixed, small set). */
  private readonly folded = new Map<string, Tally>();
  /** Tallies held per action, against maxTallies. */
  private readonly perAction = new Map<string, number>();

  constructor(private readonly limits: RefusalLimits) {}

  /** Tallies held in memory: at most maxTallies, plus one per action and outcome folded. */
  get size(): number {
    return this.tallies.size + this.folded.size;
  }

  /** When the open window closes, or null when nothing is held. */
  closesAt(): number | null {
    return this.size > 0 ? this.windowStart + this.limits.windowMs : null;
  }

  /**
   * Rows to write now: the summaries of a window that ended before `now`, then this event if it is
   * the first of its kind in the current window.
   */
  record(event: AuditEventInput, now: number): AuditEventInput[] {
    const rows = this.closeWindow(now);
    const kind = kindOf(event);
    const known = this.tallies.get(kind);
    if (known) {
      count(known, now, event);
      return rows;
    }
    const held = this.perAction.get(event.action) ?? 0;
    if (held < this.limits.maxTallies) {
      this.perAction.set(event.action, held + 1);
      this.tallies.set(kind, {
        summary: { ...event, requestId: null, count: 0 },
        firstAt: null,
        lastAt: null,
      });
      return [...rows, { ...event, count: 1 }];
    }
    const bucket = `${event.action}\0${event.outcome}`;
    const fold = this.folded.get(bucket);
    if (fold) {
      count(fold, now, event);
      return rows;
    }
    // Actor and target are set by the first event counted (this one has its own row).
    const summary = {
      actor: "",
      action: event.action,
      outcome: event.outcome,
      details: { otherSources: true },
      count: 0,
    };
    this.folded.set(bucket, { summary, firstAt: null, lastAt: null });
    return [...rows, { ...event, count: 1 }];
  }

  /** The summaries of a window that has ended by `now` (every held count when `force`, at shutdown). */
  closeWindow(now: number, force = false): AuditEventInput[] {
    const start = Math.floor(now / this.limits.windowMs) * this.limits.windowMs;
    if (start === this.windowStart && !force) return [];
    const rows = [...this.tallies.values(), ...this.folded.values()]
      .filter((tally) => tally.summary.count > 0)
      .map(({ summary, firstAt, lastAt }) => ({
        ...summary,
        firstAt: new Date(firstAt!).toISOString(),
        lastAt: new Date(lastAt!).toISOString(),
      }));
    this.tallies.clear();
    this.folded.clear();
    this.perAction.clear();
    this.windowStart = start;
    return rows;
  }
}

/** A folded tally keeps only what all its counted events share: the actor and the target, or neither. */
function count(tally: Tally, now: number, event: AuditEventInput): void {
  const { summary } = tally;
  if (summary.details?.otherSources === true) {
    const target = event.target ?? null;
    if (summary.count === 0) Object.assign(summary, { actor: event.actor, target });
    if (summary.actor !== event.actor) summary.actor = "various";
    if (summary.target !== target) summary.target = null;
  }
  summary.count += 1;
  tally.firstAt ??= now;
  tally.lastAt = now;
}
