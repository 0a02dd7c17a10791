// One search's JavaScript filter in QuickJS compiled to WebAssembly, inside a filter worker
// (filter-worker.mjs; plain JavaScript: see lib/server/workers/serve-tasks.mjs). Its own heap, no
// Node API, no require, process, fetch or timers; never node:vm or eval, they are not boundaries.
// Each search gets its own WebAssembly instance whose memory has a fixed maximum: QuickJS's own
// limit does not count typed arrays, so only the WebAssembly memory itself can hold a search to its
// share. Messages go in by batches (one JSON text parsed inside, one loop there) because every
// crossing between JavaScript and the sandbox costs. The trusted sources (the runner, the wrapper)
// come from sandbox-protocol.ts with the request.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { newQuickJSWASMModuleFromVariant, newVariant, RELEASE_SYNC } from "quickjs-emscripten";

const PAGE = 64 * 1024;
/** QuickJS's own structures, its C stack and the batch's text, over the filter's allowance. */
const HEAP_OVERHEAD = 16 * 1024 * 1024;
const INITIAL_PAGES = (16 * 1024 * 1024) / PAGE;

/** Compiled once per worker; each search instantiates it with a memory of its own. */
let compiledQuickJs;
function quickJsModule() {
  compiledQuickJs ??= readFile(
    fileURLToPath(import.meta.resolve("@jitl/quickjs-wasmfile-release-sync/wasm")),
  ).then((bytes) => WebAssembly.compile(bytes));
  return compiledQuickJs;
}

/**
 * @typedef {{ interruptChecksPerMessage: number, cpuTimeMsPerMessage: number, memoryBytes: number, stackBytes: number }} SandboxLimits
 * @typedef {{ index: number, kind: "timeout" | "memory" | "exception", message: string }} Fatal
 * @typedef {{ verdicts: string, exceptions: { index: number, message: string }[], fatal?: Fatal }} Outcome
 * @typedef {{ filter: string, fileName: string, runner: string, tickEvery: number, maxBatchChars: number, limits: SandboxLimits }} SandboxSpec
 */

/**
 * Compiles the filter; a syntax error comes back as QuickJS dumps it (sandbox-protocol.ts maps it).
 * @param {SandboxSpec} spec
 */
export async function openSandbox(spec) {
  const { limits } = spec;
  const memory = new WebAssembly.Memory({
    initial: INITIAL_PAGES,
    maximum: Math.max(INITIAL_PAGES, Math.ceil((limits.memoryBytes + HEAP_OVERHEAD) / PAGE)),
  });
  const wasm = await newQuickJSWASMModuleFromVariant(
    newVariant(RELEASE_SYNC, { wasmModule: quickJsModule, wasmMemory: memory }),
  );
  const runtime = wasm.newRuntime();
  runtime.setMemoryLimit(limits.memoryBytes);
  runtime.setMaxStackSize(limits.stackBytes);
  const sandbox = new Sandbox(runtime, runtime.newContext(), memory, spec);
  const compiled = sandbox.compile(spec.filter);
  if (!compiled.ok) sandbox.dispose();
  return compiled.ok ? { ok: true, sandbox } : compiled;
}

class Sandbox {
  runner = null;
  partial = null;
  disposed = false;
  /** Groups of tickEvery records started in the current batch. */
  groups = 0;
  checks = 0;
  deadline = 0;

  constructor(runtime, context, memory, spec) {
    this.runtime = runtime;
    this.context = context;
    this.memory = memory;
    this.spec = spec;
    this.limits = spec.limits;
    runtime.setInterruptHandler(() => {
      this.checks++;
      return this.checks > this.limits.interruptChecksPerMessage || threadCpuMs() > this.deadline;
    });
  }

  /** Bytes of WebAssembly memory this search's sandbox has taken so far. */
  get heapBytes() {
    return this.memory.buffer.byteLength;
  }

  compile(filterSource) {
    const { context } = this;
    this.restartClock();
    const filter = context.evalCode(filterSource, this.spec.fileName);
    if (filter.error) {
      const error = context.dump(filter.error);
      filter.error.dispose();
      return { ok: false, error };
    }
    const tick = context.newFunction("tick", () => {
      this.groups++;
      this.restartClock();
    });
    const factory = context.evalCode(this.spec.runner, "runner.js").unwrap();
    const pair = context.callFunction(factory, context.undefined, tick, filter.value).unwrap();
    this.runner = context.getProp(pair, 0);
    this.partial = context.getProp(pair, 1);
    for (const handle of [pair, factory, tick, filter.value]) handle.dispose();
    return { ok: true };
  }

