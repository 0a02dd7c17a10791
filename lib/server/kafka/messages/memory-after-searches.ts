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

type Collect = (
  options: { type: "major"; execution: "sync"; flavor: "last-resort" } | { type: "minor" },
) => void;

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

/**
 * During searches the young generation is collected every two responses' worth of fetched bytes (at
 * least MIN_COLLECT_YOUNG_BYTES). A scan allocates few objects now that batches are read lazily, so V8
 * seldom collects on its own, and each fetched response (megabytes outside the V8 heap) stays
 * resident until it does: 60–90 MB of dead buffers at a scan's peak, freed by full collections that
 * cost more than the scan. A young collection frees them in about a millisecond. Not after every
 * response: the one being read would survive two collections, move to the old generation and wait
 * for a full one (measured: twice the CPU per scan).
 */
export const MIN_COLLECT_YOUNG_BYTES = 4 * 1024 * 1024;

export class YoungCollections {
  #sinceCollection = 0;
  #largestResponse = 0;

  constructor(private readonly collect: () => void) {}

  /** A search has read a response of `bytes` from Kafka. */
  fetched(bytes: number): void {
    this.#largestResponse = Math.max(this.#largestResponse, bytes);
    this.#sinceCollection += bytes;
    if (this.#sinceCollection < Math.max(MIN_COLLECT_YOUNG_BYTES, 2 * this.#largestResponse)) return;
    this.#sinceCollection = 0;
    this.collect();
  }
}

const youngCollections = new YoungCollections(() => memoryCollector()?.({ type: "minor" }));

/** A search has read a response of `bytes` from Kafka. */
export const fetched = (bytes: number) => youngCollections.fetched(bytes);
