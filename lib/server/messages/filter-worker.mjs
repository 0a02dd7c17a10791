// A filter worker (started by filter-workers.ts): holds the QuickJS sandboxes of the searches
// placed on it, one per search, and runs their batches one at a time. A batch arrives as one
// transferred buffer (sandbox-batch.mjs reads it): values are decoded and parsed here, not on the
// thread that serves requests.
import { serveTasks } from "../workers/serve-tasks.mjs";
import { openSandbox } from "./quickjs-sandbox.mjs";
import { unpackRecords } from "./sandbox-batch.mjs";

/** By search session. */
const sandboxes = new Map();

serveTasks({
  async open({ session, spec }) {
    const opened = await openSandbox(spec);
    if (!opened.ok) return opened;
    sandboxes.set(session, opened.sandbox);
    return { ok: true };
  },

  /** @param {{ session: number, text: Uint8Array, ends: Uint32Array, properties: "whole" | string[] }} batch */
  run({ session, text, ends, properties }) {
    const sandbox = sandboxes.get(session);
    // This worker replaced one that was stopped: the caller opens the sandbox again.
    if (!sandbox) return { lost: true };
    const texts = unpackRecords(text, ends, properties);
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
