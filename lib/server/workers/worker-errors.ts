// What a WorkerPool rejects with; callers turn these into an answer (the CA: 503 with the message).
// Recognised by isWorkerPoolError(), not instanceof: Next bundles a module once per layer (pages,
// actions, route handlers, instrumentation), and the pool, shared through globalThis, throws the
// classes of the layer that created it. Names are literals: the server bundle is minified.
export type WorkerPoolErrorKind = "busy" | "timeout" | "failed";

export class WorkerPoolError extends Error {
  constructor(
    readonly workerPoolError: WorkerPoolErrorKind,
    message: string,
    name: string,
  ) {
    super(message);
    this.name = name;
  }
}

export function isWorkerPoolError(error: unknown): error is WorkerPoolError {
  const kind = (error as { workerPoolError?: unknown } | null)?.workerPoolError;
  return error instanceof Error && (kind === "busy" || kind === "timeout" || kind === "failed");
}

/** The queue is full: nothing was started. */
export class WorkerPoolBusyError extends WorkerPoolError {
  constructor(message: string) {
    super("busy", message, "WorkerPoolBusyError");
  }
}

/** The task ran past its time limit; its worker was terminated. */
export class WorkerTaskTimeoutError extends WorkerPoolError {
  constructor(message: string) {
    super("timeout", message, "WorkerTaskTimeoutError");
  }
}

/** The task threw in the worker (its message kept), or the worker died under it. */
export class WorkerTaskFailedError extends WorkerPoolError {
  constructor(message: string) {
    super("failed", message, "WorkerTaskFailedError");
  }
}
