import {
  OPERATIONS,
  PATTERN_TYPES,
  PERMISSIONS,
  RESOURCE_TYPES,
  type AclBinding,
  type AclOperation,
  type AclPatternType,
  type AclPermission,
  type AclResourceType,
} from "@/lib/acl/types";

export const bindingCount = (count: number) => `${count} ${count === 1 ? "binding" : "bindings"}`;

/** What the list shows: every field a filter, plus free text over all of them. */
export interface BindingFilters {
  principal: string;
  host: string;
  resourceType: AclResourceType | "";
  resourceName: string;
  patternType: AclPatternType | "";
  operation: AclOperation | "";
  permission: AclPermission | "";
  q: string;
}

export const EMPTY_FILTERS: BindingFilters = {
  principal: "",
  host: "",
  resourceType: "",
  resourceName: "",
  patternType: "",
  operation: "",
  permission: "",
  q: "",
};

export type BindingSortKey = "resourceName" | "resourceType" | "operation" | "permission" | "host";

export const SORT_LABELS: Record<BindingSortKey, string> = {
  resourceName: "Resource name",
  resourceType: "Resource type",
  operation: "Operation",
  permission: "Permission",
  host: "Host",
};

const contains = (value: string, needle: string) =>
  needle === "" || value.toLowerCase().includes(needle.trim().toLowerCase());

export function matchesFilters(binding: AclBinding, filters: BindingFilters): boolean {
  if (!contains(binding.principal, filters.principal)) return false;
  if (!contains(binding.host, filters.host)) return false;
  if (!contains(binding.resourceName, filters.resourceName)) return false;
  if (filters.resourceType && binding.resourceType !== filters.resourceType) return false;
  if (filters.patternType && binding.patternType !== filters.patternType) return false;
  if (filters.operation && binding.operation !== filters.operation) return false;
  if (filters.permission && binding.permission !== filters.permission) return false;
  if (filters.q.trim() === "") return true;
  const haystack = [
    binding.principal,
    binding.host,
    binding.resourceType,
    binding.resourceName,
    binding.patternType,
    binding.operation,
    binding.permission,
  ]
    .join(" ")
    .toLowerCase();
  // Every word must appear somewhere: "metrics deny" finds DENY bindings on metrics.
  return filters.q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

export interface PrincipalGroup {
  principal: string;
  /** The principal's bindings that pass the filters, sorted. */
  bindings: AclBinding[];
  /** All of the principal's bindings, filtered or not. */
  total: number;
}

/** Bindings grouped by principal (groups in principal order), each group sorted by the chosen field. */
export function groupBindings(
  all: readonly AclBinding[],
  filters: BindingFilters,
  sort: { key: BindingSortKey; descending: boolean },
): PrincipalGroup[] {
  const totals = new Map<string, number>();
  const groups = new Map<string, AclBinding[]>();
  for (const binding of all) {
    totals.set(binding.principal, (totals.get(binding.principal) ?? 0) + 1);
    if (!matchesFilters(binding, filters)) continue;
    const group = groups.get(binding.principal);
    if (group) group.push(binding);
    else groups.set(binding.principal, [binding]);
  }
  const direction = sort.descending ? -1 : 1;
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([principal, bindings]) => ({
      principal,
      total: totals.get(principal) ?? bindings.length,
      bindings: bindings.sort(
        (a, b) =>
          direction * a[sort.key].localeCompare(b[sort.key]) ||
          a.resourceName.localeCompare(b.resourceName) ||
          a.operation.localeCompare(b.operation),
      ),
    }));
}

/** `?resource=topic:X` or `group:X`; anything else shows no by-resource view. */
export function parseResourceParam(
  value: string | undefined,
): { resourceType: "TOPIC" | "GROUP"; resourceName: string } | undefined {
  if (!value) return undefined;
  const match = /^(topic|group):(.+)$/i.exec(value);
  if (!match?.[1] || !match[2]) return undefined;
  return { resourceType: match[1].toLowerCase() === "topic" ? "TOPIC" : "GROUP", resourceName: match[2] };
}

const FILTER_CHOICES = {
  resourceType: RESOURCE_TYPES,
  patternType: PATTERN_TYPES,
  operation: OPERATIONS,
  permission: PERMISSIONS,
} as const;

/** The filters a link sets (`?principal=…&operation=WRITE`); unknown choices are left out. */
export function filtersFromSearchParams(
  params: Record<string, string | string[] | undefined>,
): Partial<BindingFilters> {
  const single = (name: keyof BindingFilters) => {
    const value = params[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  };
  const filters: Partial<BindingFilters> = {};
  for (const name of ["principal", "host", "resourceName", "q"] as const) {
    const value = single(name);
    if (value) filters[name] = value.slice(0, 1_000);
  }
  for (const [name, choices] of Object.entries(FILTER_CHOICES) as [
    keyof typeof FILTER_CHOICES,
    readonly string[],
  ][]) {
    const value = single(name).toUpperCase();
    if (choices.includes(value)) Object.assign(filters, { [name]: value });
  }
  return filters;
}

/** The filters behind "More filters": the compact row shows search, principal, resource type and permission. */
export const MORE_FILTERS = ["resourceName", "host", "patternType", "operation"] as const;

export const hasMoreFilters = (filters: Partial<BindingFilters>) =>
  MORE_FILTERS.some((name) => Boolean(filters[name]));
