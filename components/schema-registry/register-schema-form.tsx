"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, FormMessage, inputClassName, Select } from "@/components/ui/field";
import { checkSchemaCompatibility } from "@/lib/actions/check-schema-compatibility";
import { registerSchema } from "@/lib/actions/register-schema";
import { SCHEMA_TYPES } from "@/lib/schemas/schema-registry-evolve";

type Check = { compatible: boolean; messages: string[]; firstVersion: boolean };

interface Draft {
  schemaType: (typeof SCHEMA_TYPES)[number];
  schema: string;
  references: string;
}

/**
 * Operators: a new version's schema, checked first against the level that applies (compatible, or
 * the registry's reasons), then registered. Editing the draft asks for a new check.
 */
export function RegisterSchemaForm({
  cluster,
  subject,
  initial,
  level,
}: {
  cluster: string;
  subject: string;
  initial: Draft;
  level: string;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(initial);
  const [check, setCheck] = useState<Check>();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [registered, setRegistered] = useState<string>();
  const [working, startWork] = useTransition();

  const edit = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
    setCheck(undefined);
    setRegistered(undefined);
  };
  const input = () => ({ cluster, subject, ...draft });

  const runCheck = () =>
    startWork(async () => {
      setError(undefined);
      setRegistered(undefined);
      const result = await checkSchemaCompatibility(null, input());
      setFieldErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      if (!result.ok) return setError(result.error);
      setCheck(result.data);
    });
  const runRegister = () =>
    startWork(async () => {
      setError(undefined);
      const result = await registerSchema(null, input());
      setFieldErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      if (!result.ok) return setError(result.error);
      const { id, version } = result.data;
      setRegistered(`Registered ${version ? `version ${version}` : "the schema"} with id ${id}.`);
      setCheck(undefined);
      router.refresh();
    });

  return (
    <form
      className="space-y-4 p-5"
      onSubmit={(event) => event.preventDefault()}
      aria-label="Register a new version"
    >
      <Field label="Schema type" errors={fieldErrors.schemaType} className="max-w-xs">
        {(control) => (
          <Select
            {...control}
            value={draft.schemaType}
            onChange={(event) => edit({ schemaType: event.target.value as Draft["schemaType"] })}
          >
            {SCHEMA_TYPES.map((type) => (
              <option key={type} value={type}>
                {type === "JSON" ? "JSON Schema" : type === "AVRO" ? "Avro" : "Protobuf"}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="Schema"
        errors={fieldErrors.schema}
        hint="The full schema text; it starts from the selected version."
      >
        {(control) => (
          <textarea
            {...control}
            className={cn(inputClassName, control.className, "h-64 font-mono text-xs")}
            spellCheck={false}
            value={draft.schema}
            onChange={(event) => edit({ schema: event.target.value })}
          />
        )}
      </Field>
      <Field
        label="References"
        errors={
          fieldErrors.references ??
          Object.entries(fieldErrors).flatMap(([key, value]) => (key.startsWith("references.") ? value : []))
        }
        hint='JSON: [{"name": "common.proto", "subject": "common", "version": 1}]; empty for none.'
      >
        {(control) => (
          <textarea
            {...control}
            className={cn(inputClassName, control.className, "h-16 font-mono text-xs")}
            spellCheck={false}
            value={draft.references}
            onChange={(event) => edit({ references: event.target.value })}
          />
        )}
      </Field>
      {error && <FormMessage tone="error">{error}</FormMessage>}
      {check && <CheckAnswer check={check} level={level} />}
      {registered && <FormMessage tone="notice">{registered}</FormMessage>}
      <div className="flex gap-3">
        <Button onClick={runCheck} disabled={working}>
          Check compatibility
        </Button>
        <Button variant="primary" onClick={runRegister} disabled={working || !check?.compatible}>
          Register
        </Button>
      </div>
    </form>
  );
}

function CheckAnswer({ check, level }: { check: Check; level: string }) {
  if (check.compatible)
    return (
      <FormMessage tone="notice">
        {check.firstVersion
          ? "Compatible: the subject has no version yet, so any valid schema may be its first."
          : `Compatible with the latest version under ${level}.`}
      </FormMessage>
    );
  return (
    <div
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200"
    >
      <p className="font-medium">Not compatible under {level}; the registry says:</p>
      <ul className="mt-1 list-disc space-y-1 pl-5 font-mono text-xs break-words">
        {(check.messages.length ? check.messages : ["(no reason given)"]).map((message, index) => (
          <li key={index}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