  /**
   * @param {string[]} texts one JSON text per record (sandbox-protocol.ts recordText)
   * @returns {Outcome}
   */
  run(texts) {
    /** @type {Outcome} */
    const outcome = { verdicts: "", exceptions: [] };
    if (this.disposed || !this.runner) {
      outcome.fatal = { index: 0, kind: "exception", message: "The JavaScript filter was stopped earlier" };
      return outcome;
    }
    for (let start = 0; start < texts.length && !outcome.fatal;) {
      let end = start;
      for (let chars = 0; end < texts.length && (end === start || chars < this.spec.maxBatchChars); end++)
        chars += texts[end].length;
      this.runBatch(texts, start, end, outcome);
      start = end;
    }
    if (outcome.fatal) this.dispose();
    return outcome;
  }

  runBatch(texts, start, end, outcome) {
    const { context } = this;
    this.groups = 0;
    this.restartClock();
    let result;
    try {
      const text = context.newString(`[${texts.slice(start, end).join(",")}]`);
      result = context.callFunction(this.runner, context.undefined, text);
      text.dispose();
    } catch (error) {
      // The thread's own stack ran out, or memory, inside WebAssembly: the instance cannot be trusted.
      this.abandon();
      const message = error instanceof Error ? error.message : String(error);
      const index = start + Math.max(0, this.groups - 1) * this.spec.tickEvery;
      outcome.fatal = { index, kind: "memory", message: `The sandbox failed: ${message}` };
      return;
    }
    if (result.error) {
      const error = context.dump(result.error);
      result.error.dispose();
      const fatal = this.fatalOf(0, String(error?.message ?? error));
      // The records finished before the stopped one keep their verdicts.
      const done = this.groups > 0 ? this.readPartial(texts, start, end, outcome) : 0;
      outcome.fatal = { ...fatal, index: start + done };
      return;
    }
    const answer = context.getString(result.value);
    result.value.dispose();
    this.readAnswer(answer, texts, start, end, outcome);
  }

  /** How many records of the batch finished before a fatal stop; their verdicts join the outcome. */
  readPartial(texts, start, end, outcome) {
    const stoppedGroup = Math.max(0, this.groups - 1) * this.spec.tickEvery;
    this.runtime.setMemoryLimit(-1);
    this.restartClock();
    let result;
    try {
      result = this.context.callFunction(this.partial, this.context.undefined);
    } catch {
      return stoppedGroup;
    }
    if (result.error) {
      result.error.dispose();
      return stoppedGroup;
    }
    const answer = this.context.getString(result.value);
    result.value.dispose();
    try {
      const [verdicts] = JSON.parse(answer);
      if (typeof verdicts !== "string" || verdicts.length >= end - start) throw new Error("not partial");
      this.readAnswer(answer, texts, start, start + verdicts.length, outcome);
      return verdicts.length;
    } catch {
      // Unreadable: the records of the stopped group count as not matching.
      return stoppedGroup;
    }
  }

  readAnswer(answer, texts, start, end, outcome) {
    let parsed;
    try {
      parsed = JSON.parse(answer);
    } catch {
      parsed = null;
    }
    if (Array.isArray(parsed) && parsed[0] === "!") {
      // The batch did not load (a value nested too deeply for the sandbox's stack): one by one.
      if (end - start > 1) {
        for (let index = start; index < end && !outcome.fatal; index++)
          this.runBatch(texts, index, index + 1, outcome);
        return;
      }
      outcome.verdicts += "e";
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
      outcome.verdicts += verdict === "1" ? "1" : verdict === "e" ? "e" : "0";
      if (verdict === "e")
        outcome.exceptions.push({
          index: start + offset,
          message: String(errors[errorIndex++] ?? "The filter threw"),
        });
    }
  }

  fatalOf(index, message) {
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

  memoryUsed() {
    try {
      // The heap may be full; the search is over anyway, so lift the limit to measure it.
      this.runtime.setMemoryLimit(-1);
      const usage = this.runtime.computeMemoryUsage();
      const { memory_used_size: used } = this.context.dump(usage) ?? {};
      usage.dispose();
      return Math.max(used ?? 0, this.heapBytes - INITIAL_PAGES * PAGE);
    } catch {
      return this.heapBytes - INITIAL_PAGES * PAGE;
    }
  }

  limitMiB() {
    return Math.round(this.limits.memoryBytes / 1024 / 1024);
  }

  restartClock() {
    this.checks = 0;
    this.deadline = threadCpuMs() + this.limits.cpuTimeMsPerMessage;
  }

  /** After a failure inside WebAssembly, disposing would abort: the instance is dropped whole. */
  abandon() {
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
      // A runtime stopped mid-allocation may refuse to free itself; the instance is dropped with it.
    }
  }
}

/** CPU time of this worker thread: a busy machine must not turn slowness into failures. */
function threadCpuMs() {
  // threadCpuUsage is Node 23.9+; the whole process's CPU time is a close stand-in before that.
  const usage = typeof process.threadCpuUsage === "function" ? process.threadCpuUsage() : process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
