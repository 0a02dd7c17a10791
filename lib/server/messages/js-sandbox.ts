import "server-only";

// The JavaScript filter's side on the serving thread: a search's expression is compiled in a QuickJS
// sandbox on a filter worker (quickjs-sandbox.mjs, placed by filter-workers.ts), and its messages go
// there by batches, as one transferred buffer each, never parsed or evaluated here. Whatever the
// filter does (loops, allocations) happens on that worker, within the limits below.
import type { FilterSyntaxError } from "@/lib/messages/events";
import { isWorkerPoolError, type WorkerPool } from "@/lib/server/workers/worker-pool";

import { type FilterWorker, filterWorkers, type WorkerUsage } from "./filter-workers";
import {
  FILE_NAME,
  filterSource,
  MAX_BATCH_CHARS,
  packRecords,
  RUNNER,
  sizeOf,
  syntaxErrorOf,
  TICK_EVERY,
  type SandboxRecord,
} from "./sandbox-protocol";

export type { SandboxRecord } from "./sandbox-protocol";

export interface SandboxLimits {
  /**
   * Work per message, counted in the interpreter's interrupt checks (one per ~10,000 steps):
   * deterministic, unlike wall time. 2,000 is about 100 ms on a current core. Granted per group of
   * TICK_EVERY messages: telling the runner that a message starts costs more than most filters.
   */
  interruptChecksPerMessage: number;
  /**
   * CPU time of the worker's thread per message (group): a backstop for work between interrupt
   * checks (garbage collection). CPU, not wall, time: a busy machine must not turn slowness into failures.
   */
  cpuTimeMsPerMessage: number;
  /**
   * The search's sandbox heap: messages of the batch, the filter's own allocations, typed arrays
   * included (the WebAssembly memory has a fixed maximum a little above this).
   */
  memoryBytes: number;
  /** Kept well below the worker's own stack: QuickJS runs on it. */
  stackBytes: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  interruptChecksPerMessage: 2_000,
  cpuTimeMsPerMessage: 2_000,
  memoryBytes: 32 * 1024 * 1024,
  stackBytes: 128 * 1024,
};

/**
 * A task on a worker should take about this long: short enough that the searches sharing it take
 * turns often, long enough that posting the batch costs little. The records per task adapt to it,
 * starting from one (a filter's cost is unknown until it has run).
 */
const TASK_TARGET_MS = 15;
const MAX_RECORDS_PER_TASK = 1_024;
/**
 * What one task may carry (values as stored, before the worker narrows them): with the task queued
 * behind the running one, a search has at most about twice this on its way to the worker.
 */
const MAX_TASK_BYTES = 1024 * 1024;
/** Times in a row a search's filter is reopened after its thread was replaced under it. */
const MAX_REOPENS = 5;

export interface SandboxOutcome {
  /** One verdict per record evaluated, in order; a thrown expression counts as false. */
  verdicts: boolean[];
  exceptions: { index: number; message: string }[];
  /** The sandbox stopped at this record; the filter is then disposed. */
  fatal?: { index: number; kind: "timeout" | "memory" | "exception"; message: string };
}

/** The records to evaluate, read once each and in order (an array, or records prepared on demand). */
export interface RecordSource {
  readonly length: number;
  at(index: number): SandboxRecord | undefined;
}

export interface JsFilter {
  run(records: RecordSource): Promise<SandboxOutcome>;
  dispose(): void;
}

/** What the worker answers for a batch (filter-worker.mjs): verdicts as "1", "0" or "e" per record. */
type WorkerOutcome =
  | { lost: true }
  | {
      verdicts: string;
      exceptions: SandboxOutcome["exceptions"];
      fatal?: SandboxOutcome["fatal"];
      heapBytes: number;
      elapsedMs: number;
    };

/** A prepared task on its way to the worker. */
interface QueuedTask {
  start: number;
  end: number;
  cancelled: { value: boolean };
  outcome: Promise<Exclude<WorkerOutcome, { lost: true }>>;
}

const SKIPPED = { skipped: true } as const;

type Opened = { ok: true } | { ok: false; error: FilterSyntaxError };

/** Compiles the expression once for a search; a syntax error comes back with its position. */
export async function compileJsFilter(
  expression: string,
  limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS,
): Promise<{ ok: true; filter: JsFilter } | { ok: false; error: FilterSyntaxError }> {
  const filter = new WorkerSandbox(expression, limits);
  const opened = await filter.open();
  if (!opened.ok) filter.dispose();
  return opened.ok ? { ok: true, filter } : opened;
}

class WorkerSandbox implements JsFilter {
  private readonly worker: FilterWorker;
  private readonly session: number;
  private disposed = false;
  /** Time this search has had on its worker: the scheduler serves the least served first. */
  private readonly usage: WorkerUsage = { usedMs: 0 };
  /** Records in the next task, from how long the last ones took (TASK_TARGET_MS). */
  private recordsPerTask = 1;
  /** A task stopped the sandbox: the task queued behind it does not run. */
  private halted = false;

  constructor(
    private readonly expression: string,
    private readonly limits: SandboxLimits,
  ) {
    ({ worker: this.worker, session: this.session } = filterWorkers().place());
  }

