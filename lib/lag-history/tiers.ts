// Downsampling of the lag history: every sample is kept for the last 2 hours, with its lag per
// partition; then 5-minute buckets for about a day and hourly buckets up to the retention, totals
// only. A bucket keeps the largest and the last value of its samples, so a spike survives and the
// line ends where the group stood. Per-partition lag is most of a row's bytes (bench
// group-lag-sampler), hence only at full resolution.
import type { LagHistoryRange } from "@/lib/schemas/lag-history";

export interface Tier {
  /** Seconds per bucket; 0 keeps every sample at its own time. */
  resolutionSeconds: number;
  /** Rows of this tier older than this are pruned. */
  keepSeconds: number;
}

const HOUR = 3600;

/** The tiers for a retention: none keeps data longer than the retention itself. */
export function lagHistoryTiers(retentionSeconds: number): Tier[] {
  return [
    { resolutionSeconds: 0, keepSeconds: 2 * HOUR },
    { resolutionSeconds: 300, keepSeconds: 26 * HOUR },
    { resolutionSeconds: HOUR, keepSeconds: retentionSeconds },
  ].map((tier) => ({ ...tier, keepSeconds: Math.min(tier.keepSeconds, retentionSeconds) }));
}

/** Where a sample taken at `atSeconds` (Unix seconds) lands in a tier. */
export function bucketStart(atSeconds: number, resolutionSeconds: number): number {
  const at = Math.floor(atSeconds);
  return resolutionSeconds === 0
    ? at
    : at - (((at % resolutionSeconds) + resolutionSeconds) % resolutionSeconds);
}

const RANGES: Record<LagHistoryRange, { spanSeconds: number; resolutionSeconds: number }> = {
  "1h": { spanSeconds: HOUR, resolutionSeconds: 0 },
  "24h": { spanSeconds: 24 * HOUR, resolutionSeconds: 300 },
  "7d": { spanSeconds: 7 * 24 * HOUR, resolutionSeconds: HOUR },
};

/** The tier a range reads (at most a few hundred points) and from when. */
export function rangeQuery(range: LagHistoryRange, nowSeconds: number) {
  const { spanSeconds, resolutionSeconds } = RANGES[range];
  return { resolutionSeconds, sinceSeconds: Math.floor(nowSeconds) - spanSeconds };
}

/** The sparkline in the group list: the last 6 hours in 5-minute buckets. */
export const SPARKLINE = { spanSeconds: 6 * HOUR, resolutionSeconds: 300 } as const;
