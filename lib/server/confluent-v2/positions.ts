// The bodies of the v2 positions and assignments routes (Confluent's TopicPartition lists), shared by
// POST …/positions/beginning, …/positions/end and …/assignments.
import { z } from "zod";

export const topicPartition = z.strictObject({
  topic: z.string().min(1).max(249),
  partition: z.number().int().min(0).max(1_000_000),
});

export const partitionsBody = z.strictObject({
  partitions: z.array(topicPartition).max(10_000),
});

/** POST …/positions: each offset is the next record to read (Confluent's seek). */
export const seekBody = z.strictObject({
  offsets: z
    .array(
      topicPartition.extend({
        offset: z.number().int().min(0),
        metadata: z.string().max(4096).optional(),
      }),
    )
    .min(1)
    .max(10_000),
});

/** "orders-0, orders-1, …" for an audit line, bounded. */
export function partitionList(partitions: { topic: string; partition: number }[]): string {
  return partitions
    .map(({ topic, partition }) => `${topic}-${partition}`)
    .join(",")
    .slice(0, 500);
}
