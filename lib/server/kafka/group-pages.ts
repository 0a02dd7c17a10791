// Pure helpers for the consumer-group list and a group's offsets: which groups make up a page, how
// they sort, and lag from committed and log end offsets. No Kafka calls.
import {
  DEFAULT_GROUP_PAGE_SIZE,
  MAX_GROUP_PAGE_SIZE,
  type GroupListQuery,
  type GroupSort,
} from "@/lib/schemas/groups";

/** A group as ListGroups reports it. */
export interface ListedGroup {
  id: string;
  /** classic, consumer (KIP-848), share (KIP-932), streams, or what else a broker reports, lower case. */
  type: string;
  state: string;
  protocolType: string;
}

/** ListGroups before v5 reports no type: every group on such a broker is a classic one. */
export function groupTypeOf(reported: string | undefined | null): string {
  const type = reported?.trim().toLowerCase();
  return type ? type : "classic";
}

/** The query's search, type and state applied, sorted by id: the list before any Kafka call but ListGroups. */
export function filterGroups<T extends ListedGroup>(groups: readonly T[], query: GroupListQuery): T[] {
  const needle = query.q?.trim().toLowerCase() ?? "";
  const state = query.state?.trim().toLowerCase();
  return groups
    .filter(
      (group) =>
        group.id.toLowerCase().includes(needle) &&
        (!query.type || group.type === query.type) &&
        (!state || group.state.toLowerCase() === state),
    )
    .sort((a, b) => compareIds(a.id, b.id));
}

/** Page and page size, bounded; a page past the end is the last one, so a shrinking search never shows an empty page. */
export function pageOf(total: number, query: Pick<GroupListQuery, "page" | "pageSize">) {
  const pageSize = Math.min(
    Math.max(Math.trunc(query.pageSize ?? DEFAULT_GROUP_PAGE_SIZE), 1),
    MAX_GROUP_PAGE_SIZE,
  );
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(Math.trunc(query.page ?? 1), 1), lastPage);
  return { page, pageSize, start: (page - 1) * pageSize, end: page * pageSize };
}

/** What sorting by lag or members compares; null when it could not be had (sorted last). */
export interface GroupFigures {
  members: number | null;
  totalLag: bigint | null;
}

/** Largest first for lag and members (the groups that need attention), then by id; by id alone for "name". */
export function sortGroups<T extends ListedGroup>(
  groups: readonly T[],
  sort: GroupSort,
  figures: ReadonlyMap<string, GroupFigures>,
): T[] {
  if (sort === "name") return [...groups].sort((a, b) => compareIds(a.id, b.id));
  const value = (group: T): bigint | null => {
    const figure = figures.get(group.id);
    if (!figure) return null;
    if (sort === "lag") return figure.totalLag;
    return figure.members === null ? null : BigInt(figure.members);
  };
  // Each group's value read once, not at every comparison (10,000 groups: ~140,000 comparisons).
  const keyed = groups.map((group) => ({ group, value: value(group) }));
  keyed.sort((a, b) => {
    if (a.value === b.value) return compareIds(a.group.id, b.group.id);
    if (a.value === null) return 1;
    if (b.value === null) return -1;
    return a.value > b.value ? -1 : 1;
  });
  return keyed.map(({ group }) => group);
}

/**
 * How far the group is behind on one partition: log end − committed, never negative (a committed
 * offset past a truncated log counts as caught up). Null without a commit or a log end offset.
 */
export function partitionLag(committed: bigint | null, logEnd: bigint | null): bigint | null {
  if (committed === null || committed < 0n || logEnd === null) return null;
  return logEnd > committed ? logEnd - committed : 0n;
}

/**
 * The lag summed over the partitions the group committed: null when it committed none, or when any
 * committed partition's log end offset is missing (a partial sum would look exact).
 */
export function totalLag(
  partitions: readonly { committed: bigint | null; logEnd: bigint | null }[],
): bigint | null {
  let total = 0n;
  let counted = 0;
  for (const { committed, logEnd } of partitions) {
    if (committed === null || committed < 0n) continue;
    const lag = partitionLag(committed, logEnd);
    if (lag === null) return null;
    total += lag;
    counted += 1;
  }
  return counted === 0 ? null : total;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
