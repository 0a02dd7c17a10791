import "server-only";

import { notFound, redirect } from "next/navigation";
import { legacyConsolePath } from "@/lib/paths";
import { requirePagePermission } from "@/lib/server/auth";
import { defaultClusterName } from "@/lib/server/kafka";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The query string as the browser sent it (repeated keys kept), with its "?". */
function searchOf(params: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
      search.append(name, one);
  }
  return search.size > 0 ? `?${search}` : "";
}

/**
 * An address from before the cluster was in the URL (/console, /console/topics/orders?tab=produce, …)
 * leads to the same page of the default cluster, so guides and bookmarks keep working.
 */
export async function redirectToDefaultCluster(
  segments: readonly string[],
  searchParams: SearchParams,
): Promise<never> {
  await requirePagePermission("session.use");
  const cluster = defaultClusterName();
  const target =
    cluster === undefined ? undefined : legacyConsolePath(cluster, segments, searchOf(await searchParams));
  if (target === undefined) notFound();
  redirect(target);
}
