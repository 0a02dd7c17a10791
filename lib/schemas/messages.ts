// A message search and a produce request: one set of schemas for the page's form and URL, the
// streaming route handler, the server action and the REST API. Pure: client components use it too.
// Cross-field syntax (regular expressions, JSON paths, JavaScript) is checked by lib/messages/filters
// and, for JavaScript, by the server's sandbox before a search starts.
import { z } from "zod";

import { schemaChoiceSchema } from "./schema-produce";
import { topicNameSchema } from "./topics";

export const START_POSITIONS = ["newest", "oldest", "offset", "timestamp", "tail"] as const;
export type StartPosition = (typeof START_POSITIONS)[number];

export const KEY_MATCH_MODES = ["equals", "contains", "regex"] as const;
export const VALUE_MATCH_MODES = ["contains", "regex"] as const;
export const COMPRESSIONS = ["none", "gzip", "snappy", "lz4", "zstd"] as const;
export type Compression = (typeof COMPRESSIONS)[number];

export const MAX_RESULTS_LIMIT = 100_000;
export const DEFAULT_MAX_RESULTS = 50;
export const MAX_PRODUCE_COPIES = 10_000;

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const optionalText = z.preprocess(emptyToUndefined, z.string().max(10_000).optional());

/** Offsets are int64: kept as decimal strings end to end, compared as bigint on the server. */
const offsetText = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(/^\d{1,19}$/, "An offset is a whole number, 0 or more")
    .optional(),
);

/** An ISO 8601 date-time or epoch milliseconds; normalised to epoch milliseconds. */
const timestampMs = z.preprocess(
  (value) => {
    const text = emptyToUndefined(value);
    if (text === undefined || typeof text === "number") return text;
    if (typeof text !== "string") return Number.NaN;
    if (/^\d+$/.test(text.trim())) return Number(text);
    return Date.parse(text);
  },
  z
    .number({ error: "Enter a date and time (ISO 8601) or epoch milliseconds" })
    .refine(Number.isFinite, "Enter a date and time (ISO 8601) or epoch milliseconds")
    .optional(),
);

const intParam = (min: number, max: number, message: string) =>
  z.preprocess(
    (value) => {
      const text = emptyToUndefined(value);
      return typeof text === "string" ? Number(text) : text;
    },
    z.number({ error: message }).int(message).min(min, message).max(max, message).optional(),
  );

/**
 * The search as it appears in the page's URL and the stream's query string (every field a string
 * there). `max` is also N for "newest". Filters combine with AND.
 */
export const messageQuerySchema = z
  .object({
    start: z
      .enum(START_POSITIONS, { error: "Start at newest, oldest, offset, timestamp or tail" })
      .default("newest"),
    /** One partition only; absent means all. */
    partition: intParam(0, 1_000_000, "A partition is a whole number, 0 or more"),
    /** For start=offset: the first offset to read (in the chosen partition, or in each). */
    offset: offsetText,
    /** For start=timestamp: epoch ms; each partition starts at its first message at or after it. */
    timestamp: timestampMs,
    max: intParam(
      1,
      MAX_RESULTS_LIMIT,
      `Show between 1 and ${MAX_RESULTS_LIMIT.toLocaleString("en")} results`,
    ),
    key: optionalText,
    keyMode: z.enum(KEY_MATCH_MODES).default("equals"),
    /** A header that must be present; with headerValue, its UTF-8 value must equal that. */
    header: optionalText,
    headerValue: optionalText,
    value: optionalText,
    valueMode: z.enum(VALUE_MATCH_MODES).default("contains"),
    /** `$.device_id == "4412abe2"`, `$.temp > 30`, `$.tags[0] != null`, `exists($.error)`. */
    jsonPath: optionalText,
    /** Timestamp range filter, epoch ms, inclusive. */
    from: timestampMs,
    to: timestampMs,
    /** A JavaScript expression over `key`, `value`, `headers`, `partition`, `offset`, `timestamp`. */
    js: optionalText,
  })
  .superRefine((query, context) => {
    if (query.start === "offset" && query.offset === undefined)
      context.addIssue({ code: "custom", path: ["offset"], message: "Enter the offset to start at" });
    if (query.start === "timestamp" && query.timestamp === undefined)
      context.addIssue({ code: "custom", path: ["timestamp"], message: "Enter the time to start at" });
    if (query.from !== undefined && query.to !== undefined && query.from > query.to)
      context.addIssue({ code: "custom", path: ["to"], message: "The range ends before it starts" });
    if (query.headerValue !== undefined && query.header === undefined)
      context.addIssue({ code: "custom", path: ["header"], message: "Name the header whose value to match" });
  });

