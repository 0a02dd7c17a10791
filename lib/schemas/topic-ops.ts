// Adding partitions, deleting records and deleting a topic: one schema each, shared by the topic
// page's forms, the server actions and the REST routes.
import { z } from "zod";

/** Kafka's own limit per request is far above this; past it a typing mistake is more likely. */
export const MAX_PARTITIONS = 10_000;

export const addPartitionsSchema = z.object({
  count: z.coerce
    .number({ message: "Give the new partition count" })
    .int("A partition count is a whole number")
    .min(2, "A topic has at least one partition already")
    .max(MAX_PARTITIONS, `At most ${MAX_PARTITIONS} partitions here`),
  /** Check with Kafka (validateOnly) and change nothing. */
  validateOnly: z
    .preprocess((value) => value === true || value === "true" || value === "on", z.boolean())
    .default(false),
});
export type AddPartitionsRequest = z.infer<typeof addPartitionsSchema>;

export const DELETE_RECORDS_MODES = ["offset", "timestamp", "all"] as const;
export type DeleteRecordsMode = (typeof DELETE_RECORDS_MODES)[number];

export const DELETE_RECORDS_MODE_LABELS: Record<DeleteRecordsMode, string> = {
  offset: "Before an offset",
  timestamp: "Before a time",
  all: "All records",
};

const MAX_OFFSET = 2n ** 63n - 1n;
const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** "0,2, 5" or [0, 2, 5]; absent or empty: every partition. */
const partitionsSchema = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value.trim() === "" || value === "all"
        ? undefined
        : value.split(/[\s,]+/).filter(Boolean)
      : value,
  z
    .array(z.coerce.number().int("A partition is a whole number").min(0, "Partitions start at 0"))
    .max(MAX_PARTITIONS)
    .transform((partitions) => [...new Set(partitions)].sort((a, b) => a - b))
    .optional(),
);

export const deleteRecordsSchema = z
  .object({
    mode: z.enum(DELETE_RECORDS_MODES, { message: "Choose before an offset, before a time, or all" }),
    partitions: partitionsSchema,
    /** mode offset: records before it go (the new low watermark); a decimal string. */
    offset: z.preprocess(
      emptyToUndefined,
      z
        .union([z.string(), z.number()])
        .transform((value) => String(value).trim())
        .refine(
          (value) => /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_OFFSET,
          "An offset is a whole number ≥ 0",
        )
        .optional(),
    ),
    /** mode timestamp: records written before it go; ISO 8601 or epoch milliseconds. */
    timestamp: z.preprocess(
      emptyToUndefined,
      z
        .union([z.string(), z.number()])
        .transform((value, context) => {
          const ms = typeof value === "number" || /^\d+$/.test(value) ? Number(value) : Date.parse(value);
          if (!Number.isFinite(ms) || ms < 0) {
            context.addIssue({ code: "custom", message: "A time as ISO 8601 or epoch milliseconds" });
            return z.NEVER;
          }
          return ms;
        })
        .optional(),
    ),
    /** Preview only (the default for REST): what would go, changing nothing. */
    dryRun: z
      .preprocess(
        (value) => (value === undefined ? undefined : value === true || value === "true"),
        z.boolean(),
      )
      .default(true),
  })
  .superRefine((request, context) => {
    if (request.mode === "offset" && request.offset === undefined)
      context.addIssue({ code: "custom", path: ["offset"], message: "Give the offset records go before" });
    if (request.mode === "timestamp" && request.timestamp === undefined)
      context.addIssue({ code: "custom", path: ["timestamp"], message: "Give the time records go before" });
  });
export type DeleteRecordsRequest = z.output<typeof deleteRecordsSchema>;

/** The typed confirmation of deleting a topic: its exact name. */
export const deleteTopicSchema = z.object({ confirm: z.string().max(249) });
