import "server-only";

// The JavaScript filter runs in QuickJS compiled to WebAssembly: its own heap, no Node API, no
// require, process, fetch or timers. Never node:vm or eval – they are not security boundaries.
// Each search gets its own WebAssembly module, so a runaway filter cannot touch another search and
// its memory goes back when the search ends. Messages go in by batches (one JSON text parsed inside
// the sandbox, one loop there) because every crossing between Node and the sandbox costs.
import {
  newQuickJSWASMModule,
  RELEASE_SYNC,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
} from "quickjs-emscripten";
import type { FilterSyntaxError } from "@/lib/messages/events";
import {
  batchText,
  FILE_NAME,
  MAX_BATCH_CHARS,
  PARAMETERS,
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
   * TICK_EVERY messages: telling Node that a message starts costs more than most filters.
   */
  interruptChecksPerMessage: number;
  /**
   * CPU time of this thread per message (group): a backstop for work between interrupt checks
   * (garbage collection). CPU, not wall, time: a busy machine must not turn slowness into failures.
   */
  cpuTimeMsPerMessage: number;
  /** The search's sandbox heap: messages of the batch, the filter's own allocations. */
  memoryBytes: number;
  /** Kept well below Node's own stack: QuickJS runs on it. */
  stackBytes: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  interruptChecksPerMessage: 2_000,
  cpuTimeMsPerMessage: 2_000,
  memoryBytes: 32 * 1024 * 1024,
  stackBytes: 128 * 1024,
};

export interface SandboxOutcome {
  /** One verdict per record evaluated, in order; a thrown expression counts as false. */
  verdicts: boolean[];
  exceptions: { index: number; message: string }[];
  /** The sandbox stopped at this record; the filter is then disposed. */
  fatal?: { index: number; kind: "timeout" | "memory" | "exception"; message: string };
}

export interface JsFilter {
  run(records: readonly SandboxRecord[]): SandboxOutcome;
  dispose(): void;
}

/** Compiles the expression once for a search; a syntax error comes back with its position. */
export async function compileJsFilter(
  expression: string,
  limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS,
): Promise<{ ok: true; filter: JsFilter } | { ok: false; error: FilterSyntaxError }> {
  let wasm: Awaited<ReturnType<typeof newQuickJSWASMModule>>;
  try {
    wasm = await newQuickJSWASMModule(RELEASE_SYNC);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { field: "js", message: `The JavaScript sandbox could not start: ${reason}` },
    };
  }
  const runtime = wasm.newRuntime();
  runtime.setMemoryLimit(limits.memoryBytes);
  runtime.setMaxStackSize(limits.stackBytes);
  const context = runtime.newContext();
  const sandbox = new Sandbox(runtime, context, limits);
  const compiled = sandbox.compile(expression);
  if (!compiled.ok) sandbox.dispose();
  return compiled.ok ? { ok: true, filter: sandbox } : compiled;
}

class Sandbox implements JsFilter {
  private runner: QuickJSHandle | null = null;
  private partial: QuickJSHandle | null = null;
  private disposed = false;
  /** Groups of TICK_EVERY records started in the current batch. */
  private groups = 0;
  private checks = 0;
  private deadline = 0;

  constructor(
    private readonly runtime: QuickJSRuntime,
    private readonly context: QuickJSContext,
    private readonly limits: SandboxLimits,
  ) {
    runtime.setInterruptHandler(() => {
      this.checks++;
      return this.checks > limits.interruptChecksPerMessage || threadCpuMs() > this.deadline;
    });
  }

  compile(expression: string): { ok: true } | { ok: false; error: FilterSyntaxError } {
    const { context } = this;
    this.restartClock();
    const source = `(function (${PARAMETERS}) { "use strict"; return (\n${expression}\n); })`;
    const filter = context.evalCode(source, FILE_NAME);
    if (filter.error) {
      const error = syntaxErrorOf(expression, context.dump(filter.error));
      filter.error.dispose();
      return { ok: false, error };
    }
    const tick = context.newFunction("tick", () => {
      this.groups++;
      this.restartClock();
    });
    const factory = context.evalCode(RUNNER, "runner.js").unwrap();
    const pair = context.callFunction(factory, context.undefined, tick, filter.value).unwrap();
    this.runner = context.getProp(pair, 0);
    this.partial = context.getProp(pair, 1);
    for (const handle of [pair, factory, tick, filter.value]) handle.dispose();
    return { ok: true };
  }

  run(records: readonly SandboxRecord[]): SandboxOutcome {
    const outcome: SandboxOutcome = { verdicts: [], exceptions: [] };
    if (this.disposed || !this.runner) {
      outcome.fatal = { index: 0, kind: "exception", message: "The JavaScript filter was stopped earlier" };
      return outcome;
    }
    for (let start = 0; start < records.length && !outcome.fatal;) {
      let end = start;
      for (let chars = 0; end < records.length && (end === start || chars < MAX_BATCH_CHARS); end++)
        chars += sizeOf(records[end]!);
      this.runBatch(records, start, end, outcome);
      start = end;
    }
    if (outcome.fatal) this.dispose();
    return outcome;
  }

