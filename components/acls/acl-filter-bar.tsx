"use client";

import { OPERATIONS, PATTERN_TYPES, PERMISSIONS, RESOURCE_TYPES } from "@/lib/acl/types";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { EMPTY_FILTERS, SORT_LABELS, type BindingFilters, type BindingSortKey } from "./binding-filters";

interface AclFilterBarProps {
  filters: BindingFilters;
  onFilters: (filters: BindingFilters) => void;
  sort: { key: BindingSortKey; descending: boolean };
  onSort: (sort: { key: BindingSortKey; descending: boolean }) => void;
}

const textFields = [
  ["q", "Search"],
  ["principal", "Principal contains"],
  ["resourceName", "Resource name contains"],
  ["host", "Host contains"],
] as const;

const choiceFields = [
  ["resourceType", "Resource type", RESOURCE_TYPES],
  ["patternType", "Pattern type", PATTERN_TYPES],
  ["operation", "Operation", OPERATIONS],
  ["permission", "Permission", PERMISSIONS],
] as const;

/** Filters on every field, a free-text search and the sort within each principal. */
export function AclFilterBar({ filters, onFilters, sort, onSort }: AclFilterBarProps) {
  const set = (change: Partial<BindingFilters>) => onFilters({ ...filters, ...change });
  return (
    <search
      aria-label="Filter bindings"
      className="grid gap-3 border-b border-zinc-200 px-5 py-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800"
    >
      {textFields.map(([name, label]) => (
        <Field key={name} label={label}>
          {(control) => (
            <TextInput
              {...control}
              type="search"
              value={filters[name]}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => set({ [name]: event.target.value })}
            />
          )}
        </Field>
      ))}
      {choiceFields.map(([name, label, options]) => (
        <Field key={name} label={label}>
          {(control) => (
            <Select
              {...control}
              value={filters[name]}
              onChange={(event) => set({ [name]: event.target.value })}
            >
              <option value="">Any</option>
              {options.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ))}
      <Field label="Sort by">
        {(control) => (
          <Select
            {...control}
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
      <Field label="Order">
        {(control) => (
          <Select
            {...control}
            value={sort.descending ? "desc" : "asc"}
            onChange={(event) => onSort({ ...sort, descending: event.target.value === "desc" })}
          >
            <option value="asc">Ascending</option>
            <option value="desc">Descending</option>
          </Select>
        )}
      </Field>
      <div className="flex items-end">
        <Button variant="ghost" onClick={() => onFilters(EMPTY_FILTERS)}>
          Clear filters
        </Button>
      </div>
    </search>
  );
}
