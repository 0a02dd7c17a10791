// Batches for a streamed produce: while one batch is being written, the body keeps being read, and
// the next batch is everything that arrived meanwhile (up to a bound). A client that sends a record
// and waits for its report gets it at once; a fast stream is written in large batches, one produce
// and one audit entry each, instead of one per network chunk.

/**
 * Regroups `source`'s arrays into arrays of at most `max` items, reading ahead of the consumer by
 * at most `max` items plus one array of the source. Ends when the source ends; its error is thrown
 * once what was read before it has been handed on.
 */
export async function* readAhead<T>(source: AsyncIterator<T[]>, max: number): AsyncGenerator<T[]> {
  const buffer: T[] = [];
  let reading: Promise<void> | undefined;
  let done = false;
  let failure: { error: unknown } | undefined;
  const pump = () => {
    if (reading || done || failure || buffer.length >= max) return;
    reading = source.next().then(
      (result) => {
        reading = undefined;
        if (result.done) done = true;
        else buffer.push(...result.value);
        pump();
      },
      (error: unknown) => {
        reading = undefined;
        failure = { error };
      },
    );
  };
  try {
    for (;;) {
      pump();
      while (buffer.length === 0 && reading) await reading;
      if (buffer.length === 0) {
        if (failure) throw failure.error;
        return;
      }
      const batch = buffer.splice(0, max);
      pump();
      yield batch;
    }
  } finally {
    // Not awaited: a read still pending (a client that stopped sending) must not hold the answer;
    // the source is closed once it settles.
    done = true;
    const close = () => void Promise.resolve(source.return?.(undefined)).catch(() => undefined);
    if (reading) void reading.then(close);
    else close();
  }
}
