"use client";

import { ConfigValueInput } from "@/components/configs/config-value-input";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { checkConfigValue, type ConfigEntry } from "@/lib/schemas/configs";

export interface NewTopicConfig {
  name: string;
  value: string;
}

/** The new topic's configs: each picked from the broker's own list, with its documentation, default and a type-checked value. */
export function NewTopicConfigRows({
  catalog,
  rows,
  onChange,
}: {
  catalog: ConfigEntry[];
  rows: NewTopicConfig[];
  onChange: (rows: NewTopicConfig[]) => void;
}) {
  const byName = new Map(catalog.map((entry) => [entry.name, entry]));
  const chosen = new Set(rows.map((row) => row.name));
  const available = catalog.filter((entry) => !entry.readOnly && !chosen.has(entry.name));
  const update = (index: number, row: NewTopicConfig) =>
    onChange(rows.map((current, at) => (at === index ? row : current)));
  const add = (name: string) => {
    const entry = byName.get(name);
    if (entry)
      onChange([...rows, { name, value: entry.sensitive ? "" : (entry.defaultValue ?? entry.value ?? "") }]);
  };

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">Configs</legend>
      {rows.length === 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          None: the topic takes the broker&apos;s defaults. Add a config to set its own value.
        </p>
      )}
      <ul className="space-y-3">
        {rows.map((row, index) => {
          const entry = byName.get(row.name);
          const error = entry ? checkConfigValue(entry.type, row.value) : null;
          return (
            <li key={row.name} className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800">
              <div className="flex flex-wrap items-start gap-3">
                <div className="min-w-48">
                  <div className="font-mono text-sm">{row.name}</div>
                  <div className="text-xs text-zinc-500">
                    {entry?.type ?? "unknown type"}
                    {entry && !entry.sensitive && (
                      <> · default {entry.defaultValue ?? entry.value ?? "(none)"}</>
                    )}
                  </div>
                </div>
                <div className="min-w-60 flex-1">
                  <ConfigValueInput
                    name={row.name}
                    type={entry?.type ?? "string"}
                    sensitive={entry?.sensitive ?? false}
                    value={row.value}
                    error={error}
                    onChange={(value) => update(index, { ...row, value })}
                  />
                </div>
                <Button
                  variant="ghost"
                  aria-label={`Remove ${row.name}`}
                  onClick={() => onChange(rows.filter((_, at) => at !== index))}
                >
                  Remove
                </Button>
              </div>
              {entry?.documentation && (
                <p className="mt-1 text-xs whitespace-pre-line text-zinc-600 dark:text-zinc-400">
                  {entry.documentation}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {available.length > 0 && (
        <Select
          aria-label="Add a config"
          value=""
          onChange={(event) => add(event.target.value)}
          className="w-80"
        >
          <option value="">Add a config…</option>
          {available.map((entry) => (
            <option key={entry.name} value={entry.name}>
              {entry.name}
            </option>
          ))}
        </Select>
      )}
    </fieldset>
  );
}

/** Whether every row's value fits its config's type. */
export function configRowsValid(catalog: ConfigEntry[], rows: NewTopicConfig[]): boolean {
  const byName = new Map(catalog.map((entry) => [entry.name, entry]));
  return rows.every((row) => {
    const entry = byName.get(row.name);
    return !entry || checkConfigValue(entry.type, row.value) === null;
  });
}
