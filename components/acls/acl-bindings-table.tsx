"use client";

import { useMemo, useRef } from "react";
import Link from "next/link";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { AclLintFinding } from "@/lib/acl/lint";
import type { BindingFlags } from "@/lib/acl/lint-before-create";
import { bindingKey, describeBinding, type AclBinding } from "@/lib/acl/types";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { PrincipalGroup } from "./binding-filters";
import { LintFlag } from "./lint-flag";
import { aclsPath } from "@/lib/paths";

type Row = { kind: "group"; group: PrincipalGroup } | { kind: "binding"; binding: AclBinding };

const ROW_HEIGHT = 41;
const COLUMNS = ["Host", "Resource type", "Resource name", "Pattern", "Operation", "Permission"];

interface AclBindingsTableProps {
  cluster: string;
  groups: PrincipalGroup[];
  /** Null for viewers: no checkboxes, no delete buttons. */
  selection: Set<string> | null;
  onToggle: (binding: AclBinding) => void;
  onDeletePrincipal: (principal: string) => void;
  /** The linter's findings by binding and by principal, shown as flags on the rows. */
  flags?: { byBinding: BindingFlags; byPrincipal: ReadonlyMap<string, AclLintFinding[]> };
}

/**
 * Every binding, grouped by principal, in one scrolling table: only the rows in view are rendered
 * (spacer rows keep the scroll height), so 10,000 bindings stay as quick as 10.
 */
export function AclBindingsTable({
  cluster,
  groups,
  selection,
  onToggle,
  onDeletePrincipal,
  flags,
}: AclBindingsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo<Row[]>(
    () =>
      groups.flatMap((group) => [
        { kind: "group", group } as const,
        ...group.bindings.map((binding) => ({ kind: "binding", binding }) as const),
      ]),
    [groups],
  );
  // The React Compiler is not enabled here; the virtualizer re-renders this component as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columnCount = COLUMNS.length + (selection ? 1 : 0);

  return (
    <div ref={scrollRef} className="max-h-[36rem] overflow-auto" data-testid="acl-bindings-scroll">
      <table
        aria-label="ACL bindings"
        aria-rowcount={rows.length + 1}
        className="w-full border-collapse text-left text-sm"
      >
        <thead className="sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          <tr aria-rowindex={1}>
            {selection && (
              <th scope="col" className="w-10 px-3 py-2.5">
                <span className="sr-only">Selected</span>
              </th>
            )}
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="px-3 py-2.5 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr aria-hidden style={{ height: before }} />}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            if (row.kind === "group") {
              const { principal, bindings, total } = row.group;
              return (
                <tr
                  key={`group:${principal}`}
                  aria-rowindex={item.index + 2}
                  style={{ height: ROW_HEIGHT }}
                  className="border-y border-zinc-200 bg-zinc-100/70 dark:border-zinc-800 dark:bg-zinc-800/50"
                >
                  <th scope="rowgroup" colSpan={columnCount} className="px-3 py-1.5 text-left font-medium">
                    <div className="flex items-center justify-between gap-3">
                      <span className="min-w-0 truncate">
                        <span className="font-mono">{principal}</span>{" "}
                        <LintFlag findings={flags?.byPrincipal.get(principal)} />{" "}
                        <span className="font-normal text-zinc-600 dark:text-zinc-400">
                          {bindings.length === total
                            ? `${total} ${total === 1 ? "binding" : "bindings"}`
                            : `${bindings.length} of ${total} bindings`}
                        </span>
                      </span>
                      {selection && (
                        <Button
                          variant="ghost"
                          className="py-0.5 text-xs"
                          onClick={() => onDeletePrincipal(principal)}
                        >
                          Delete all of {principal}…
                        </Button>
                      )}
                    </div>
                  </th>
                </tr>
              );
            }
            const { binding } = row;
            const key = bindingKey(binding);
            const linkable =
              (binding.resourceType === "TOPIC" || binding.resourceType === "GROUP") &&
              binding.patternType === "LITERAL" &&
              binding.resourceName !== "*";
            return (
              <tr
                key={key}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
                className="border-b border-zinc-100 dark:border-zinc-800"
              >
                {selection && (
                  <td className="px-3">
                    <input
                      type="checkbox"
                      className="size-4"
                      aria-label={`Select ${describeBinding(binding)}`}
                      checked={selection.has(key)}
                      onChange={() => onToggle(binding)}
                    />
                  </td>
                )}
                <td className="px-3 font-mono text-xs">{binding.host}</td>
                <td className="px-3 text-xs">{binding.resourceType}</td>
                <td className="max-w-[18rem] truncate px-3 font-mono text-xs" title={binding.resourceName}>
                  {linkable ? (
                    <Link
                      href={`${aclsPath(cluster, { resource: { type: binding.resourceType as "TOPIC" | "GROUP", name: binding.resourceName } })}#by-resource`}
                      className="underline underline-offset-2"
                    >
                      {binding.resourceName}
                    </Link>
                  ) : (
                    binding.resourceName
                  )}
                </td>
                <td className="px-3 text-xs">{binding.patternType}</td>
                <td className="px-3 text-xs">{binding.operation}</td>
                <td className={cn("px-3")}>
                  <span className="flex items-center gap-1.5">
                    <Badge tone={binding.permission === "DENY" ? "danger" : "success"}>
                      {binding.permission}
                    </Badge>
                    <LintFlag findings={flags?.byBinding.get(binding)} />
                  </span>
                </td>
              </tr>
            );
          })}
          {after > 0 && <tr aria-hidden style={{ height: after }} />}
        </tbody>
      </table>
    </div>
  );
}