export type MessageQuery = z.infer<typeof messageQuerySchema>;
export type MessageQueryInput = z.input<typeof messageQuerySchema>;

/** The effective maximum: the query's, else the default. */
export function maxResultsOf(query: MessageQuery): number {
  return query.max ?? DEFAULT_MAX_RESULTS;
}

/** The query as URL parameters, defaults left out, so a search can be shared as a link. */
export function encodeMessageQuery(query: MessageQuery): URLSearchParams {
  const params = new URLSearchParams();
  const defaults: Partial<Record<keyof MessageQuery, unknown>> = {
    start: "newest",
    keyMode: "equals",
    valueMode: "contains",
  };
  for (const [name, value] of Object.entries(query) as [keyof MessageQuery, unknown][]) {
    if (value === undefined || value === defaults[name]) continue;
    if (name === "keyMode" && query.key === undefined) continue;
    if (name === "valueMode" && query.value === undefined) continue;
    params.set(name, String(value));
  }
  return params;
}

/** Parses URL parameters (a page's searchParams or a request's query string). */
export function parseMessageQuery(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const entries =
    params instanceof URLSearchParams
      ? Object.fromEntries(params)
      : Object.fromEntries(
          Object.entries(params).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]),
        );
  return messageQuerySchema.safeParse(entries);
}

export const produceHeaderSchema = z.object({
  name: z.string().trim().min(1, "A header needs a name").max(1_000),
  value: z.string().max(1_000_000),
});

/** Produce (operator): to a partition, or by key (the default partitioner), N identical copies. */
export const produceMessagesSchema = z
  .object({
    topic: topicNameSchema,
    partition: intParam(0, 1_000_000, "A partition is a whole number, 0 or more"),
    key: z.string().max(1_000_000).optional(),
    value: z.string().max(10 * 1024 * 1024, "The value is larger than 10 MiB"),
    valueFormat: z.enum(["text", "json"]).default("text"),
    headers: z.array(produceHeaderSchema).max(100).default([]),
    compression: z.enum(COMPRESSIONS).default("none"),
    copies: intParam(
      1,
      MAX_PRODUCE_COPIES,
      `Send between 1 and ${MAX_PRODUCE_COPIES.toLocaleString("en")} copies`,
    ),
    /** Encode the key (typed as JSON) with a registered schema, in the Confluent wire format. */
    keySchema: schemaChoiceSchema.optional(),
    /** Encode the value (typed as JSON) with a registered schema; valueFormat is then json. */
    valueSchema: schemaChoiceSchema.optional(),
  })
  .superRefine((request, context) => {
    if (request.keySchema && request.key === undefined)
      context.addIssue({
        code: "custom",
        path: ["key"],
        message: "Type the key as JSON to encode it with its schema",
      });
    if (request.valueFormat !== "json" && !request.valueSchema) return;
    try {
      JSON.parse(request.value);
    } catch (error) {
      context.addIssue({
        code: "custom",
        path: ["value"],
        message: `The value is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  });

export type ProduceMessagesRequest = z.infer<typeof produceMessagesSchema>;
export type ProduceMessagesInput = z.input<typeof produceMessagesSchema>;

/** What a produce answers: where each copy landed (first ones, when many). */
export interface ProduceMessagesAnswer {
  topic: string;
  count: number;
  /** Partition and offset of up to the first 100 copies. */
  written: { partition: number; offset: string }[];
}
