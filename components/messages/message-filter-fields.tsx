"use client";

import type { KeyboardEvent } from "react";
import type { FilterSyntaxError } from "@/lib/messages/events";
import type { QueryField, QueryFieldErrors, QueryFormValues } from "@/lib/messages/query-form";
import { KEY_MATCH_MODES, VALUE_MATCH_MODES } from "@/lib/schemas/messages";
import { Field, Select, TextInput, inputClassName } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { SyntaxCaret } from "./syntax-caret";

/** The form's state as its field groups need it. */
export interface QueryFormFields {
  values: QueryFormValues;
  set: <F extends QueryField>(field: F, value: QueryFormValues[F]) => void;
  errors: QueryFieldErrors;
  syntaxOf: (field: QueryField) => FilterSyntaxError | undefined;
}

export const FILTER_FIELDS = new Set<QueryField>([
  "key",
  "header",
  "headerValue",
  "value",
  "jsonPath",
  "from",
  "to",
  "js",
]);

export function hasFilters(values: QueryFormValues): boolean {
  return [...FILTER_FIELDS].some((field) => values[field].trim() !== "");
}

/** A text field of the query, with its errors and, for a syntax error, a caret under the column. */
export function QueryTextField({
  form,
  field,
  label,
  placeholder,
  hint,
}: {
  form: QueryFormFields;
  field: QueryField;
  label: string;
  placeholder?: string;
  hint?: string;
}) {
  const syntax = form.syntaxOf(field);
  return (
    <Field label={label} hint={hint} errors={form.errors[field]}>
      {(control) => (
        <>
          <TextInput
            {...control}
            name={field}
            value={form.values[field]}
            placeholder={placeholder}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => form.set(field, event.target.value)}
          />
          {syntax && <SyntaxCaret text={form.values[field]} error={syntax} />}
        </>
      )}
    </Field>
  );
}

interface MessageFilterFieldsProps {
  form: QueryFormFields;
  open: boolean;
  /** Some filter is filled in: the summary says so while collapsed. */
  active: boolean;
  onToggle: (open: boolean) => void;
  /** Ctrl+Enter in the JavaScript expression. */
  onSubmit: () => void;
}

/** Structured filters and the JavaScript expression, combined with AND; collapsed when unused. */
export function MessageFilterFields({ form, open, active, onToggle, onSubmit }: MessageFilterFieldsProps) {
  return (
    <details
      open={open}
      onToggle={(event) => onToggle(event.currentTarget.open)}
      className="rounded-md border border-zinc-200 dark:border-zinc-800"
    >
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium select-none">
        Filters{active ? " (active)" : ""}
      </summary>
      <div className="grid gap-3 border-t border-zinc-200 px-3 py-3 sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800">
        <QueryTextField form={form} field="key" label="Key" placeholder="4412abe2" />
        <ModeSelect
          label="Key match"
          value={form.values.keyMode}
          modes={KEY_MATCH_MODES}
          onChange={(mode) => form.set("keyMode", mode)}
        />
        <QueryTextField form={form} field="header" label="Header name" placeholder="content_type" />
        <QueryTextField form={form} field="headerValue" label="Header value" placeholder="application/json" />
        <QueryTextField form={form} field="value" label="Value" placeholder="error" />
        <ModeSelect
          label="Value match"
          value={form.values.valueMode}
          modes={VALUE_MATCH_MODES}
          onChange={(mode) => form.set("valueMode", mode)}
        />
        <div className="sm:col-span-2">
          <QueryTextField
            form={form}
            field="jsonPath"
            label="JSON path"
            placeholder={'$.device_id == "4412abe2"'}
          />
        </div>
        <Field label="Timestamp from" hint="Your local time, inclusive." errors={form.errors.from}>
          {(control) => (
            <TextInput
              {...control}
              type="datetime-local"
              step={1}
              name="from"
              value={form.values.from}
              onChange={(event) => form.set("from", event.target.value)}
            />
          )}
        </Field>
        <Field label="Timestamp to" hint="Inclusive." errors={form.errors.to}>
          {(control) => (
            <TextInput
              {...control}
              type="datetime-local"
              step={1}
              name="to"
              value={form.values.to}
              onChange={(event) => form.set("to", event.target.value)}
            />
          )}
        </Field>
        <Field
          className="sm:col-span-2 lg:col-span-4"
          label="JavaScript expression"
          hint="Over key, value, headers, partition, offset, timestamp; runs in a sandbox on the server. Ctrl+Enter searches."
          errors={form.errors.js}
        >
          {(control) => (
            <>
              <textarea
                {...control}
                name="js"
                rows={3}
                spellCheck={false}
                placeholder='value.temp > 30 && headers["content_type"] === "application/json"'
                className={cn(inputClassName, "w-full font-mono text-xs")}
                value={form.values.js}
                onChange={(event) => form.set("js", event.target.value)}
                onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
                  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) onSubmit();
                }}
              />
              {form.syntaxOf("js") && <SyntaxCaret text={form.values.js} error={form.syntaxOf("js")!} />}
            </>
          )}
        </Field>
      </div>
    </details>
  );
}

function ModeSelect<M extends string>({
  label,
  value,
  modes,
  onChange,
}: {
  label: string;
  value: M;
  modes: readonly M[];
  onChange: (mode: M) => void;
}) {
  return (
    <Field label={label}>
      {(control) => (
        <Select {...control} value={value} onChange={(event) => onChange(event.target.value as M)}>
          {modes.map((mode) => (
            <option key={mode} value={mode}>
              {mode === "regex" ? "regular expression" : mode}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
