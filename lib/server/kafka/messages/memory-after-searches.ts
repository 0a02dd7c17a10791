// Gives the memory of finished searches back to the system. A scan allocates hundreds of megabytes
// over its life (fetched buffers, decoded records, events); once it ends nothing allocates, so V8
// never runs the collection that would free them, and the process stays at its peak for good. When
// the last running search ends, one memory-reducing collection (the one V8 runs on a low-memory
// notification: it also shrinks the young generation) runs after a short pause, so a burst of short
// searches pays for it once.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Long enough for the next search of a burst to start, short enough to be "right after". */
export const COLLECT_AFTER_MS = 1_000;

type Collect = (options: { type: "major"; execution: "sync"; flavor: "last-resort" }) => void;

let collect: Collect | null | undefined;
let running = 0;
let timer: NodeJS.Timeout | undefined;

/** V8's gc(), exposed for this module alone: a new context created after the flag has it. */
export function memoryCollector(): Collect | null {
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as Collect;
    } catch {
      collect = null;
    }
  }
  return collect;
}

export function searchBegan(): void {
  running++;
  clearTimeout(timer);
}

export function searchEnded(onCollected?: () => void): void {
  running = Math.max(0, running - 1);
  if (running > 0) return;
  clearTimeout(timer);
  timer = setTimeout(() => {
    memoryCollector()?.({ type: "major", execution: "sync", flavor: "last-resort" });
    onCollected?.();
  }, COLLECT_AFTER_MS);
  timer.unref();
}
