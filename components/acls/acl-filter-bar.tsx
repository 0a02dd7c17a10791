"use client";

import { useId, useState } from "react";
import { OPERATIONS, PATTERN_TYPES, PERMISSIONS, RESOURCE_TYPES } from "@/lib/acl/types";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import {
  EMPTY_FILTERS,
  MORE_FILTERS,
  SORT_LABELS,
  hasMoreFilters,
  type BindingFilters,
  type BindingSortKey,
} from "./binding-filters";

interface AclFilterBarProps {
  filters: BindingFilters;
  onFilters: (filters: BindingFilters) => void;
  sort: { key: BindingSortKey; descending: boolean };
  onSort: (sort: { key: BindingSortKey; descending: boolean }) => void;
}

type TextFilter = "q" | "principal" | "resourceName" | "host";
type ChoiceFilter = "resourceType" | "patternType" | "operation" | "permission";

const TEXT_LABELS: Record<TextFilter, string> = {
  q: "Search",
  principal: "Principal contains",
  resourceName: "Resource name contains",
  host: "Host contains",
};

// One height for text boxes and selects, so the labels of the row line up.
const CONTROL = "h-9 w-full";

const CHOICES: Record<ChoiceFilter, { label: string; options: readonly string[] }> = {
  resourceType: { label: "Resource type", options: RESOURCE_TYPES },
  patternType: { label: "Pattern type", options: PATTERN_TYPES },
  operation: { label: "Operation", options: OPERATIONS },
  permission: { label: "Permission", options: PERMISSIONS },
};

/**
 * One row: search, principal, resource type and permission; resource name, host, pattern type,
 * operation and the sort behind "More filters" (open from the start when a link set one of them).
 */
export function AclFilterBar({ filters, onFilters, sort, onSort }: AclFilterBarProps) {
  const set = (change: Partial<BindingFilters>) => onFilters({ ...filters, ...change });
  const [more, setMore] = useState(() => hasMoreFilters(filters));
  const moreId = useId();
  const moreSet = MORE_FILTERS.filter((name) => filters[name]).length;

  const text = (name: TextFilter, className: string) => (
    <Field key={name} label={TEXT_LABELS[name]} className={className}>
      {(control) => (
        <TextInput
          {...control}
          className={CONTROL}
          type="search"
          value={filters[name]}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => set({ [name]: event.target.value })}
        />
      )}
    </Field>
  );
  const choice = (name: ChoiceFilter, className: string) => (
    <Field key={name} label={CHOICES[name].label} className={className}>
      {(control) => (
        <Select
          {...control}
          className={CONTROL}
          value={filters[name]}
          onChange={(event) => set({ [name]: event.target.value })}
        >
          <option value="">Any</option>
          {CHOICES[name].options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );

  return (
    <search aria-label="Filter bindings" className="border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-end gap-3">
        {text("q", "min-w-40 flex-[2]")}
        {text("principal", "min-w-40 flex-[2]")}
        {choice("resourceType", "w-40")}
        {choice("permission", "w-28")}
        <Button variant="ghost" aria-expanded={more} aria-controls={moreId} onClick={() => setMore(!more)}>
          {more ? "Fewer filters" : "More filters"}
          {moreSet > 0 && !more && ` (${moreSet})`}
        </Button>
        <Button variant="ghost" onClick={() => onFilters(EMPTY_FILTERS)}>
          Clear filters
        </Button>
      </div>
      <div id={moreId} hidden={!more} className="mt-3 flex flex-wrap items-end gap-3">
        {text("resourceName", "min-w-40 flex-[2]")}
        {text("host", "min-w-32 flex-1")}
        {choice("patternType", "w-32")}
        {choice("operation", "w-44")}
        <Field label="Sort by" className="w-40">
          {(control) => (
            <Select
              {...control}
              className={CONTROL}
              value={sort.key}
              onChange={(event) => onSort({ ...sort, key: event.target.value as BindingSortKey })}
            >
              {Object.entries(SORT_LABELS).map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Order" className="w-32">
          {(control) => (
            <Select
              {...control}
              className={CONTROL}
              value={sort.descending ? "desc" : "asc"}
              onChange={(event) => onSort({ ...sort, descending: event.target.value === "desc" })}
            >
              <option value="asc">Ascending</option>
              <option value="desc">Descending</option>
            </Select>
          )}
        </Field>
      </div>
    </search>
  );
}
