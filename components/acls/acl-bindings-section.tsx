"use client";

import { useDeferredValue, useMemo, useState } from "react";
import type { AclLintFinding } from "@/lib/acl/lint";
import { flagsByBinding, flagsByPrincipal } from "@/lib/acl/lint-before-create";
import { bindingKey, type AclBinding } from "@/lib/acl/types";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { AclBindingsTable } from "./acl-bindings-table";
import { AclFilterBar } from "./acl-filter-bar";
import {
  EMPTY_FILTERS,
  bindingCount,
  groupBindings,
  type BindingFilters,
  type BindingSortKey,
} from "./binding-filters";
import { DeleteAclsDialog } from "./delete-acls-dialog";

interface Pending {
  title: string;
  bindings: AclBinding[];
}

/** The filterable, grouped list; admins select bindings and delete them after a confirmation. */
export function AclBindingsSection({
  cluster,
  bindings,
  canDelete,
  initialFilters,
  findings,
}: {
  cluster: string;
  bindings: AclBinding[];
  canDelete: boolean;
  initialFilters?: Partial<BindingFilters>;
  /** The linter's findings on these bindings, flagged on their rows. */
  findings?: AclLintFinding[];
}) {
  const flags = useMemo(
    () => ({ byBinding: flagsByBinding(findings ?? []), byPrincipal: flagsByPrincipal(findings ?? []) }),
    [findings],
  );
  const [filters, setFilters] = useState<BindingFilters>({ ...EMPTY_FILTERS, ...initialFilters });
  const [sort, setSort] = useState<{ key: BindingSortKey; descending: boolean }>({
    key: "resourceName",
    descending: false,
  });
  const [selected, setSelected] = useState<Map<string, AclBinding>>(new Map());
  const [pending, setPending] = useState<Pending>();
  const [notice, setNotice] = useState<string>();
  // Typing stays responsive with 10,000 bindings: the list catches up a frame later.
  const deferredFilters = useDeferredValue(filters);
  const groups = useMemo(
    () => groupBindings(bindings, deferredFilters, sort),
    [bindings, deferredFilters, sort],
  );
  const shown = groups.reduce((sum, group) => sum + group.bindings.length, 0);
  // Only what is still listed can be selected (a binding deleted elsewhere drops out on refresh).
  const present = useMemo(() => new Set(bindings.map(bindingKey)), [bindings]);
  const selection = [...selected.entries()].filter(([key]) => present.has(key)).map(([, binding]) => binding);
  const selectedKeys = useMemo(() => new Set(selection.map(bindingKey)), [selection]);

  const toggle = (binding: AclBinding) => {
    const next = new Map(selected);
    const key = bindingKey(binding);
    if (next.has(key)) next.delete(key);
    else next.set(key, binding);
    setSelected(next);
  };

  return (
    <>
      <AclFilterBar filters={filters} onFilters={setFilters} sort={sort} onSort={setSort} />
      <div className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
        <p aria-live="polite">
          {shown === bindings.length
            ? `${bindingCount(bindings.length)} of ${groups.length} ${groups.length === 1 ? "principal" : "principals"}`
            : `${shown} of ${bindingCount(bindings.length)} match, ${groups.length} ${groups.length === 1 ? "principal" : "principals"}`}
        </p>
        {canDelete && (
          <div className="flex items-center gap-3">
            <span className="text-zinc-600 dark:text-zinc-400">{selection.length} selected</span>
            {selection.length > 0 && (
              <Button variant="ghost" onClick={() => setSelected(new Map())}>
                Clear selection
              </Button>
            )}
            <Button
              disabled={selection.length === 0}
              onClick={() =>
                setPending({ title: `Delete ${bindingCount(selection.length)}?`, bindings: selection })
              }
            >
              Delete…
            </Button>
          </div>
        )}
      </div>
      {notice && (
        <div className="px-5 pb-3">
          <FormMessage tone="notice">{notice}</FormMessage>
        </div>
      )}
      {shown === 0 ? (
        <p className="border-t border-zinc-200 px-5 py-8 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          {bindings.length === 0 ? "No ACL bindings on this cluster." : "No binding matches these filters."}
        </p>
      ) : (
        <AclBindingsTable
          cluster={cluster}
          groups={groups}
          selection={canDelete ? selectedKeys : null}
          onToggle={toggle}
          flags={flags}
          onDeletePrincipal={(principal) =>
            setPending({
              title: `Delete every binding of ${principal}?`,
              bindings: bindings.filter((binding) => binding.principal === principal),
            })
          }
        />
      )}
      <DeleteAclsDialog
        cluster={cluster}
        bindings={pending?.bindings}
        title={pending?.title ?? ""}
        onClose={() => setPending(undefined)}
        onDeleted={(deleted, notFound) => {
          setNotice(
            `Deleted ${bindingCount(deleted.length)}.` +
              (notFound.length ? ` ${bindingCount(notFound.length)} had already gone from the cluster.` : ""),
          );
          const gone = new Set([...deleted, ...notFound].map(bindingKey));
          setSelected(new Map([...selected].filter(([key]) => !gone.has(key))));
          setPending(undefined);
        }}
      />
    </>
  );
}
