"use client";

import { useId, useRef } from "react";
import { SAN_TYPES, type SanType } from "@/lib/schemas/certificates";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";

const TYPE_LABELS: Record<SanType, string> = { dns: "DNS", ip: "IP", email: "Email", uri: "URI" };
const PLACEHOLDERS: Record<SanType, string> = {
  dns: "app.example.com",
  ip: "10.0.0.7",
  email: "team@example.com",
  uri: "spiffe://prod/app",
};

export interface SanRow {
  key: number;
  type: SanType;
  value: string;
}

let lastKey = 0;
export const newSanRow = (): SanRow => ({ key: ++lastKey, type: "dns", value: "" });

interface SanRowsProps {
  rows: SanRow[];
  setRows: (update: (rows: SanRow[]) => SanRow[]) => void;
  fieldErrors?: Record<string, string[]>;
}

/**
 * Subject alternative names as rows of type and value, sent as parallel sanType/sanValue fields.
 * Errors come keyed by row ("subjectAltNames.1.value"): the form drops empty rows from the screen
 * and from what it sends alike (keepFilledSanRows), so each error lands on its own row.
 */
export function SanRows({ rows, setRows, fieldErrors }: SanRowsProps) {
  const id = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const groupErrors = fieldErrors?.subjectAltNames;

  const add = () => {
    setRows((current) => [...current, newSanRow()]);
    // Focus the new row's value once it is rendered.
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLInputElement>("li:last-child input")?.focus(),
    );
  };
  const remove = (key: number) => setRows((current) => current.filter((row) => row.key !== key));

  return (
    <fieldset aria-describedby={`${id}-hint`} data-san-rows className="min-w-0">
      <legend className="text-sm font-medium">Subject alternative names</legend>
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
        Optional. Host names, IP addresses, e-mail addresses or URIs the certificate also stands for; brokers
        need their host names here.
      </p>
      <ol ref={listRef} className="mt-2 space-y-2">
        {rows.map((row, index) => {
          const errors = [
            ...(fieldErrors?.[`subjectAltNames.${index}.value`] ?? []),
            ...(fieldErrors?.[`subjectAltNames.${index}.type`] ?? []),
            ...(fieldErrors?.[`subjectAltNames.${index}`] ?? []),
          ];
          const errorId = `${id}-${row.key}-error`;
          return (
            <li key={row.key} className="flex flex-wrap items-start gap-2">
              <Select
                name="sanType"
                aria-label={`Type of alternative name ${index + 1}`}
                value={row.type}
                onChange={(event) =>
                  setRows((current) =>
                    current.map((other) =>
                      other.key === row.key ? { ...other, type: event.target.value as SanType } : other,
                    ),
                  )
                }
                className="w-28"
              >
                {SAN_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {TYPE_LABELS[type]}
                  </option>
                ))}
              </Select>
              <div className="min-w-0 flex-1">
                <TextInput
                  name="sanValue"
                  aria-label={`Value of alternative name ${index + 1}`}
                  placeholder={PLACEHOLDERS[row.type]}
                  value={row.value}
                  onChange={(event) =>
                    setRows((current) =>
                      current.map((other) =>
                        other.key === row.key ? { ...other, value: event.target.value } : other,
                      ),
                    )
                  }
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={errors.length > 0 || undefined}
                  aria-describedby={errors.length > 0 ? errorId : undefined}
                  className="w-full"
                />
                {errors.length > 0 && (
                  <p id={errorId} className="mt-1 text-xs text-red-700 dark:text-red-400">
                    {errors.join(" ")}
                  </p>
                )}
              </div>
              <Button
                variant="ghost"
                onClick={() => remove(row.key)}
                aria-label={`Remove alternative name ${index + 1}`}
              >
                Remove
              </Button>
            </li>
          );
        })}
      </ol>
      {groupErrors && <p className="mt-1 text-xs text-red-700 dark:text-red-400">{groupErrors.join(" ")}</p>}
      <Button onClick={add} className="mt-2">
        Add alternative name
      </Button>
    </fieldset>
  );
}

/** The rows worth sending; the form shows exactly these afterwards, so error indexes match. */
export function keepFilledSanRows(rows: SanRow[], formData: FormData): SanRow[] {
  const kept = rows.filter((row) => row.value.trim() !== "");
  formData.delete("sanType");
  formData.delete("sanValue");
  for (const row of kept) {
    formData.append("sanType", row.type);
    formData.append("sanValue", row.value);
  }
  return kept;
}
