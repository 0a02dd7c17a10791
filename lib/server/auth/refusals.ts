import "server-only";

// Refusals cost an attacker nothing, so each one cannot cost the append-only trail a row: a client
// with a bogus token added ~376 rows a second. Refusals of the same kind (source address, actor,
// action, target, outcome and reason) are counted per window instead: the first is a row at once,
// the rest become one summary row with its count when the window closes, on a timer, at the next
// refusal, or at exit. The exit flush is best effort: summaries are written asynchronously, and a
// store that answers over the network (PostgreSQL) may not get them before the process ends — they
// are logged with their counts when the write fails. Each replica keeps its own ledger, so N
// replicas write up to N summaries per kind and window. Otherwise nothing is dropped and the trail grows by at most about
// 2 × (maxTallies per refusal action + folded buckets) rows a window, however many sources there are.
import type { AuditEventInput, ConsoleStore } from "@/lib/server/store/types";

import { RefusalLedger, type RefusalLimits } from "./refusal-ledger";

/** The audit actions whose failure or denial is a refusal (successes are recorded one per event). */
export const REFUSAL_ACTIONS: ReadonlySet<string> = new Set([
  "access.denied",
  "auth.token-rejected",
  "auth.session-rejected",
  "auth.session-expired",
  "auth.sign-in",
  "auth.change-password",
  "auth.sso.refused",
]);

export const isRefusal = (event: AuditEventInput) =>
  event.outcome !== "success" && REFUSAL_ACTIONS.has(event.action);

export const REFUSAL_LIMITS: RefusalLimits = {
  // A minute: a count reaches the trail at most a minute late, and a steady flood from one source
  // costs two rows a minute (120 an hour) instead of one per request.
  windowMs: 60_000,
  // Far more kinds of refusal a minute than a console sees in normal use; each held tally is a few
  // hundred bytes. Beyond this, new kinds are still counted, folded per action and outcome.
  maxTallies: 100,
};

// On globalThis so dev reloads keep one ledger per process (like the sign-in throttle).
const LEDGER = Symbol.for("kafka-console.auth.refusal-ledger");
interface LedgerSlot {
  ledger: RefusalLedger;
  /** Where summaries go: the store the last refusal was written to. */
  store: ConsoleStore | null;
  timer: NodeJS.Timeout | null;
}
type GlobalWithLedger = typeof globalThis & { [LEDGER]?: LedgerSlot };
const shared = globalThis as GlobalWithLedger;

function slot(): LedgerSlot {
  let current = shared[LEDGER];
  if (!current) {
    current = shared[LEDGER] = { ledger: new RefusalLedger(REFUSAL_LIMITS), store: null, timer: null };
    // Prepended: it must run before the store closes itself on exit.
    process.prependOnceListener("exit", () => void flushRefusals());
  }
  return current;
}

export const refusalLedger = (): RefusalLedger => slot().ledger;

/**
 * Writes what the ledger says is due now. `store` must be the process's store, not a transaction's:
 * later summaries go to it too.
 */
export async function appendRefusal(store: ConsoleStore, event: AuditEventInput): Promise<void> {
  const current = slot();
  current.store = store;
  const rows = current.ledger.record(event, Date.now());
  scheduleClose(current);
  for (const row of rows) await store.audit.append(row);
}

/**
 * Writes every count held, whether or not its window has ended: at exit (best effort: the process
 * may end before an asynchronous write completes), and in tests.
 */
export async function flushRefusals(): Promise<void> {
  const current = shared[LEDGER];
  if (!current) return;
  await writeSummaries(current, current.ledger.closeWindow(Date.now(), true));
}

function scheduleClose(current: LedgerSlot): void {
  const closesAt = current.ledger.closesAt();
  if (current.timer || closesAt === null) return;
  // Unref'd: a pending count never keeps the process alive; the exit hook writes it instead.
  current.timer = setTimeout(
    () => {
      current.timer = null;
      if (shared[LEDGER] !== current) return; // replaced (tests reset process state)
      void writeSummaries(current, current.ledger.closeWindow(Date.now()));
      scheduleClose(current);
    },
    Math.max(closesAt - Date.now(), 0) + 10,
  );
  current.timer.unref();
}

/**
 * A summary that cannot be written is logged with its count: a flood is never dropped silently.
 * Every append starts at once, without waiting for the one before: at exit only synchronous work
 * runs, and SQLite's appends complete synchronously when no transaction holds the store.
 */
async function writeSummaries(current: LedgerSlot, rows: AuditEventInput[]): Promise<void> {
  const store = current.store;
  const writes = rows.map((row) =>
    (store ? store.audit.append(row) : Promise.reject(new Error("no store to write to"))).catch(
      (error: unknown) =>
        console.error(
          `Could not record ${row.count} refusals (${row.action} ${row.outcome} from ${row.clientAddress ?? "other sources"}, ${row.firstAt}–${row.lastAt}):`,
          error,
        ),
    ),
  );
  await Promise.all(writes);
}
