// What a WorkerPool rejects with; callers turn these into an answer (the CA: 503 with the message).
export class WorkerPoolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The queue is full: nothing was started. */
export class WorkerPoolBusyError extends WorkerPoolError {}

/** The task ran past its time limit; its worker was terminated. */
export class WorkerTaskTimeoutError extends WorkerPoolError {}

/** The task threw in the worker (its message kept), or the worker died under it. */
export class WorkerTaskFailedError extends WorkerPoolError {}
