// Lag history: the ranges a chart or the REST route may ask for, and the points they get back.
import { z } from "zod";

export const LAG_HISTORY_RANGES = ["1h", "24h", "7d"] as const;
export type LagHistoryRange = (typeof LAG_HISTORY_RANGES)[number];

export const lagHistoryQuerySchema = z.object({
  range: z.enum(LAG_HISTORY_RANGES).default("1h"),
});

/** One point of a group's history: a sample, or a bucket of samples (its largest and its last). */
export interface LagHistoryPoint {
  /** The sample's time, or the bucket's start; ISO-8601 UTC. */
  at: string;
  /** Σ lag over the group's partitions at the last sample in the bucket, a decimal string. */
  lag: string;
  /** The largest total lag sampled in the bucket. */
  maxLag: string;
  /** How old the next record to consume was (the group's oldest partition), in ms; null when not recorded. */
  timeLagMs: number | null;
  maxTimeLagMs: number | null;
}

export interface LagHistory {
  cluster: string;
  group: string;
  range: LagHistoryRange;
  /** Seconds each point stands for; 0 when every point is one sample. */
  resolutionSeconds: number;
  points: LagHistoryPoint[];
}