  private runBatch(records: readonly SandboxRecord[], start: number, end: number, outcome: SandboxOutcome) {
    const { context } = this;
    this.groups = 0;
    this.restartClock();
    let result: ReturnType<QuickJSContext["callFunction"]>;
    try {
      const text = context.newString(batchText(records.slice(start, end)));
      result = context.callFunction(this.runner!, context.undefined, text);
      text.dispose();
    } catch (error) {
      // Node's own stack ran out inside WebAssembly: the module cannot be trusted any more.
      this.abandon();
      const message = error instanceof Error ? error.message : String(error);
      const index = start + Math.max(0, this.groups - 1) * TICK_EVERY;
      outcome.fatal = { index, kind: "memory", message: `The sandbox failed: ${message}` };
      return;
    }
    if (result.error) {
      const error = context.dump(result.error) as { message?: unknown } | undefined;
      result.error.dispose();
      const fatal = this.fatalOf(0, String(error?.message ?? error));
      // The records finished before the stopped one keep their verdicts.
      const done = this.groups > 0 ? this.readPartial(records, start, end, outcome) : 0;
      outcome.fatal = { ...fatal, index: start + done };
      return;
    }
    const answer = context.getString(result.value);
    result.value.dispose();
    this.readAnswer(answer, records, start, end, outcome);
  }

  /** How many records of the batch finished before a fatal stop; their verdicts join the outcome. */
  private readPartial(
    records: readonly SandboxRecord[],
    start: number,
    end: number,
    outcome: SandboxOutcome,
  ): number {
    this.runtime.setMemoryLimit(-1);
    this.restartClock();
    const result = this.context.callFunction(this.partial!, this.context.undefined);
    if (result.error) {
      result.error.dispose();
      return Math.max(0, this.groups - 1) * TICK_EVERY;
    }
    const answer = this.context.getString(result.value);
    result.value.dispose();
    try {
      const [verdicts] = JSON.parse(answer) as [unknown];
      if (typeof verdicts !== "string" || verdicts.length >= end - start) throw new Error("not partial");
      this.readAnswer(answer, records, start, start + verdicts.length, outcome);
      return verdicts.length;
    } catch {
      // Unreadable: the records of the stopped group count as not matching.
      return Math.max(0, this.groups - 1) * TICK_EVERY;
    }
  }

  private readAnswer(
    answer: string,
    records: readonly SandboxRecord[],
    start: number,
    end: number,
    outcome: SandboxOutcome,
  ) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer);
    } catch {
      parsed = null;
    }
    if (Array.isArray(parsed) && parsed[0] === "!") {
      // The batch did not load (a value nested too deeply for the sandbox's stack): one by one.
      if (end - start > 1) {
        for (let index = start; index < end && !outcome.fatal; index++)
          this.runBatch(records, index, index + 1, outcome);
        return;
      }
      outcome.verdicts.push(false);
      outcome.exceptions.push({
        index: start,
        message: `The message could not be loaded: ${String(parsed[1])}`,
      });
      return;
    }
    const [verdicts, errors] = Array.isArray(parsed) ? parsed : [];
    if (typeof verdicts !== "string" || verdicts.length !== end - start || !Array.isArray(errors)) {
      outcome.fatal = { index: start, kind: "exception", message: "The filter broke the sandbox's runner" };
      return;
    }
    let errorIndex = 0;
    for (let offset = 0; offset < verdicts.length; offset++) {
      const verdict = verdicts[offset];
      outcome.verdicts.push(verdict === "1");
      if (verdict === "e")
        outcome.exceptions.push({
          index: start + offset,
          message: String(errors[errorIndex++] ?? "The filter threw"),
        });
    }
  }

  private fatalOf(index: number, message: string): NonNullable<SandboxOutcome["fatal"]> {
    if (message === "out of memory")
      return {
        index,
        kind: "memory",
        message: `The filter ran out of memory (${this.limitMiB()} MiB per search)`,
      };
    if (message === "interrupted") {
      // An allocation loop usually runs out of time before it fills the heap: name the real cause.
      if (this.memoryUsed() > this.limits.memoryBytes / 2)
        return {
          index,
          kind: "memory",
          message: `The filter was still allocating memory when it ran out of time (over half of ${this.limitMiB()} MiB)`,
        };
      const approximateMs = Math.round(this.limits.interruptChecksPerMessage / 20);
      return {
        index,
        kind: "timeout",
        message: `The filter ran out of time on this message (about ${approximateMs} ms of computation): an endless loop?`,
      };
    }
    return { index, kind: "exception", message: `The filter stopped the sandbox: ${message}` };
  }

  private memoryUsed(): number {
    try {
      // The heap may be full; the search is over anyway, so lift the limit to measure it.
      this.runtime.setMemoryLimit(-1);
      const usage = this.runtime.computeMemoryUsage();
      const { memory_used_size: used } = this.context.dump(usage) as { memory_used_size?: number };
      usage.dispose();
      return used ?? 0;
    } catch {
      return 0;
    }
  }

  private limitMiB(): number {
    return Math.round(this.limits.memoryBytes / 1024 / 1024);
  }

  private restartClock() {
    this.checks = 0;
    this.deadline = threadCpuMs() + this.limits.cpuTimeMsPerMessage;
  }

  /** After a failure inside WebAssembly, disposing would abort: let the garbage collector have it. */
  private abandon() {
    this.disposed = true;
    this.runner = this.partial = null;
  }

  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    try {
      this.runner?.dispose();
      this.partial?.dispose();
      this.runner = this.partial = null;
      this.context.dispose();
      this.runtime.dispose();
    } catch {
      // A runtime stopped mid-allocation may refuse to free itself; the module is dropped with it.
    }
  }
}

function threadCpuMs(): number {
  // threadCpuUsage is Node 23.9+; the whole process's CPU time is a close stand-in before that.
  const usage = typeof process.threadCpuUsage === "function" ? process.threadCpuUsage() : process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
