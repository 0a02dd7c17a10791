// A filter worker (started by filter-workers.ts): holds the QuickJS sandboxes of the searches
// placed on it, one per search, and runs their batches one at a time. A batch arrives as one
// transferred buffer of UTF-8 text and the offsets where each record's JSON text ends.
import { serveTasks } from "../workers/serve-tasks.mjs";
import { openSandbox } from "./quickjs-sandbox.mjs";

/** By search session. */
const sandboxes = new Map();
const decoder = new TextDecoder();

serveTasks({
  async open({ session, spec }) {
    const opened = await openSandbox(spec);
    if (!opened.ok) return opened;
    sandboxes.set(session, opened.sandbox);
    return { ok: true };
  },

  /** @param {{ session: number, text: Uint8Array, ends: Uint32Array }} batch */
  run({ session, text, ends }) {
    const sandbox = sandboxes.get(session);
    // This worker replaced one that was stopped: the caller opens the sandbox again.
    if (!sandbox) return { lost: true };
    const joined = decoder.decode(text);
    const texts = [];
    for (let index = 0, start = 0; index < ends.length; start = ends[index++])
      texts.push(joined.slice(start, ends[index]));
    const began = performance.now();
    const outcome = sandbox.run(texts);
    if (outcome.fatal) sandboxes.delete(session);
    return { ...outcome, heapBytes: sandbox.heapBytes, elapsedMs: performance.now() - began };
  },

  close({ session }) {
    const sandbox = sandboxes.get(session);
    sandboxes.delete(session);
    sandbox?.dispose();
    return { heapBytes: sandbox?.heapBytes ?? 0 };
  },
});
