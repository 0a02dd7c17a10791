"use client";

import { useId } from "react";

import { Field, Select, TextInput } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import type { SchemaChoice, TopicSubjects } from "@/lib/schemas/schema-produce";

import type { SchemaLookup } from "./use-produce-schema";

/** The cluster's registry as the produce form sees it: the topic's subjects and every subject to choose from. */
export interface ProduceRegistry {
  topicSubjects: TopicSubjects;
  subjects: string[];
}

export interface SchemaChoiceFieldProps {
  part: "key" | "value";
  /** Null: no schema, the part is sent as typed (today's behaviour). */
  choice: SchemaChoice | null;
  onChange: (choice: SchemaChoice | null) => void;
  /** The subject picked when "Registered schema" is chosen (TopicNameStrategy's, when it exists). */
  defaultSubject: string;
  /** The registry's subjects, offered as one types. */
  subjects: readonly string[];
  lookup: SchemaLookup;
}

/** None or a registered schema (subject and version) for a produce's key or value, with the schema shown. */
export function SchemaChoiceField({
  part,
  choice,
  onChange,
  defaultSubject,
  subjects,
  lookup,
}: SchemaChoiceFieldProps) {
  const id = useId();
  const label = part === "key" ? "Key schema" : "Value schema";
  const found = lookup.state === "found" ? lookup.schema : undefined;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{label}</legend>
      {/* Named by the legend only: an aria-label "Value schema" would also answer to the label "Value". */}
      <div className="flex gap-4 text-sm" role="radiogroup">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`${part}Schema`}
            checked={choice === null}
            onChange={() => onChange(null)}
          />
          None
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`${part}Schema`}
            checked={choice !== null}
            onChange={() => onChange({ subject: defaultSubject, version: "latest" })}
          />
          Registered schema
        </label>
      </div>
      {choice && (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field
            label={part === "key" ? "Key subject" : "Value subject"}
            className="sm:col-span-2"
            errors={lookup.state === "failed" ? [lookup.message] : undefined}
          >
            {(control) => (
              <>
                <TextInput
                  {...control}
                  list={`${id}-subjects`}
                  value={choice.subject}
                  autoComplete="off"
                  spellCheck={false}
                  className={cn(control.className, "font-mono")}
                  onChange={(event) => onChange({ subject: event.target.value, version: "latest" })}
                />
                <datalist id={`${id}-subjects`}>
                  {subjects.map((subject) => (
                    <option key={subject} value={subject} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label={part === "key" ? "Key version" : "Value version"}>
            {(control) => (
              <Select
                {...control}
                value={String(choice.version)}
                onChange={(event) =>
                  onChange({
                    subject: choice.subject,
                    version: event.target.value === "latest" ? "latest" : Number(event.target.value),
                  })
                }
              >
                <option value="latest">
                  Latest{found && choice.version === "latest" ? ` (version ${found.version})` : ""}
                </option>
                {[...(found?.versions ?? (typeof choice.version === "number" ? [choice.version] : []))]
                  .reverse()
                  .map((version) => (
                    <option key={version} value={String(version)}>
                      Version {version}
                    </option>
                  ))}
              </Select>
            )}
          </Field>
        </div>
      )}
      {choice && found && (
        <details className="text-xs">
          <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">
            {found.schemaType} schema {found.subject}, version {found.version}, id {found.id}
            {found.references.length > 0 && `, ${found.references.length} references`}
          </summary>
          {/* The registry's text, rendered as text. */}
          <pre className="mt-1 max-h-64 overflow-auto rounded-md bg-zinc-50 p-2 font-mono dark:bg-zinc-900">
            {prettySchema(found.schema)}
          </pre>
        </details>
      )}
    </fieldset>
  );
}

/** Avro and JSON Schema texts are JSON: indented for reading; Protobuf's as registered. */
function prettySchema(schema: string): string {
  try {
    return JSON.stringify(JSON.parse(schema), null, 2);
  } catch {
    return schema;
  }
}

interface RegistryChoicesProps {
  cluster: string;
  topic: string;
  registry: ProduceRegistry;
  keyChoice: SchemaChoice | null;
  valueChoice: SchemaChoice | null;
  keyLookup: SchemaLookup;
  valueLookup: SchemaLookup;
  onKeyChoice: (choice: SchemaChoice | null) => void;
  onValueChoice: (choice: SchemaChoice | null) => void;
}

/** The key's and the value's schema choices, or why there are none (no registry, registry down). */
export function RegistryChoices({ topic, registry, ...props }: RegistryChoicesProps) {
  const { topicSubjects, subjects } = registry;
  if (topicSubjects.state === "not-configured") return null;
  if (topicSubjects.state === "unavailable") {
    return (
      <p className="text-sm text-amber-800 dark:text-amber-300">
        Registry unavailable: {topicSubjects.problem.title}. Messages are sent as typed.
      </p>
    );
  }
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <SchemaChoiceField
        part="value"
        choice={props.valueChoice}
        onChange={props.onValueChoice}
        defaultSubject={topicSubjects.value ?? `${topic}-value`}
        subjects={subjects}
        lookup={props.valueLookup}
      />
      <SchemaChoiceField
        part="key"
        choice={props.keyChoice}
        onChange={props.onKeyChoice}
        defaultSubject={topicSubjects.key ?? `${topic}-key`}
        subjects={subjects}
        lookup={props.keyLookup}
      />
    </div>
  );
}
