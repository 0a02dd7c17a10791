"use client";

import { Field, Select, TextInput } from "@/components/ui/field";
import { RESET_MODE_LABELS, RESET_MODES, type ResetMode } from "@/lib/schemas/group-reset";

/** The reset form's inputs: the mode, the input that mode needs, and the scope. Uncontrolled, read as FormData. */
export function ResetModeFields({
  mode,
  onModeChange,
  errors,
  topics,
}: {
  mode: ResetMode;
  onModeChange: (mode: ResetMode) => void;
  errors?: Record<string, string[]>;
  /** Offered in the topic field: the topics the group committed offsets for. */
  topics: string[];
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Field label="Reset to" errors={errors?.mode}>
        {(control) => (
          <Select
            {...control}
            name="mode"
            value={mode}
            onChange={(event) => onModeChange(event.target.value as ResetMode)}
          >
            {RESET_MODES.map((value) => (
              <option key={value} value={value}>
                {RESET_MODE_LABELS[value]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {mode === "datetime" && (
        <Field
          label="Date and time"
          hint="ISO 8601; without a zone it is UTC, e.g. 2026-12-04T09:30"
          errors={errors?.datetime}
        >
          {(control) => <TextInput {...control} name="datetime" required placeholder="2026-12-04T09:30" />}
        </Field>
      )}
      {mode === "duration" && (
        <Field label="Duration ago" hint="ISO 8601, e.g. PT30M, PT6H, P1DT12H" errors={errors?.duration}>
          {(control) => <TextInput {...control} name="duration" required placeholder="PT1H" />}
        </Field>
      )}
      {mode === "offset" && (
        <Field label="Offset" hint="Clamped into each partition's range" errors={errors?.offset}>
          {(control) => <TextInput {...control} name="offset" required inputMode="numeric" placeholder="0" />}
        </Field>
      )}
      {mode === "shift" && (
        <Field label="Shift by" hint="From the committed offset, e.g. -100 or +5" errors={errors?.shift}>
          {(control) => <TextInput {...control} name="shift" required placeholder="-100" />}
        </Field>
      )}
      {mode === "group" && (
        <Field label="From group" hint="Its committed offsets are copied" errors={errors?.fromGroup}>
          {(control) => <TextInput {...control} name="fromGroup" required />}
        </Field>
      )}
      <Field label="Topic" hint="Empty: every partition the group committed" errors={errors?.topic}>
        {(control) => (
          <>
            <TextInput {...control} name="topic" list="reset-topics" autoComplete="off" />
            <datalist id="reset-topics">
              {topics.map((topic) => (
                <option key={topic} value={topic} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Partitions" hint="Of the topic, e.g. 0, 2; empty: all" errors={errors?.partitions}>
        {(control) => <TextInput {...control} name="partitions" placeholder="all" />}
      </Field>
    </div>
  );
}
