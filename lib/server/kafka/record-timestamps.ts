// What the lag sampler remembers between rounds for time lag: the timestamp of the record at each
// lagging partition's committed offset. That record does not change while the offset stays, so its
// age now is now − its timestamp, without fetching it again; only offsets that moved are fetched, at
// most `budget` a round (the bench's 1,000 groups lag on 13,000 partition-offsets at first).
// Pure: group-lag-snapshot.ts does the fetching.
import { timeLagKey } from "./time-lag-math";

export interface LaggingPartition {
  topic: string;
  partition: number;
  committedOffset: bigint;
  logEndOffset: bigint;
}

/** Fetches of next records per round, at most: about 1 s of a round on the bench's broker. */
export const TIME_LAG_FETCHES_PER_ROUND = 1_000;

export class RecordTimestamps {
  /** Key → the record's timestamp (ms), or null when it could not be read (deleted, compacted, aborted). */
  private stamps = new Map<string, number | null>();

  /** Forgets every partition-offset not among `lagging` (offsets that moved, partitions caught up). */
  keepOnly(lagging: readonly LaggingPartition[]): void {
    const wanted = new Set(lagging.map(keyOf));
    for (const key of this.stamps.keys()) if (!wanted.has(key)) this.stamps.delete(key);
  }

  /** The lagging partitions whose next record's timestamp is not known, at most `budget` of them. */
  unknown(lagging: readonly LaggingPartition[], budget = TIME_LAG_FETCHES_PER_ROUND): LaggingPartition[] {
    const seen = new Set<string>();
    const missing: LaggingPartition[] = [];
    for (const target of lagging) {
      const key = keyOf(target);
      if (this.stamps.has(key) || seen.has(key)) continue;
      seen.add(key);
      if (missing.length === budget) break;
      missing.push(target);
    }
    return missing;
  }

  /** Time lags read at `now` (readTimeLags' answer, keyed by timeLagKey) become timestamps. */
  learn(lags: ReadonlyMap<string, number | null>, now: number): void {
    for (const [key, lag] of lags) this.stamps.set(key, lag === null ? null : now - lag);
  }

  /**
   * The group's time lag at `now`: the age of its oldest next record over its lagging partitions; 0
   * when none lags; null when one's record is not known yet, or none could be read.
   */
  groupTimeLag(lagging: readonly LaggingPartition[], now: number): number | null {
    if (lagging.length === 0) return 0;
    let oldest: number | null = null;
    for (const target of lagging) {
      const stamp = this.stamps.get(keyOf(target));
      if (stamp === undefined) return null;
      if (stamp !== null && (oldest === null || stamp < oldest)) oldest = stamp;
    }
    return oldest === null ? null : Math.max(0, now - oldest);
  }
}

const keyOf = (target: LaggingPartition) =>
  timeLagKey(target.topic, target.partition, target.committedOffset);
