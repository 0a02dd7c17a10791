// The pure parts of time lag (group-time-lag.ts): keys, the age of a record, the largest of many, and
// a map over items with a bounded number of promises in flight.

/** The most lagging partitions one page of the group list reads time lag for (a fetch each). */
export const PAGE_TIME_LAG_PARTITIONS = 200;

/** One partition at one committed offset: groups at the same offset share a fetch and its answer. */
export function timeLagKey(topic: string, partition: number, committedOffset: bigint | string): string {
  return `${topic}\u0000${partition}\u0000${committedOffset}`;
}

/** How old a record with this timestamp is at `now`, in ms; a timestamp in the future is no lag. */
export function timeLagOf(timestamp: number, now: number): number {
  return Math.max(0, now - timestamp);
}

/** The largest time lag, null when none is known. */
export function maxTimeLag(lags: Iterable<number | null | undefined>): number | null {
  let max: number | null = null;
  for (const lag of lags) if (lag !== null && lag !== undefined && (max === null || lag > max)) max = lag;
  return max;
}

/** Calls `work` on every item, at most `limit` at once; resolves when all are done (rejects on the first failure). */
export async function mapBounded<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
