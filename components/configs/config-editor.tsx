"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";

import { EmptyState } from "@/components/ui/empty-state";
import { Button } from "@/components/ui/button";
import { FormMessage, TextInput } from "@/components/ui/field";
import { Table, TableBody, TableHead, TableHeaderCell } from "@/components/ui/table";
import type { ActionResult } from "@/lib/errors";
import {
  checkConfigValue,
  configResourceLabel,
  isDefaultSource,
  shownValue,
  type AlterConfigsInput,
  type ConfigChange,
  type ConfigEntry,
  type ConfigResource,
  type ConfigsAltered,
} from "@/lib/schemas/configs";

import { ConfigChangePreview } from "./config-change-preview";
import { ConfigRow, type RowDraft } from "./config-row";

/** A server action that alters the resource's configs; `target` names the resource (cluster, topic or broker). */
export type ConfigsAction<T> = (
  previous: null,
  payload: T & AlterConfigsInput,
) => Promise<ActionResult<ConfigsAltered>>;

type Step =
  | { kind: "edit" }
  | { kind: "preview"; changes: ConfigChange[] }
  | { kind: "applied"; changes: ConfigChange[] };

/**
 * The configs of a topic, a broker or the cluster-wide default: filter by name, show only the
 * changed ones, edit values with type checks or reset them, review old → new (checked by the broker
 * with validateOnly) and apply. A refusal is shown with Kafka's code and changes nothing.
 */
export function ConfigEditor<T extends Record<string, unknown>>({
  resource,
  entries,
  canEdit,
  target,
  action,
}: {
  resource: ConfigResource;
  entries: ConfigEntry[];
  canEdit: boolean;
  target: T;
  action?: ConfigsAction<T>;
}) {
  const router = useRouter();
  const [filter, setFilter] = useState("");
  const [changedOnly, setChangedOnly] = useState(false);
  const [drafts, setDrafts] = useState<Record<string, RowDraft>>({});
  const [step, setStep] = useState<Step>({ kind: "edit" });
  const [error, setError] = useState<string>();
  const [working, startWork] = useTransition();
  const editable = canEdit && action !== undefined;
  const label = configResourceLabel(resource);

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return entries.filter(
      (entry) =>
        (!needle || entry.name.toLowerCase().includes(needle)) &&
        (!changedOnly || !isDefaultSource(entry.source, resource.type) || drafts[entry.name]),
    );
  }, [entries, filter, changedOnly, drafts, resource.type]);

  const pending = Object.entries(drafts).filter(([, draft]) => draft !== null);
  const invalid = pending.some(([, draft]) => draft?.kind === "set" && draft.error);
  const request = (validateOnly: boolean): T & AlterConfigsInput => ({
    ...target,
    set: Object.fromEntries(
      pending.flatMap(([name, draft]) => (draft?.kind === "set" ? [[name, draft.value]] : [])),
    ),
    reset: pending.flatMap(([name, draft]) => (draft?.kind === "reset" ? [name] : [])),
    validateOnly,
  });
  const setDraft = (name: string, draft: RowDraft) => {
    setDrafts((current) => ({ ...current, [name]: draft }));
    setError(undefined);
    if (step.kind !== "edit") setStep({ kind: "edit" });
  };
  const send = (validateOnly: boolean) =>
    startWork(async () => {
      if (!action) return;
      const result = await action(null, request(validateOnly));
      if (!result.ok) {
        setError(result.error);
        setStep({ kind: "edit" });
        return;
      }
      setError(undefined);
      if (validateOnly) return setStep({ kind: "preview", changes: result.data.changes });
      setDrafts({});
      setStep({ kind: "applied", changes: result.data.changes });
      router.refresh();
    });

  return (
    <div className="space-y-3 px-5 py-4">
      <div className="flex flex-wrap items-center gap-3">
        <TextInput
          type="search"
          aria-label="Filter configs by name"
          placeholder="Filter by name"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          className="w-64"
        />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={changedOnly}
            onChange={(event) => setChangedOnly(event.target.checked)}
          />
          Changed only
        </label>
        <span className="text-sm text-zinc-500">
          {shown.length} of {entries.length}
        </span>
        {editable && pending.length > 0 && step.kind === "edit" && (
          <Button
            variant="primary"
            disabled={invalid || working}
            onClick={() => send(true)}
            className="ml-auto"
          >
            {working
              ? "Checking…"
              : `Review ${pending.length} ${pending.length === 1 ? "change" : "changes"}`}
          </Button>
        )}
      </div>
      {error && <FormMessage tone="error">{error} Nothing was changed.</FormMessage>}
      {step.kind === "preview" && (
        <ConfigChangePreview
          changes={step.changes}
          resourceLabel={label}
          working={working}
          onApply={() => send(false)}
          onCancel={() => setStep({ kind: "edit" })}
        />
      )}
      {step.kind === "applied" && (
        <FormMessage tone="notice">
          Applied to {label}:{" "}
          {step.changes
            .map(
              (change) =>
                `${change.name} ${shownValue(change.before, change.sensitive)} → ${shownValue(change.after, change.sensitive)}`,
            )
            .join("; ") || "nothing changed"}
          .
        </FormMessage>
      )}
      {shown.length === 0 ? (
        <EmptyState
          headingLevel="h2"
          title={entries.length ? "No config matches" : "No configs"}
          description={
            entries.length
              ? "Clear the filter or the “changed only” switch."
              : "The broker listed no configs here."
          }
        />
      ) : (
        <Table aria-label={`Configs of ${label}`}>
          <TableHead>
            <tr>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Value</TableHeaderCell>
              <TableHeaderCell>Source</TableHeaderCell>
              <TableHeaderCell>Flags</TableHeaderCell>
              {editable && (
                <TableHeaderCell>
                  <span className="sr-only">Actions</span>
                </TableHeaderCell>
              )}
            </tr>
          </TableHead>
          <TableBody>
            {shown.map((entry) => (
              <ConfigRow
                key={entry.name}
                entry={entry}
                resourceType={resource.type}
                canEdit={editable}
                draft={drafts[entry.name] ?? null}
                onEdit={(value) =>
                  setDraft(entry.name, { kind: "set", value, error: checkConfigValue(entry.type, value) })
                }
                onReset={() => setDraft(entry.name, { kind: "reset" })}
                onUndo={() => setDraft(entry.name, null)}
              />
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
