// The consumer-group list's query, shared by the page's URL and the REST route.
import { z } from "zod";

/** Group types as ListGroups v5 reports them; older brokers report none, and every group there is classic. */
export const GROUP_TYPES = ["classic", "consumer", "share", "streams"] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

/** States as brokers spell them (classic and KIP-848 groups share most; Assigning/Reconciling are KIP-848's). */
export const GROUP_STATES = [
  "Stable",
  "Empty",
  "PreparingRebalance",
  "CompletingRebalance",
  "Assigning",
  "Reconciling",
  "NotReady",
  "Dead",
  "Unknown",
] as const;

export const GROUP_SORTS = ["name", "lag", "members"] as const;
export type GroupSort = (typeof GROUP_SORTS)[number];

export const DEFAULT_GROUP_PAGE_SIZE = 50;
export const MAX_GROUP_PAGE_SIZE = 200;

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const groupListQuerySchema = z.object({
  /** Case-insensitive substring of the group id. */
  q: z.preprocess(emptyToUndefined, z.string().max(255).optional()),
  type: z.preprocess(emptyToUndefined, z.enum(GROUP_TYPES).optional()),
  /** Compared case-insensitively, so STABLE and Stable both match. */
  state: z.preprocess(emptyToUndefined, z.string().max(40).optional()),
  /** Only the groups with committed offsets on this topic (exact name). */
  topic: z.preprocess(emptyToUndefined, z.string().trim().max(249).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(GROUP_SORTS).optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1, "Pages start at 1").optional()),
  pageSize: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_GROUP_PAGE_SIZE, `At most ${MAX_GROUP_PAGE_SIZE} groups per page`)
      .optional(),
  ),
});

export type GroupListQuery = z.infer<typeof groupListQuerySchema>;
