// Pure helpers for the topic list: which names make up a page, and message counts from watermarks.

export interface TopicPageQuery {
  /** Case-insensitive substring of the name. */
  q?: string;
  /** 1-based. */
  page?: number;
  pageSize?: number;
  /** Include internal topics (__consumer_offsets, __transaction_state). */
  internal?: boolean;
}

export const DEFAULT_TOPIC_PAGE_SIZE = 50;
export const MAX_TOPIC_PAGE_SIZE = 500;

export interface NamedTopic {
  name: string;
  internal: boolean;
}

/**
 * Filters, sorts by name and slices: only the page's topics go on to the (costly) offset lookups.
 * A page past the end is clamped to the last one, so a shrinking search never shows an empty page.
 */
export function selectTopicPage<T extends NamedTopic>(topics: readonly T[], query: TopicPageQuery) {
  const needle = query.q?.trim().toLowerCase() ?? "";
  const pageSize = Math.min(
    Math.max(Math.trunc(query.pageSize ?? DEFAULT_TOPIC_PAGE_SIZE), 1),
    MAX_TOPIC_PAGE_SIZE,
  );
  const matching = topics
    .filter((topic) => (query.internal || !topic.internal) && topic.name.toLowerCase().includes(needle))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
