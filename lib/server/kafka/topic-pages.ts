// Pure helpers for the topic list: which names make up a page, and message counts from watermarks.
import type { TopicSort } from "@/lib/schemas/topics";

export interface TopicPageQuery {
  /** Case-insensitive substring of the name. */
  q?: string;
  /** 1-based. */
  page?: number;
  pageSize?: number;
  /** Include internal topics (__consumer_offsets, __transaction_state). */
  internal?: boolean;
  /** Name ascending (default); size, messages and partitions descending, unknown figures last. */
  sort?: TopicSort;
}

export const DEFAULT_TOPIC_PAGE_SIZE = 50;
export const MAX_TOPIC_PAGE_SIZE = 500;

export interface NamedTopic {
  name: string;
  internal: boolean;
}

/** The topics the query's search and internal switch keep, in no particular order. */
export function matchingTopics<T extends NamedTopic>(topics: readonly T[], query: TopicPageQuery): T[] {
  const needle = query.q?.trim().toLowerCase() ?? "";
  return topics.filter(
    (topic) => (query.internal || !topic.internal) && topic.name.toLowerCase().includes(needle),
  );
}

const byName = (a: NamedTopic, b: NamedTopic) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Filters, sorts and slices: only the page's topics go on to the (costly) lookups. `figureOf` gives
 * the sort's figure (size, messages, partitions) largest first; null (unknown) sorts last, ties by
 * name. A page past the end is clamped to the last one, so a shrinking search never shows an empty page.
 */
export function selectTopicPage<T extends NamedTopic>(
  topics: readonly T[],
  query: TopicPageQuery,
  figureOf?: (topic: T) => bigint | number | null,
) {
  const pageSize = Math.min(
    Math.max(Math.trunc(query.pageSize ?? DEFAULT_TOPIC_PAGE_SIZE), 1),
    MAX_TOPIC_PAGE_SIZE,
  );
  const matching = matchingTopics(topics, query);
  if (figureOf) {
    const figures = new Map(matching.map((topic) => [topic, figureOf(topic)]));
    matching.sort((a, b) => {
      const [left, right] = [figures.get(a) ?? null, figures.get(b) ?? null];
      if (left === right) return byName(a, b);
      if (left === null) return 1;
      if (right === null) return -1;
      return left > right ? -1 : left < right ? 1 : byName(a, b);
    });
  } else matching.sort(byName);
  const lastPage = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(Math.max(Math.trunc(query.page ?? 1), 1), lastPage);
  return {
    total: matching.length,
    page,
    pageSize,
    topics: matching.slice((page - 1) * pageSize, page * pageSize),
  };
}

export interface PartitionWatermarks {
  low: bigint;
  high: bigint;
}

/**
 * Σ(high − low) as a decimal string: exact for plain topics, an upper bound for compacted ones (their
 * offsets have gaps) and for transactional ones (control records take offsets). Null when any
 * partition's watermarks are missing: a partial sum would look exact.
 */
export function messageCount(partitions: readonly (PartitionWatermarks | undefined)[]): string | null {
  let total = 0n;
  for (const partition of partitions) {
    if (!partition) return null;
    if (partition.high > partition.low) total += partition.high - partition.low;
  }
  return total.toString();
}
