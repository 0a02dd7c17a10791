// The `lagHistory` section: the sampler that records every group's lag in the console's store.
import { z } from "zod";

import { flag, wholeNumber } from "./config-scalars";

export const DEFAULT_LAG_SAMPLE_INTERVAL_SECONDS = 30;
export const DEFAULT_LAG_RETENTION_DAYS = 7;

export interface LagHistorySettings {
  /** false: nothing is sampled (the charts say so); the stored history stays until re-enabled and pruned. */
  enabled: boolean;
  /** Seconds between two rounds (each reads every group of every cluster). */
  intervalSeconds: number;
  /** Days the (hourly) history is kept. */
  retentionDays: number;
  /** Also record time lag: one small fetch per lagging partition whose committed offset moved. */
  timeLag: boolean;
  /**
   * Also record every topic's throughput on the same schedule: each round reads all high watermarks
   * (ListOffsets, one request per leader) and log sizes (DescribeLogDirs, one per broker).
   */
  throughput: boolean;
  /** Seconds between two throughput rounds; absent: intervalSeconds, the lag history's schedule. */
  throughputIntervalSeconds?: number;
}

export const lagHistorySettingsSchema = z.strictObject({
  enabled: flag.default(true),
  intervalSeconds: wholeNumber(5, 3600).default(DEFAULT_LAG_SAMPLE_INTERVAL_SECONDS),
  retentionDays: wholeNumber(1, 90).default(DEFAULT_LAG_RETENTION_DAYS),
  timeLag: flag.default(true),
  throughput: flag.default(true),
  throughputIntervalSeconds: wholeNumber(5, 3600).optional(),
});
