// Throughput history: the ranges a chart or the REST route may ask for, and the points they get back.
import { z } from "zod";

import { LAG_HISTORY_RANGES } from "./lag-history";

export const throughputQuerySchema = z.object({
  range: z.enum(LAG_HISTORY_RANGES).default("1h").describe("How far back: 1h, 24h or 7d"),
});

/** One point: a sampling interval, or a bucket of intervals (their mean rate and the largest one). */
export const throughputPointSchema = z.object({
  at: z.string().describe("The sample's time (the interval's end), or the bucket's start (ISO-8601 UTC)"),
  seconds: z.number().describe("Seconds of sampled time the point covers"),
  messages: z.number().int().describe("Messages produced (high watermarks' growth) over those seconds"),
  bytes: z
    .number()
    .int()
    .describe("Growth of the leaders' log sizes over those seconds (0 where retention shrank a log)"),
  messagesPerSecond: z.number(),
  bytesPerSecond: z.number(),
  peakMessagesPerSecond: z.number().describe("The largest rate of one sampling interval in the point"),
  peakBytesPerSecond: z.number(),
});
export type ThroughputPoint = z.infer<typeof throughputPointSchema>;

export const throughputSchema = z.object({
  cluster: z.string(),
  topic: z.string().nullable().describe("null: the cluster's total over its (non-internal) topics"),
  range: z.enum(LAG_HISTORY_RANGES),
  resolutionSeconds: z
    .number()
    .int()
    .describe("Seconds each point stands for; 0 when every point is one interval"),
  sampler: z.object({
    enabled: z.boolean().describe("lagHistory.enabled and lagHistory.throughput"),
    intervalSeconds: z.number().int(),
  }),
  points: z.array(throughputPointSchema).describe("Oldest first"),
});
export type Throughput = z.infer<typeof throughputSchema>;

/** The overview's busiest topics over the last minutes. */
export interface TopicRate {
  topic: string;
  messagesPerSecond: number;
  bytesPerSecond: number;
}
