"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TableCell } from "@/components/ui/table";
import {
  CONFIG_SOURCE_LABELS,
  isDefaultSource,
  shownValue,
  type ConfigEntry,
  type ConfigResource,
} from "@/lib/schemas/configs";

import { ConfigValueInput } from "./config-value-input";

export type RowDraft = { kind: "set"; value: string; error: string | null } | { kind: "reset" } | null;

/** One config: name and documentation, value (or its editor), source, flags, and the row's buttons. */
export function ConfigRow({
  entry,
  resourceType,
  canEdit,
  draft,
  onEdit,
  onReset,
  onUndo,
}: {
  entry: ConfigEntry;
  resourceType: ConfigResource["type"];
  canEdit: boolean;
  draft: RowDraft;
  onEdit: (value: string) => void;
  onReset: () => void;
  onUndo: () => void;
}) {
  const own = !isDefaultSource(entry.source, resourceType);
  const editable = canEdit && !entry.readOnly;
  return (
    <tr className={draft ? "bg-amber-50/60 dark:bg-amber-950/20" : undefined}>
      <TableCell className="max-w-md align-top">
        <div className="font-mono text-sm break-all">{entry.name}</div>
        {entry.documentation && (
          <details className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
            <summary className="cursor-pointer select-none">Documentation</summary>
            <p className="mt-1 whitespace-pre-line">{entry.documentation}</p>
          </details>
        )}
      </TableCell>
      <TableCell className="align-top">
        {draft?.kind === "set" ? (
          <ConfigValueInput
            name={entry.name}
            type={entry.type}
            sensitive={entry.sensitive}
            value={draft.value}
            error={draft.error}
            onChange={onEdit}
          />
        ) : (
          <span className="font-mono text-sm break-all">
            {draft?.kind === "reset" ? (
              <>
                <s>{shownValue(entry.value, entry.sensitive)}</s> → {entry.defaultValue ?? "the default"}
              </>
            ) : (
              shownValue(entry.value, entry.sensitive)
            )}
          </span>
        )}
        {own && entry.defaultValue !== null && !draft && (
          <div className="text-xs text-zinc-500">default {entry.defaultValue}</div>
        )}
      </TableCell>
      <TableCell className="align-top text-xs">
        <div>{CONFIG_SOURCE_LABELS[entry.source]}</div>
        <div className="text-zinc-500">{entry.type}</div>
      </TableCell>
      <TableCell className="align-top">
        <div className="flex flex-wrap gap-1">
          {own && <Badge tone="info">changed</Badge>}
          {entry.sensitive && <Badge tone="warning">sensitive</Badge>}
          {entry.readOnly && <Badge>read-only</Badge>}
        </div>
      </TableCell>
      {canEdit && (
        <TableCell className="align-top whitespace-nowrap">
          {draft ? (
            <Button variant="ghost" aria-label={`Undo ${entry.name}`} onClick={onUndo}>
              Undo
            </Button>
          ) : (
            editable && (
              <div className="flex gap-1">
                <Button
                  variant="ghost"
                  aria-label={`Edit ${entry.name}`}
                  onClick={() => onEdit(entry.sensitive ? "" : (entry.value ?? ""))}
                >
                  Edit
                </Button>
                {own && (
                  <Button variant="ghost" aria-label={`Reset ${entry.name} to default`} onClick={onReset}>
                    Reset
                  </Button>
                )}
              </div>
            )
          )}
        </TableCell>
      )}
    </tr>
  );
}
