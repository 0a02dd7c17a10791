import "server-only";

// CPU-bound work (signatures, key generation, PKCS#12, later message filters) runs here, in worker
// threads, never on the thread that serves requests. The pool is small and its queue bounded: when
// it is full a caller hears "busy" at once instead of waiting behind work it cannot see, and a task
// past its time limit has its worker terminated, the only way to stop JavaScript that does not yield.
import { availableParallelism } from "node:os";
import { type Transferable, Worker } from "node:worker_threads";

import { WorkerPoolBusyError, WorkerTaskFailedError, WorkerTaskTimeoutError } from "./worker-errors";

export {
  isWorkerPoolError,
  WorkerPoolBusyError,
  WorkerPoolError,
  WorkerTaskFailedError,
  WorkerTaskTimeoutError,
} from "./worker-errors";

export interface WorkerPoolOptions {
  /** What the pool does, for messages: "certificate work". */
  name: string;
  /** Absolute path of a plain-JavaScript module that calls serveTasks() (see worker-file.ts). */
  file: string;
  /** Default: one less than the cores (the request thread keeps one), at least 1, at most 4. */
  size?: number;
  /** Tasks that may wait for a worker; one more is refused as busy. */
  maxQueued?: number;
  timeoutMs: number;
  /** Caps each worker's heap, so one task cannot take the server's memory. */
  maxHeapMb?: number;
}

interface Job {
  id: number;
  task: string;
  input: unknown;
  timeoutMs: number;
  transfer: Transferable[];
  resolve(output: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

type Answer = { id: number; ok: true; output: unknown } | { id: number; ok: false; error: string };

export const defaultPoolSize = () => Math.max(1, Math.min(4, availableParallelism() - 1));

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  readonly size: number;
  readonly maxQueued: number;

  constructor(private readonly options: WorkerPoolOptions) {
    this.size = options.size ?? defaultPoolSize();
    this.maxQueued = options.maxQueued ?? 16 * this.size;
  }

  /**
   * Runs `task` in a worker; rejects with one of the WorkerPoolError classes. `transfer` moves those
   * buffers of the input to the worker instead of copying them (they are then empty here).
   */
  run<T>(
    task: string,
    input: unknown,
    options: { timeoutMs?: number; transfer?: Transferable[] } = {},
  ): Promise<T> {
    if (this.queue.length >= this.maxQueued)
      return Promise.reject(
        new WorkerPoolBusyError(
          `The server is busy with other ${this.options.name} (${this.size} running, ${this.queue.length} waiting); try again in a moment.`,
        ),
      );
    return new Promise<T>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
      this.queue.push({
        id: this.nextId++,
        task,
        input,
        timeoutMs,
        transfer: options.transfer ?? [],
        resolve: resolve as Job["resolve"],
        reject,
      });
      this.dispatch();
    });
  }

  /** Stops every worker; running and waiting tasks are rejected. */
  async close(): Promise<void> {
    const stopped = new WorkerTaskFailedError(`The ${this.options.name} pool was closed.`);
    for (const job of this.queue.splice(0)) job.reject(stopped);
    await Promise.all([...this.slots].map((slot) => this.retire(slot, stopped)));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = [...this.slots].find((candidate) => !candidate.job) ?? this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        const seconds = (job.timeoutMs / 1000).toLocaleString("en", { maximumFractionDigits: 1 });
        void this.retire(
          slot,
          new WorkerTaskTimeoutError(
            `The ${this.options.name} took longer than ${seconds} s and was stopped.`,
          ),
        );
      }, job.timeoutMs);
      slot.worker.postMessage({ id: job.id, task: job.task, input: job.input }, job.transfer);
    }
  }

  private spawn(): Slot | undefined {
    if (this.slots.size >= this.size) return undefined;
    const worker = new Worker(/* turbopackIgnore: true */ this.options.file, {
      resourceLimits: this.options.maxHeapMb ? { maxOldGenerationSizeMb: this.options.maxHeapMb } : undefined,
    });
    const slot: Slot = { worker };
    worker.on("message", (answer: Answer) => {
      const job = slot.job;
      if (!job || answer.id !== job.id) return;
      this.release(slot);
      if (answer.ok) job.resolve(answer.output);
      else job.reject(new WorkerTaskFailedError(answer.error));
      this.dispatch();
    });
    // An uncaught error or an exit ends the worker: its task fails and a new worker takes over.
    worker.on("error", (error) => void this.retire(slot, new WorkerTaskFailedError(error.message)));
    worker.on("exit", (code) => {
      void this.retire(
        slot,
        new WorkerTaskFailedError(`The ${this.options.name} worker stopped (exit code ${code}).`),
      );
    });
    this.slots.add(slot);
    return slot;
  }

  /** Back to idle: an idle worker does not keep the process alive. */
  private release(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    slot.worker.unref();
  }

  private async retire(slot: Slot, error: Error): Promise<void> {
    if (!this.slots.delete(slot)) return;
    const job = slot.job;
    this.release(slot);
    job?.reject(error);
    this.dispatch();
    await slot.worker.terminate();
  }
}
