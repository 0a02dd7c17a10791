import "server-only";

// The worker threads that run JavaScript filters (filter-worker.mjs), so the thread that serves
// requests stays responsive whatever a filter does. As many as the machine has cores to spare; each
// is a WorkerPool of one (its queue, its time limit, replaced when it dies). A search's sandbox lives
// on one worker for the search's life; each search has at most one batch queued at a time, so the
// first-in-first-out queue takes the searches on a worker in turn. A worker whose sandbox blew a
// limit, or grew large, takes no new search and is terminated once its last one ends: WebAssembly
// memory goes back to the system only with its thread. Kept on globalThis so Next's dev reloads do
// not start more.
import { defaultPoolSize, WorkerPool } from "@/lib/server/workers/worker-pool";
import { workerFile } from "@/lib/server/workers/worker-file";

/** Backstop for a batch: the sandbox's own limits stop a filter long before this. */
const BATCH_TIMEOUT_MS = 60_000;
/** A worker that ever held a sandbox this large is replaced once it is free. */
const RETIRE_AFTER_HEAP_BYTES = 32 * 1024 * 1024;

export interface FilterWorker {
  readonly pool: WorkerPool;
  sessions: number;
  /** Takes no new search; terminated when its last one ends. */
  retiring: boolean;
}

class FilterWorkers {
  private readonly workers = new Set<FilterWorker>();
  private nextSession = 1;

  constructor(private readonly size: number) {}

  /** The worker with the fewest searches, starting one while there are fewer than `size`. */
  place(): { worker: FilterWorker; session: number } {
    const serving = [...this.workers].filter((worker) => !worker.retiring);
    let worker = serving.reduce<FilterWorker | undefined>(
      (least, candidate) => (!least || candidate.sessions < least.sessions ? candidate : least),
      undefined,
    );
    if (!worker || (worker.sessions > 0 && serving.length < this.size)) {
      worker = {
        pool: new WorkerPool({
          name: "JavaScript filter",
          file: workerFile("lib/server/messages/filter-worker.mjs"),
          size: 1,
          // Each search has at most one batch waiting; searches themselves are capped per user.
          maxQueued: 10_000,
          timeoutMs: BATCH_TIMEOUT_MS,
          maxHeapMb: 256,
        }),
        sessions: 0,
        retiring: false,
      };
      this.workers.add(worker);
    }
    worker.sessions++;
    return { worker, session: this.nextSession++ };
  }

  /** After a sandbox blew a limit or grew large: no new searches on this worker. */
  retire(worker: FilterWorker): void {
    worker.retiring = true;
    this.closeIfDone(worker);
  }

  /** A search's sandbox is gone. */
  leave(worker: FilterWorker, heapBytes: number): void {
    worker.sessions--;
    if (heapBytes >= RETIRE_AFTER_HEAP_BYTES) worker.retiring = true;
    this.closeIfDone(worker);
  }

  private closeIfDone(worker: FilterWorker): void {
    if (!worker.retiring || worker.sessions > 0 || !this.workers.delete(worker)) return;
    void worker.pool.close();
  }

  /** For tests: how many workers run, and how many of them are being retired. */
  counts(): { workers: number; retiring: number } {
    const all = [...this.workers];
    return { workers: all.length, retiring: all.filter((worker) => worker.retiring).length };
  }
}

const holder = globalThis as { filterWorkers?: FilterWorkers };

export function filterWorkers(): FilterWorkers {
  holder.filterWorkers ??= new FilterWorkers(defaultPoolSize());
  return holder.filterWorkers;
}
