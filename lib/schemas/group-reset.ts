// Offset resets, imports and exports of a consumer group: one schema each, shared by the reset page's
// forms, the server actions and the REST routes. Pure: the page validates with them too.
import { z } from "zod";

import { topicNameSchema } from "./topics";

export const RESET_MODES = [
  "earliest",
  "latest",
  "datetime",
  "duration",
  "offset",
  "shift",
  "group",
] as const;
export type ResetMode = (typeof RESET_MODES)[number];

export const RESET_MODE_LABELS: Record<ResetMode, string> = {
  earliest: "Earliest (log start offset)",
  latest: "Latest (log end offset)",
  datetime: "A date and time",
  duration: "A duration ago",
  offset: "A specific offset",
  shift: "Shift by ±N",
  group: "Another group's committed offsets",
};

/** Kafka's largest offset; larger numbers are typing mistakes, not offsets. */
const MAX_OFFSET = 2n ** 63n - 1n;
/** At most this many partitions per request: the preview is a table a person reads. */
export const MAX_RESET_PARTITIONS = 10_000;

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

export const groupIdSchema = z
  .string()
  .min(1, "Name the group")
  .max(255, "A group id has at most 255 characters here");

export const offsetSchema = z
  .union([z.string(), z.number(), z.bigint()])
  .transform((value) => String(value).trim())
  .refine(
    (value) => /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_OFFSET,
    "An offset is a whole number ≥ 0",
  )
  .transform((value) => BigInt(value));

const shiftSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .refine(
    (value) => /^[+-]?\d{1,19}$/.test(value) && BigInt(value) !== 0n,
    "Shift by a whole number other than 0, e.g. -100 or +5",
  )
  .transform((value) => BigInt(value));

/** "0,2, 5" or [0, 2, 5]: distinct partition numbers. */
const partitionsSchema = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value.trim() === ""
        ? undefined
        : value.split(/[\s,]+/).filter(Boolean)
      : value,
  z
    .array(z.coerce.number().int("A partition is a whole number").min(0, "Partitions start at 0"))
    .min(1)
    .max(MAX_RESET_PARTITIONS)
    .transform((partitions) => [...new Set(partitions)].sort((a, b) => a - b))
    .optional(),
);

/**
 * ISO 8601 durations as Kafka's own --by-duration takes them: P7D, PT30M, P1DT12H, PT0.5S. Months and
 * years are refused (their length depends on the calendar). Milliseconds, or null when it does not parse.
 */
export function parseIsoDuration(text: string): number | null {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/i.exec(text.trim());
  if (!match || text.trim().toUpperCase() === "P" || /T$/i.test(text.trim())) return null;
  const [, days, hours, minutes, seconds] = match;
  const ms =
    Number(days ?? 0) * 86_400_000 +
    Number(hours ?? 0) * 3_600_000 +
    Number(minutes ?? 0) * 60_000 +
    Math.round(Number(seconds ?? 0) * 1000);
  return Number.isSafeInteger(ms) ? ms : null;
}

/** An ISO 8601 date-time; without a zone it is read as UTC (the page says so). Epoch ms, or null. */
export function parseResetDateTime(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/i.test(trimmed)) return null;
  const zoned = /(Z|[+-]\d{2}:\d{2})$/i.test(trimmed) ? trimmed : `${trimmed}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? null : ms;
}

export const groupResetSchema = z
  .object({
    mode: z.enum(RESET_MODES, { message: "Choose how to reset" }),
    /** Scope: the whole group (its committed partitions) without a topic. */
    topic: optional(topicNameSchema),
    /** Scope: these partitions of the topic; all of its partitions without them. */
    partitions: partitionsSchema,
    datetime: optional(z.string().max(40)),
    duration: optional(z.string().max(40)),
    offset: optional(offsetSchema),
    shift: optional(shiftSchema),
    fromGroup: optional(groupIdSchema),
  })
  .superRefine((request, context) => {
    const need = (field: keyof typeof request, message: string) => {
      if (request[field] === undefined) context.addIssue({ code: "custom", path: [field], message });
    };
    if (request.partitions && !request.topic)
      context.addIssue({
        code: "custom",
        path: ["topic"],
        message: "Name the topic the partitions belong to",
      });
    if (request.mode === "datetime") {
      if (request.datetime === undefined || parseResetDateTime(request.datetime) === null)
        context.addIssue({
          code: "custom",
          path: ["datetime"],
          message: "Give a date and time as 2026-12-04T09:30 (UTC) or with a zone, 2026-12-04T09:30+01:00",
        });
    }
    if (request.mode === "duration") {
      const ms = request.duration === undefined ? null : parseIsoDuration(request.duration);
      if (ms === null || ms <= 0)
        context.addIssue({
          code: "custom",
          path: ["duration"],
          message: "Give an ISO 8601 duration such as PT30M, PT6H or P1DT12H",
        });
    }
    if (request.mode === "offset") need("offset", "Give the offset to start at");
    if (request.mode === "shift") need("shift", "Give the shift, e.g. -100 or +5");
    if (request.mode === "group") need("fromGroup", "Name the group whose offsets to copy");
  });

export type GroupResetRequest = z.output<typeof groupResetSchema>;

/** One partition's offset to commit: a file's row, or a confirmed preview's row. */
export const partitionOffsetSchema = z.object({
  topic: topicNameSchema,
  partition: z.coerce.number().int("A partition is a whole number").min(0, "Partitions start at 0"),
  offset: offsetSchema,
});

export const partitionOffsetsSchema = z
  .array(partitionOffsetSchema)
  .min(1, "Give at least one partition's offset")
  .max(MAX_RESET_PARTITIONS, `At most ${MAX_RESET_PARTITIONS} partitions at once`)
  .superRefine((offsets, context) => {
    const seen = new Set<string>();
    offsets.forEach(({ topic, partition }, index) => {
      const key = `${topic}\u0000${partition}`;
      if (seen.has(key))
        context.addIssue({
          code: "custom",
          path: [index, "partition"],
          message: `${topic} partition ${partition} is given twice`,
        });
      seen.add(key);
    });
  });

export type PartitionOffset = z.output<typeof partitionOffsetSchema>;

export const EXPORT_FORMATS = ["csv", "json"] as const;
export const exportQuerySchema = z.object({
  format: z.preprocess(emptyToUndefined, z.enum(EXPORT_FORMATS).default("json")),
});

/** The REST reset's body: the mode and scope, and whether only to preview (the default, as Kafka's tool). */
export const groupResetBodySchema = z.intersection(
  groupResetSchema,
  z.object({
    dryRun: z.boolean().default(true).describe("true (default): answer the preview only; false: apply it"),
  }),
);

/** One partition of a reset's preview, as the page and the REST route show it. */
export interface ResetRow {
  topic: string;
  partition: number;
  /** Decimal strings, as everywhere the console shows offsets. */
  currentOffset: string | null;
  newOffset: string;
  logStartOffset: string;
  logEndOffset: string;
  lagBefore: string | null;
  lagAfter: string;
  /** The asked offset lay outside [log start, log end] and was moved to the nearer end. */
  clamped: boolean;
  note: string | null;
}
