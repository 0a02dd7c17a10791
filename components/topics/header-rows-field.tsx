"use client";

import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";

export interface HeaderRow {
  id: number;
  name: string;
  value: string;
}

let nextHeaderId = 0;
/** A row with a key React can keep while rows above it are removed. */
export const headerRow = (name = "", value = ""): HeaderRow => ({ id: ++nextHeaderId, name, value });

interface HeaderRowsFieldProps {
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
  errors?: string[];
}

/** Message headers as name/value rows to add and remove; a nameless row is marked when refused. */
export function HeaderRowsField({ rows, onChange, errors }: HeaderRowsFieldProps) {
  const update = (id: number, change: Partial<HeaderRow>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Headers</legend>
      {rows.length === 0 && <p className="text-sm text-zinc-500 dark:text-zinc-400">No headers.</p>}
      {rows.map((row, index) => (
        <div key={row.id} className="flex flex-wrap items-center gap-2">
          <TextInput
            aria-label={`Header ${index + 1} name`}
            value={row.name}
            placeholder="name"
            autoComplete="off"
            spellCheck={false}
            className="w-48 font-mono"
            aria-invalid={errors && row.name.trim() === "" ? true : undefined}
            onChange={(event) => update(row.id, { name: event.target.value })}
          />
          <TextInput
            aria-label={`Header ${index + 1} value`}
            value={row.value}
            placeholder="value"
            autoComplete="off"
            spellCheck={false}
            className="min-w-0 flex-1 font-mono"
            onChange={(event) => update(row.id, { value: event.target.value })}
          />
          <Button
            variant="ghost"
            aria-label={`Remove header ${index + 1}`}
            onClick={() => onChange(rows.filter((candidate) => candidate.id !== row.id))}
          >
            Remove
          </Button>
        </div>
      ))}
      {errors && <p className="text-xs text-red-700 dark:text-red-400">{errors.join(" ")}</p>}
      <Button variant="ghost" onClick={() => onChange([...rows, headerRow()])}>
        Add header
      </Button>
    </fieldset>
  );
}