  async open(): Promise<Opened> {
    const spec = {
      filter: filterSource(this.expression),
      fileName: FILE_NAME,
      runner: RUNNER,
      tickEvery: TICK_EVERY,
      maxBatchChars: MAX_BATCH_CHARS,
      limits: this.limits,
    };
    try {
      const answer = await this.worker.schedule(this.usage, (pool) =>
        pool.run<{ ok: true } | { ok: false; error: unknown }>("open", { session: this.session, spec }),
      );
      return answer.ok ? answer : { ok: false, error: syntaxErrorOf(this.expression, answer.error) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: { field: "js", message: `The JavaScript sandbox could not start: ${reason}` },
      };
    }
  }

  async run(records: RecordSource): Promise<SandboxOutcome> {
    const outcome: SandboxOutcome = { verdicts: [], exceptions: [] };
    if (this.disposed) {
      outcome.fatal = { index: 0, kind: "exception", message: "The JavaScript filter was stopped earlier" };
      return outcome;
    }
    // Two tasks at a time: while the worker evaluates one, this thread prepares and queues the next
    // (the scheduler still lets other searches' tasks go first). Disposed meanwhile (the search
    // ended): the rest is given up.
    let next: QueuedTask | null = this.queueTask(records, 0);
    while (next && !outcome.fatal && !this.disposed) {
      const current: QueuedTask = next;
      next = current.end < records.length ? this.queueTask(records, current.end) : null;
      const part = await current.outcome;
      this.adapt(current.end - current.start, part.elapsedMs);
      for (const verdict of part.verdicts) outcome.verdicts.push(verdict === "1");
      for (const { index, message } of part.exceptions)
        outcome.exceptions.push({ index: current.start + index, message });
      if (part.fatal) outcome.fatal = { ...part.fatal, index: current.start + part.fatal.index };
    }
    if (next) {
      // Not run (see halted); its answer is not waited for.
      next.cancelled.value = true;
      void next.outcome.catch(() => {});
    }
    // Its thread, and so its memory, is already gone (runTask).
    if (outcome.fatal) this.dispose();
    return outcome;
  }

  /**
   * Prepares the records from `start` (as many as recordsPerTask, until one reaches MAX_TASK_BYTES)
   * and queues them. A record is read once: the one that crosses the bound is in the task, not lost.
   */
  private queueTask(records: RecordSource, start: number): QueuedTask {
    const part: SandboxRecord[] = [];
    for (let bytes = 0, index = start; index < records.length && part.length < this.recordsPerTask; index++) {
      if (bytes >= MAX_TASK_BYTES) break;
      const record = records.at(index)!;
      bytes += sizeOf(record);
      part.push(record);
    }
    const cancelled = { value: false };
    return { start, end: start + part.length, cancelled, outcome: this.runTask(part, 0, cancelled) };
  }

  private adapt(records: number, elapsedMs: number): void {
    const fitting = Math.floor((TASK_TARGET_MS * records) / Math.max(elapsedMs, 0.01));
    // Grows by doubling at most, so one fast task does not let a huge slow one through.
    this.recordsPerTask = Math.max(1, Math.min(MAX_RECORDS_PER_TASK, fitting, this.recordsPerTask * 2));
  }

  private async runTask(
    records: readonly SandboxRecord[],
    reopened = 0,
    cancelled = { value: false },
  ): Promise<Exclude<WorkerOutcome, { lost: true }>> {
    // Moved, not copied: the worker decodes the records (see packRecords).
    const { text, ends, properties } = packRecords(records);
    try {
      const answer = await this.worker.schedule(this.usage, async (pool) => {
        // Queued behind a task of this search that stopped the sandbox: nothing to run.
        if (cancelled.value || this.halted) return SKIPPED;
        const outcome = await pool.run<WorkerOutcome>(
          "run",
          { session: this.session, text, ends, properties },
          { transfer: [text.buffer, ends.buffer] },
        );
        // Still this search's turn, nothing else runs there: the thread goes, and with it every byte
        // the sandbox took. The next task starts a new one; the other searches' filters reopen on it.
        if ("fatal" in outcome && outcome.fatal) {
          this.halted = true;
          await pool.close();
        }
        return outcome;
      });
      if ("skipped" in answer) return stopped("exception", "The JavaScript filter was stopped");
      if (!("lost" in answer)) return answer;
      if (this.disposed) return stopped("exception", "The JavaScript filter was stopped");
      // Its thread was replaced (another search's filter blew a limit there): open it again. Global
      // state the expression kept is gone; the messages are evaluated as before.
      const opened = reopened >= MAX_REOPENS ? { ok: false as const } : await this.open();
      if (opened.ok) return this.runTask(records, reopened + 1, cancelled);
      return stopped(
        "exception",
        "The JavaScript filter's worker was restarted and the filter could not be reopened",
      );
    } catch (error) {
      if (!isWorkerPoolError(error)) throw error;
      this.halted = true;
      return stopped(error.workerPoolError === "timeout" ? "timeout" : "exception", error.message);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const { worker } = this;
    const close = (pool: WorkerPool) => pool.run<{ heapBytes: number }>("close", { session: this.session });
    worker.schedule(this.usage, close).then(
      ({ heapBytes }) => filterWorkers().leave(worker, heapBytes),
      () => filterWorkers().leave(worker, 0),
    );
  }
}

function stopped(kind: "timeout" | "exception", message: string): Exclude<WorkerOutcome, { lost: true }> {
  return { verdicts: "", exceptions: [], fatal: { index: 0, kind, message }, heapBytes: 0, elapsedMs: 0 };
}
