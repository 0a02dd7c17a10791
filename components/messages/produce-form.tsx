"use client";

import { startTransition, useActionState, useMemo, useRef, useState, type FormEvent } from "react";
import { produceMessages } from "@/lib/actions/produce-messages";
import type { Compression, ProduceMessagesAnswer, ProduceMessagesInput } from "@/lib/schemas/messages";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import { HeaderRowsField, headerRow, type HeaderRow } from "@/components/topics/header-rows-field";
import { Button } from "@/components/ui/button";
import { Field, TextInput, inputClassName } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import type { SchemaChoice } from "@/lib/schemas/schema-produce";

import { DeliveryFields } from "./delivery-fields";
import { ProduceOutcome, type ProduceState } from "./produce-outcome";
import { ProduceTargetFields } from "./produce-target-fields";
import { RegistryChoices, type ProduceRegistry } from "./schema-choice-field";
import { useProduceSchema, useSchemaValueCheck } from "./use-produce-schema";
import { ValueFormatField } from "./value-format-field";

export interface ProduceFormProps {
  cluster: string;
  topic: string;
  partitions: number[];
  /** Prefilled fields, e.g. a message to republish (edited or not). */
  initial?: Partial<ProduceMessagesInput>;
  /** Lets the topic be changed (republish to another topic). */
  topicEditable?: boolean;
  onProduced?: (answer: ProduceMessagesAnswer) => void;
  /** Absent: no schema choices (no registry, or a form that does not offer them). */
  registry?: ProduceRegistry;
}

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
  registry,
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
  // TopicNameStrategy: the topic's own subjects are the default, when the registry has them.
  const topicSubjects = registry?.topicSubjects.state === "ok" ? registry.topicSubjects : undefined;
  const [keyChoice, setKeyChoice] = useState<SchemaChoice | null>(() =>
    topicSubjects?.key && !initial ? { subject: topicSubjects.key, version: "latest" } : null,
  );
  const [valueChoice, setValueChoice] = useState<SchemaChoice | null>(() =>
    topicSubjects?.value && !initial ? { subject: topicSubjects.value, version: "latest" } : null,
  );
  const keySchema = useProduceSchema(cluster, keyChoice ?? undefined);
  const valueSchema = useProduceSchema(cluster, valueChoice ?? undefined);
  const keyCheck = useSchemaValueCheck(cluster, keyChoice ?? undefined, key);
  const valueCheck = useSchemaValueCheck(cluster, valueChoice ?? undefined, value);
  const formRef = useRef<HTMLFormElement>(null);

  const [state, dispatch, pending] = useActionState(
    async (previous: ProduceState | null, payload: ProducePayload) => {
      const result = await produceMessages(previous, payload);
      if (result.ok) onProduced?.(result.data);
      return result;
    },
    null,
  );
  const valueIsJson = valueFormat === "json" || valueChoice !== null;
  const liveJsonError = useMemo(
    () => (valueIsJson && value.trim() !== "" ? jsonProblem(value) : null),
    [valueIsJson, value],
  );
  const serverErrors = state && !state.ok ? state.fieldErrors : undefined;
  const errors = localErrors ?? serverErrors;
  useFocusFirstInvalid(formRef, localErrors ?? (serverErrors ? state : null));

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (pending) return;
    const refused: Record<string, string[]> = {};
    if (valueIsJson) {
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
      valueFormat: valueIsJson ? "json" : valueFormat,
      // An empty key is no key, encoded or not.
      keySchema: keyChoice && key !== "" ? keyChoice : undefined,
      valueSchema: valueChoice ?? undefined,
      headers: rows.map(({ name, value: headerValue }) => ({ name: name.trim(), value: headerValue })),
      compression,
      copies,
    };
    startTransition(() => dispatch(payload));
  };

  const valueErrors = liveJsonError
    ? [liveJsonError]
    : valueCheck && !valueCheck.fits && !localErrors
      ? [valueCheck.message]
      : errors?.value;
  const keyErrors =
    keyChoice && key !== "" && keyCheck && !keyCheck.fits && !localErrors ? [keyCheck.message] : errors?.key;

  return (
    <form ref={formRef} onSubmit={submit} aria-label="Produce a message" noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <ProduceTargetFields
          topic={topic}
          partitions={partitions}
          targetTopic={targetTopic}
          topicEditable={topicEditable}
          partition={partition}
          errors={errors}
          onTargetTopic={(changed) => {
            setTargetTopic(changed);
            setLocalErrors(null);
          }}
          onPartition={setPartition}
        />
        <Field
          label="Key"
          hint={keyChoice ? "JSON, encoded with the key schema. Empty: no key." : "Empty: no key."}
          errors={keyErrors}
        >
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

      {registry && (
        <RegistryChoices
          cluster={cluster}
          topic={targetTopic.trim()}
          registry={registry}
          keyChoice={keyChoice}
          valueChoice={valueChoice}
          keyLookup={keySchema}
          valueLookup={valueSchema}
          onKeyChoice={(choice) => {
            setKeyChoice(choice);
            setLocalErrors(null);
          }}
          onValueChoice={(choice) => {
            setValueChoice(choice);
            setLocalErrors(null);
          }}
        />
      )}

      <ValueFormatField valueFormat={valueFormat} onChange={setValueFormat} hidden={valueChoice !== null} />
      <Field
        label="Value"
        hint={
          valueChoice
            ? `JSON, checked against the schema as you type and encoded with it. ${fitText(valueCheck) ?? ""} Ctrl+Enter (⌘+Enter) sends.`
            : "Ctrl+Enter (⌘+Enter) sends."
        }
        errors={valueErrors}
      >
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

      <DeliveryFields
        compression={compression}
        copies={copies}
        errors={errors}
        onCompression={setCompression}
        onCopies={setCopies}
      />

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" aria-busy={pending || undefined} disabled={pending}>
          {pending ? "Sending…" : "Produce"}
        </Button>
      </div>
      {!localErrors && <ProduceOutcome cluster={cluster} state={state} />}
    </form>
  );
}

/** "Fits orders-value version 2 (schema id 3)." once the server's check says so. */
function fitText(check: ReturnType<typeof useSchemaValueCheck>): string | undefined {
  return check?.fits ? `Fits version ${check.version} (schema id ${check.schemaId}).` : undefined;
}
