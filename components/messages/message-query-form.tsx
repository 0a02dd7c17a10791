"use client";

import { useState, type FormEvent } from "react";
import type { FilterSyntaxError } from "@/lib/messages/events";
import {
  checkQueryForm,
  syntaxFieldErrors,
  type QueryField,
  type QueryFieldErrors,
  type QueryFormValues,
} from "@/lib/messages/query-form";
import { MAX_RESULTS_LIMIT, type MessageQuery, type StartPosition } from "@/lib/schemas/messages";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import {
  FILTER_FIELDS,
  hasFilters,
  MessageFilterFields,
  QueryTextField,
  type QueryFormFields,
} from "./message-filter-fields";

const START_LABELS: Record<StartPosition, string> = {
  newest: "Newest messages",
  oldest: "Oldest messages",
  offset: "From an offset",
  timestamp: "From a time",
  tail: "Live tail (from now)",
};

interface MessageQueryFormProps {
  initialValues: QueryFormValues;
  partitions: number[];
  running: boolean;
  /** Errors the server sent back (a syntax error found by the sandbox, invalid fields). */
  serverErrors?: QueryFieldErrors;
  serverSyntax?: FilterSyntaxError;
  validateFilters?: (query: MessageQuery) => FilterSyntaxError[];
  onSearch: (query: MessageQuery) => void;
  onStop: () => void;
}

/** Where to start, which partition, how many, and the filters; Enter searches. */
export function MessageQueryForm({
  initialValues,
  partitions,
  running,
  serverErrors,
  serverSyntax,
  validateFilters,
  onSearch,
  onStop,
}: MessageQueryFormProps) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<QueryFieldErrors>({});
  const [syntax, setSyntax] = useState<FilterSyntaxError[]>([]);
  const [showFilters, setShowFilters] = useState(() => hasFilters(initialValues));
  const set = <F extends QueryField>(field: F, value: QueryFormValues[F]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const allErrors: QueryFieldErrors = {
    ...serverErrors,
    ...(serverSyntax && syntaxFieldErrors([serverSyntax])),
    ...errors,
  };
  const allSyntax = serverSyntax ? [...syntax, serverSyntax] : syntax;
  // A filter the server refused opens the filters, so its error is in view.
  const filtersForced = Object.keys(allErrors).some((field) => FILTER_FIELDS.has(field as QueryField));
  const syntaxOf = (field: QueryField) => allSyntax.find((error) => error.field === field);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const check = checkQueryForm(values, validateFilters);
    if (!check.ok) {
      setErrors(check.errors);
      setSyntax(check.syntax);
      return;
    }
    setErrors({});
    setSyntax([]);
    onSearch(check.query);
  };

  const form: QueryFormFields = { values, set, errors: allErrors, syntaxOf };

  return (
    <form aria-label="Search messages" className="space-y-4 px-5 py-4" onSubmit={submit} noValidate>
      <div className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Start" errors={allErrors.start}>
          {(control) => (
            <Select
              {...control}
              name="start"
              value={values.start}
              onChange={(event) => set("start", event.target.value as StartPosition)}
            >
              {Object.entries(START_LABELS).map(([start, label]) => (
                <option key={start} value={start}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {values.start === "offset" && (
          <QueryTextField
            form={form}
            field="offset"
            label="Offset"
            placeholder="0"
            hint={values.partition === "" ? "In every partition." : undefined}
          />
        )}
        {values.start === "timestamp" && (
          <Field label="Time" hint="Your local time." errors={allErrors.timestamp}>
            {(control) => (
              <TextInput
                {...control}
                type="datetime-local"
                step={1}
                name="timestamp"
                value={values.timestamp}
                onChange={(event) => set("timestamp", event.target.value)}
              />
            )}
          </Field>
        )}
        <Field label="Partition" errors={allErrors.partition}>
          {(control) => (
            <Select
              {...control}
              name="partition"
              value={values.partition}
              onChange={(event) => set("partition", event.target.value)}
            >
              <option value="">All partitions</option>
              {partitions.map((partition) => (
                <option key={partition} value={String(partition)}>
                  Partition {partition}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label={values.start === "newest" ? "Number of messages" : "Maximum results"}
          hint={
            values.start === "tail"
              ? "The tail stops after this many (50 if empty)."
              : `Up to ${MAX_RESULTS_LIMIT.toLocaleString("en")}; 50 if empty.`
          }
          errors={allErrors.max}
        >
          {(control) => (
            <TextInput
              {...control}
              name="max"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_RESULTS_LIMIT}
              placeholder="50"
              value={values.max}
              onChange={(event) => set("max", event.target.value)}
            />
          )}
        </Field>
      </div>

      <MessageFilterFields
        form={form}
        open={showFilters || filtersForced}
        active={hasFilters(values)}
        onToggle={setShowFilters}
        onSubmit={() => submit()}
      />

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary">
          {running ? "Search again" : "Search"}
        </Button>
        {running && (
          <Button onClick={onStop} data-testid="stop-search">
            Stop
          </Button>
        )}
      </div>
    </form>
  );
}
