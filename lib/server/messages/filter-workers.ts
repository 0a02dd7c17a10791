import "server-only";

// The worker threads that run JavaScript filters (filter-worker.mjs), so the thread that serves
// requests stays responsive whatever a filter does. As many as the machine has cores to spare; each
// is a WorkerPool of one (its time limit, replaced when it dies). A search's sandbox lives on one
// worker for the search's life. The worker runs one task at a time, and the next is the waiting
// one whose search has used the worker least: a new or light search goes ahead of heavy ones, and
// heavy ones take turns. WebAssembly memory goes back to the system only with its thread: a worker
// whose sandbox blew a limit has its thread replaced at once (js-sandbox.ts), and one whose sandbox
// grew large takes no new search and is terminated once its last one ends, and one left without
// searches is closed after a moment (IDLE_WORKER_CLOSE_MS). Kept on globalThis so
// Next's dev reloads do not start more.
import { defaultPoolSize, WorkerPool } from "@/lib/server/workers/worker-pool";
import { workerFile } from "@/lib/server/workers/worker-file";

/** Backstop for a batch: the sandbox's own limits stop a filter long before this. */
const BATCH_TIMEOUT_MS = 60_000;
/** A worker that ever held a sandbox this large is replaced once it is free. */
const RETIRE_AFTER_HEAP_BYTES = 32 * 1024 * 1024;
/**
 * A worker without searches for this long is closed: its thread (a V8 isolate and the QuickJS
 * WebAssembly heaps, ~30 MB resident) goes back to the system, so the server returns to its idle
 * memory after a JavaScript search. Long enough that a burst of searches keeps its worker warm.
 */
export const IDLE_WORKER_CLOSE_MS = 2_000;

/** What a search has had of its worker, for the scheduler. */
export interface WorkerUsage {
  usedMs: number;
}

interface Waiting {
  usage: WorkerUsage;
  start(): void;
}

export class FilterWorker {
  sessions = 0;
  /** Takes no new search; terminated when its last one ends. */
  retiring = false;
  /** Closes the worker once it has been without searches for IDLE_WORKER_CLOSE_MS. */
  idleTimer?: NodeJS.Timeout;
  private running = false;
  private readonly waiting: Waiting[] = [];

  constructor(readonly pool: WorkerPool) {}

  /** Runs `task` on this worker when its turn comes; its search's usage decides the order. */
  schedule<T>(usage: WorkerUsage, task: (pool: WorkerPool) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        usage,
        start: () => {
          const began = performance.now();
          task(this.pool)
            .then(resolve, reject)
            .finally(() => {
              usage.usedMs += performance.now() - began;
              this.running = false;
              this.next();
            });
        },
      });
      this.next();
    });
  }

  private next(): void {
    if (this.running || this.waiting.length === 0) return;
    let chosen = 0;
    for (let index = 1; index < this.waiting.length; index++)
      if (this.waiting[index]!.usage.usedMs < this.waiting[chosen]!.usage.usedMs) chosen = index;
    const [task] = this.waiting.splice(chosen, 1);
    this.running = true;
    task!.start();
  }
}

export class FilterWorkers {
  private readonly workers = new Set<FilterWorker>();
  private nextSession = 1;

  constructor(
    private readonly size: number,
    private readonly idleCloseMs = IDLE_WORKER_CLOSE_MS,
  ) {}

  /** The worker with the fewest searches, starting one while there are fewer than `size`. */
  place(): { worker: FilterWorker; session: number } {
    const serving = [...this.workers].filter((worker) => !worker.retiring);
    let worker = serving.reduce<FilterWorker | undefined>(
      (least, candidate) => (!least || candidate.sessions < least.sessions ? candidate : least),
      undefined,
    );
    if (!worker || (worker.sessions > 0 && serving.length < this.size)) {
      worker = new FilterWorker(
        new WorkerPool({
          name: "JavaScript filter",
          file: workerFile("lib/server/messages/filter-worker.mjs"),
          size: 1,
          timeoutMs: BATCH_TIMEOUT_MS,
          maxHeapMb: 256,
        }),
      );
      this.workers.add(worker);
    }
    clearTimeout(worker.idleTimer);
    worker.sessions++;
    return { worker, session: this.nextSession++ };
  }

  /** A search's sandbox is gone. */
  leave(worker: FilterWorker, heapBytes: number): void {
    worker.sessions--;
    if (heapBytes >= RETIRE_AFTER_HEAP_BYTES) worker.retiring = true;
    this.closeIfDone(worker);
    if (worker.sessions > 0 || worker.retiring) return;
    clearTimeout(worker.idleTimer);
    worker.idleTimer = setTimeout(() => {
      worker.retiring = true;
      this.closeIfDone(worker);
    }, this.idleCloseMs);
    worker.idleTimer.unref();
  }

  private closeIfDone(worker: FilterWorker): void {
    if (!worker.retiring || worker.sessions > 0 || !this.workers.delete(worker)) return;
    void worker.pool.close();
  }
}

/** Tests may put one of their own here before the first search. */
export const filterWorkersHolder = globalThis as { filterWorkers?: FilterWorkers };

export function filterWorkers(): FilterWorkers {
  filterWorkersHolder.filterWorkers ??= new FilterWorkers(defaultPoolSize());
  return filterWorkersHolder.filterWorkers;
}
