// The topic list's query, shared by the page's URL and the REST route.
import { z } from "zod";

/**
 * Kafka's own rules for a topic name (org.apache.kafka.common.internals.Topic): checked before the
 * broker is asked, so a bad name is the client's error (4xx) with the rule it broke.
 */
export const topicNameSchema = z
  .string()
  .trim()
  .min(1, "Choose a topic")
  .max(249, "A topic name has at most 249 characters")
  .regex(/^[a-zA-Z0-9._-]+$/, "A topic name has only letters, digits, '.', '_' and '-'")
  .refine((name) => name !== "." && name !== "..", "A topic name cannot be '.' or '..'");

export const TOPIC_PAGE_SIZES = [25, 50, 100, 200] as const;

/** How the topic list sorts; the costly figures (size, messages) are read for every topic only then. */
export const TOPIC_SORTS = ["name", "size", "messages", "partitions"] as const;
export type TopicSort = (typeof TOPIC_SORTS)[number];

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const topicListQuerySchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().max(249).optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1, "Pages start at 1").optional()),
  pageSize: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(500, "At most 500 topics per page").optional(),
  ),
  /** name (default), size, messages or partitions: the figures largest first. */
  sort: z.preprocess(
    emptyToUndefined,
    z.enum(TOPIC_SORTS, { message: `Sort by ${TOPIC_SORTS.join(", ")}` }).optional(),
  ),
  /** "true" or "1" includes internal topics. */
  internal: z.preprocess(
    (value) =>
      value === undefined || value === "" ? undefined : value === true || value === "true" || value === "1",
    z.boolean().optional(),
  ),
});

export type TopicListQuery = z.infer<typeof topicListQuerySchema>;
