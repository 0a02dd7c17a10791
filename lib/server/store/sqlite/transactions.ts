// One SQLite connection serves every request, and a transaction is a state of that connection: while
// one is open (BEGIN IMMEDIATE … awaiting its fn … COMMIT), any statement on the connection runs
// inside it. Another request's write would be committed or rolled back with it, and its reads
// would see rows that may yet be rolled back. So:
//
// - transactions run one at a time, behind an async mutex;
// - a call on the store outside a transaction runs at once when no transaction is open or waiting
//   (the statement is synchronous, so nothing can interleave), and otherwise queues behind them
//   like a one-statement transaction: reads wait too, as they would for a row lock elsewhere;
// - inside a transaction, fn's calls go through the `tx` store it was given, which does not wait
//   (it holds the mutex). A call on the outer store from inside fn would wait for fn itself, for
//   ever; it throws instead, found by the async context the transaction runs in.
//
// Hence "fn does store work only": while it awaits anything slow, every request's store call waits.
import { AsyncLocalStorage } from "node:async_hooks";

/** The transaction fn runs in, while it is open. */
interface OpenTransaction {
  open: boolean;
}

export class StoreMutex {
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;
  private readonly context = new AsyncLocalStorage<OpenTransaction>();

  /** True when a transaction holds the connection or waits for it. */
  get busy(): boolean {
    return this.queued > 0;
  }

  /** Runs fn alone on the connection, after whatever holds or waits for it. */
  async exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    this.queued += 1;
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    try {
      await previous;
      return await fn();
    } finally {
      this.queued -= 1;
      release();
    }
  }

  /** Runs fn as the open transaction: the outer store refuses calls made from inside it. */
  async inTransaction<T>(fn: () => Promise<T>): Promise<T> {
    const transaction: OpenTransaction = { open: true };
    try {
      return await this.context.run(transaction, fn);
    } finally {
      transaction.open = false;
    }
  }

  /** Throws when called from inside an open transaction's fn (see the top of this file). */
  refuseInsideTransaction(what: string): void {
    if (this.context.getStore()?.open)
      throw new Error(
        `${what} on the outer store inside store.transaction: use the store the transaction passes to its function`,
      );
  }
}

/**
 * The asynchronous view of a synchronous table store. `gate` decides when each call runs (at once,
 * or after the open transaction); a throw becomes a rejected promise.
 */
export function asyncStore<Store extends object>(
  sync: Record<string, (...args: never[]) => unknown>,
  gate: <T>(call: () => T) => Promise<T>,
): Store {
  return Object.fromEntries(
    Object.entries(sync).map(([name, method]) => [name, (...args: never[]) => gate(() => method(...args))]),
  ) as Store;
}
