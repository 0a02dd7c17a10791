// Lag history: the ranges a chart or the REST route may ask for, and the points they get back.
import { z } from "zod";

export const LAG_HISTORY_RANGES = ["1h", "24h", "7d"] as const;
export type LagHistoryRange = (typeof LAG_HISTORY_RANGES)[number];

export const lagHistoryQuerySchema = z.object({
  range: z.enum(LAG_HISTORY_RANGES).default("1h").describe("How far back: 1h, 24h or 7d"),
  partitions: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true")
    .describe("true: each sample's lag per partition too (kept at full resolution, so for 1h only)"),
});

const decimal = z.string().regex(/^\d+$/);

/** One point of a group's history: a sample, or a bucket of samples (its largest and its last). */
export const lagHistoryPointSchema = z.object({
  at: z.string().describe("The sample's time, or the bucket's start (ISO-8601 UTC)"),
  lag: decimal.describe("Σ lag over the group's partitions at the bucket's last sample (decimal string)"),
  maxLag: decimal.describe("The largest total lag sampled in the bucket"),
  timeLagMs: z
    .number()
    .nullable()
    .describe("How old the next record to consume was, in ms; null when not recorded"),
  maxTimeLagMs: z.number().nullable(),
  partitions: z
    .array(z.object({ topic: z.string(), partition: z.number().int(), lag: z.number() }))
    .optional()
    .describe("With ?partitions=true: the sample's lag per partition; empty for a bucket"),
});
export type LagHistoryPoint = z.infer<typeof lagHistoryPointSchema>;

export const lagHistorySchema = z.object({
  cluster: z.string(),
  group: z.string(),
  range: z.enum(LAG_HISTORY_RANGES),
  resolutionSeconds: z
    .number()
    .int()
    .describe("Seconds each point stands for; 0 when every point is one sample"),
  sampler: z.object({
    enabled: z.boolean(),
    intervalSeconds: z.number().int(),
    timeLag: z.boolean().describe("Whether the sampler records time lag"),
  }),
  points: z.array(lagHistoryPointSchema).describe("Oldest first"),
});
export type LagHistory = z.infer<typeof lagHistorySchema>;
