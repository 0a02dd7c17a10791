// Addresses and number formatting shared by the topic list and the topic page.

export function topicHref(topic: string, tab?: "messages" | "partitions" | "produce"): string {
  const path = `/console/topics/${encodeURIComponent(topic)}`;
  return tab && tab !== "messages" ? `${path}?tab=${tab}` : path;
}

/** A decimal string of any size (offsets are int64) with thousands separators. */
export function formatCount(decimal: string): string {
  return /^\d+$/.test(decimal) ? BigInt(decimal).toLocaleString("en") : decimal;
}

/** The list's address for a page, keeping the search and the internal switch. */
export function topicListHref(params: { q?: string; internal?: boolean; page?: number }): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.internal) search.set("internal", "1");
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const text = search.toString();
  return text ? `/console/topics?${text}` : "/console/topics";
}
