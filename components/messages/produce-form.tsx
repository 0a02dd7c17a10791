"use client";

import { startTransition, useActionState, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { produceMessages } from "@/lib/actions/produce-messages";
import {
  COMPRESSIONS,
  MAX_PRODUCE_COPIES,
  type Compression,
  type ProduceMessagesAnswer,
  type ProduceMessagesInput,
} from "@/lib/schemas/messages";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import { HeaderRowsField, headerRow, type HeaderRow } from "@/components/topics/header-rows-field";
import { describeProduced, firstWritten } from "@/components/topics/produce-summary";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Select, TextInput, inputClassName } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { topicMessagePath } from "@/lib/paths";

export interface ProduceFormProps {
  cluster: string;
  topic: string;
  partitions: number[];
  /** Prefilled fields, e.g. a message to republish (edited or not). */
  initial?: Partial<ProduceMessagesInput>;
  /** Lets the topic be changed (republish to another topic). */
  topicEditable?: boolean;
  onProduced?: (answer: ProduceMessagesAnswer) => void;
}

type ProduceState = Awaited<ReturnType<typeof produceMessages>>;
type ProducePayload = ProduceMessagesInput & { cluster: string };

/** The JSON parser's complaint about the value, or null when it parses. */
function jsonProblem(value: string): string | null {
  try {
    JSON.parse(value);
    return null;
  } catch (error) {
    return `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Produce one message or N copies (operator): by key or to a partition, text or validated JSON, headers, compression. */
export function ProduceForm({
  cluster,
  topic,
  partitions,
  initial,
  topicEditable,
  onProduced,
}: ProduceFormProps) {
  const [targetTopic, setTargetTopic] = useState(initial?.topic ?? topic);
  const [partition, setPartition] = useState(
    initial?.partition === undefined || initial.partition === null ? "" : String(initial.partition),
  );
  const [key, setKey] = useState(initial?.key ?? "");
  const [value, setValue] = useState(initial?.value ?? "");
  const [valueFormat, setValueFormat] = useState<"text" | "json">(initial?.valueFormat ?? "text");
  const [headers, setHeaders] = useState<HeaderRow[]>(() =>
    (initial?.headers ?? []).map((header) => headerRow(header.name, header.value)),
  );
  const [compression, setCompression] = useState<Compression>(initial?.compression ?? "none");
  const [copies, setCopies] = useState(initial?.copies === undefined ? "1" : String(initial.copies));
  const [localErrors, setLocalErrors] = useState<Record<string, string[]> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const formatId = useId();

  const [state, dispatch, pending] = useActionState(
    async (previous: ProduceState | null, payload: ProducePayload) => {
      const result = await produceMessages(previous, payload);
      if (result.ok) onProduced?.(result.data);
      return result;
    },
    null,
  );
  const liveJsonError = useMemo(
    () => (valueFormat === "json" && value.trim() !== "" ? jsonProblem(value) : null),
    [valueFormat, value],
  );
  const serverErrors = state && !state.ok ? state.fieldErrors : undefined;
  const errors = localErrors ?? serverErrors;
  useFocusFirstInvalid(formRef, localErrors ?? (serverErrors ? state : null));

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (pending) return;
    const refused: Record<string, string[]> = {};
    if (valueFormat === "json") {
      const problem = jsonProblem(value);
      if (problem) refused.value = [problem];
    }
    const rows = headers.filter((row) => row.name.trim() !== "" || row.value !== "");
    if (rows.some((row) => row.name.trim() === "")) refused.headers = ["Every header needs a name."];
    if (!targetTopic.trim()) refused.topic = ["Choose a topic."];
    if (Object.keys(refused).length > 0) {
      setLocalErrors(refused);
      return;
    }
    setLocalErrors(null);
    const payload: ProducePayload = {
      cluster,
      topic: targetTopic.trim(),
      partition: partition === "" ? undefined : partition,
      key: key === "" ? undefined : key,
      value,
      valueFormat,
      headers: rows.map(({ name, value: headerValue }) => ({ name: name.trim(), value: headerValue })),
      compression,
      copies,
    };
    startTransition(() => dispatch(payload));
  };

  const produced = state?.ok ? state.data : null;
  const valueErrors = liveJsonError ? [liveJsonError] : errors?.value;

  return (
    <form ref={formRef} onSubmit={submit} aria-label="Produce a message" noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Topic" errors={errors?.topic}>
          {(control) => (
            <TextInput
              {...control}
              name="topic"
              value={targetTopic}
              readOnly={!topicEditable}
              autoComplete="off"
              spellCheck={false}
              className={cn(control.className, "font-mono", !topicEditable && "bg-zinc-50 dark:bg-zinc-900")}
              onChange={(event) => {
                setTargetTopic(event.target.value);
                setLocalErrors(null);
              }}
            />
          )}
        </Field>
        <Field label="Partition" hint="Automatic: by key, else round-robin." errors={errors?.partition}>
          {(control) =>
            topicEditable && targetTopic !== topic ? (
              <TextInput
                {...control}
                name="partition"
                inputMode="numeric"
                placeholder="automatic"
                value={partition}
                onChange={(event) => setPartition(event.target.value.trim())}
              />
            ) : (
              <Select
                {...control}
                name="partition"
                value={partition}
                onChange={(event) => setPartition(event.target.value)}
              >
                <option value="">Automatic</option>
                {partitions.map((candidate) => (
                  <option key={candidate} value={String(candidate)}>
                    Partition {candidate}
                  </option>
                ))}
              </Select>
            )
          }
        </Field>
        <Field label="Key" hint="Empty: no key." errors={errors?.key}>
          {(control) => (
            <TextInput
              {...control}
              name="key"
              value={key}
              autoComplete="off"
              spellCheck={false}
              className={cn(control.className, "font-mono")}
              onChange={(event) => setKey(event.target.value)}
            />
          )}
        </Field>
      </div>

      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Value format</legend>
        <div className="flex gap-4 text-sm" role="radiogroup" aria-describedby={formatId}>
          {(["text", "json"] as const).map((format) => (
            <label key={format} className="flex items-center gap-2">
              <input
                type="radio"
                name="valueFormat"
                value={format}
                checked={valueFormat === format}
                onChange={() => setValueFormat(format)}
              />
              {format === "text" ? "Text" : "JSON"}
            </label>
          ))}
        </div>
        <p id={formatId} className="text-xs text-zinc-500 dark:text-zinc-400">
          JSON is checked as you type and sent exactly as written (UTF-8).
        </p>
      </fieldset>
      <Field label="Value" hint="Ctrl+Enter (⌘+Enter) sends." errors={valueErrors}>
        {(control) => (
          <textarea
            {...control}
            name="value"
            rows={8}
            spellCheck={false}
            value={value}
            className={cn(inputClassName, control.className, "font-mono")}
            onChange={(event) => {
              setValue(event.target.value);
              setLocalErrors(null);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit(event);
            }}
          />
        )}
      </Field>

      <HeaderRowsField
        rows={headers}
        onChange={(rows) => {
          setHeaders(rows);
          setLocalErrors(null);
        }}
        errors={errors?.headers}
      />

      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Compression" errors={errors?.compression}>
          {(control) => (
            <Select
              {...control}
              name="compression"
              value={compression}
              onChange={(event) => setCompression(event.target.value as Compression)}
            >
              {COMPRESSIONS.map((codec) => (
                <option key={codec} value={codec}>
                  {codec}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label="Copies"
          hint={`Send the same message up to ${MAX_PRODUCE_COPIES.toLocaleString("en")} times, for testing.`}
          errors={errors?.copies}
        >
          {(control) => (
            <TextInput
              {...control}
              name="copies"
              type="number"
              min={1}
              max={MAX_PRODUCE_COPIES}
              value={copies}
              onChange={(event) => setCopies(event.target.value)}
            />
          )}
        </Field>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" aria-busy={pending || undefined} disabled={pending}>
          {pending ? "Sending…" : "Produce"}
        </Button>
      </div>
      {!localErrors && state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
      {!localErrors && produced && (
        <FormMessage tone="notice">
          {describeProduced(produced)} <ProducedLink cluster={cluster} produced={produced} />
        </FormMessage>
      )}
    </form>
  );
}

/**
 * The first message sent, opened in the inspector. A full page load: the inspector reads its search
 * from the address when it mounts, and it may already be mounted (republishing from its drawer).
 */
function ProducedLink({ cluster, produced }: { cluster: string; produced: ProduceMessagesAnswer }) {
  const first = firstWritten(produced);
  if (!first) return null;
  return (
    <a
      href={topicMessagePath(
        cluster,
        produced.topic,
        first.partition,
        first.offset,
        Math.min(produced.count, 100),
      )}
      className="font-medium underline underline-offset-2"
    >
      {produced.count === 1 ? "Open it in the inspector" : "Open the first in the inspector"}
    </a>
  );
}
