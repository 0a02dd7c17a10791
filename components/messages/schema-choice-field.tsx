"use client";

import { useId } from "react";

import { Field, Select, TextInput } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import type { SchemaChoice } from "@/lib/schemas/schema-produce";

import type { SchemaLookup } from "./use-produce-schema";

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
      <div className="flex gap-4 text-sm" role="radiogroup" aria-label={label}>
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
