// Waiting for work or a Stop, whichever comes first, without leaking. `Promise.race` against one
// long-lived "stopped" promise would leave a reaction on it per call, each holding its settled
// race (and so a whole fetched batch) until the search ends: a full scan kept every batch alive.

/** The work's value, or null as soon as the signal aborts. The listener is removed either way. */
export function untilStopped<T>(work: Promise<T>, signal: AbortSignal): Promise<T | null> {
  if (signal.aborted) return Promise.resolve(null);
  return new Promise<T | null>((resolve, reject) => {
    const onAbort = () => resolve(null);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** Sleeps, ending early on Stop. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const slept = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return untilStopped(slept, signal).then(() => clearTimeout(timer));
}
