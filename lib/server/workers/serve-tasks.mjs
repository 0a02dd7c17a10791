// The worker's side of worker-pool.ts, in plain JavaScript so a worker file loads as it is under
// Next's production server, vitest and tsx alike: one message in, one answer out, errors as text
// (an Error's class does not survive postMessage).
import { parentPort } from "node:worker_threads";

/** @param {Record<string, (input: any) => unknown>} handlers by task name */
export function serveTasks(handlers) {
  if (!parentPort) throw new Error("serveTasks() runs inside a worker thread started by WorkerPool");
  const port = parentPort;
  port.on("message", async ({ id, task, input }) => {
    try {
      const handler = Object.hasOwn(handlers, task) ? handlers[task] : undefined;
      if (!handler) throw new Error(`This worker has no task "${task}"`);
      port.postMessage({ id, ok: true, output: await handler(input) });
    } catch (error) {
      port.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
