"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";

import { upsertScramUser } from "@/lib/actions/upsert-scram-user";
import {
  SCRAM_DEFAULT_ITERATIONS,
  SCRAM_MAX_ITERATIONS,
  SCRAM_MECHANISMS,
  SCRAM_MIN_ITERATIONS,
  type ScramMechanismName,
  type ScramUserUpserted,
} from "@/lib/schemas/scram-users";
import { OneTimeSecret } from "@/components/admin/one-time-secret";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Select, TextInput } from "@/components/ui/field";

export interface ScramFormPreset {
  user: string;
  mechanism: ScramMechanismName;
  /** Bumped by "Change password" so the same user can be picked twice. */
  key: number;
}

/** Create a SCRAM user or change a password: generated (shown once) or typed; salted on the server. */
export function ScramUserForm({ cluster, preset }: { cluster: string; preset?: ScramFormPreset }) {
  const router = useRouter();
  const [user, setUser] = useState(preset?.user ?? "");
  const [mechanism, setMechanism] = useState<ScramMechanismName>(preset?.mechanism ?? "SCRAM-SHA-512");
  const [iterations, setIterations] = useState(String(SCRAM_DEFAULT_ITERATIONS));
  const [mode, setMode] = useState<"generate" | "type">("generate");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>();
  const [done, setDone] = useState<ScramUserUpserted | null>(null);
  const [working, startWork] = useTransition();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    startWork(async () => {
      const result = await upsertScramUser(null, {
        cluster,
        user,
        mechanism,
        iterations,
        passwordMode: mode,
        ...(mode === "type" ? { password } : {}),
      });
      setPassword("");
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors);
        return;
      }
      setError(undefined);
      setFieldErrors(undefined);
      setDone(result.data);
      router.refresh();
    });
  };

  if (done)
    return (
      <div className="space-y-3">
        <p role="status" className="text-sm">
          {done.created ? "Created" : "Changed the password of"} <strong>{done.user}</strong> (
          {done.mechanism}, {done.iterations} iterations).
        </p>
        {done.generatedPassword && (
          <OneTimeSecret
            label={`Password of ${done.user}`}
            value={done.generatedPassword}
            note="Copy it now and hand it to the client's owner over a safe channel: the console does not keep it and cannot show it again."
            autoFocus
          />
        )}
        <Button
          onClick={() => {
            setDone(null);
            setUser("");
          }}
        >
          Done
        </Button>
      </div>
    );

  return (
    <form onSubmit={submit} aria-label="Create or change a SCRAM user" noValidate className="space-y-4">
      <div className="flex flex-wrap items-start gap-3">
        <Field label="User name" errors={fieldErrors?.user} className="w-full sm:w-64">
          {(control) => (
            <TextInput
              {...control}
              required
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={user}
              onChange={(event) => setUser(event.target.value)}
            />
          )}
        </Field>
        <Field label="Mechanism" errors={fieldErrors?.mechanism}>
          {(control) => (
            <Select
              {...control}
              value={mechanism}
              onChange={(event) => setMechanism(event.target.value as ScramMechanismName)}
            >
              {SCRAM_MECHANISMS.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label="Iterations"
          hint={`${SCRAM_MIN_ITERATIONS}–${SCRAM_MAX_ITERATIONS}`}
          errors={fieldErrors?.iterations}
          className="w-36"
        >
          {(control) => (
            <TextInput
              {...control}
              inputMode="numeric"
              value={iterations}
              onChange={(event) => setIterations(event.target.value)}
            />
          )}
        </Field>
      </div>
      <fieldset className="space-y-2 text-sm">
        <legend className="font-medium">Password</legend>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="passwordMode"
            checked={mode === "generate"}
            onChange={() => setMode("generate")}
          />
          Generate a random password (shown once)
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="passwordMode"
            checked={mode === "type"}
            onChange={() => setMode("type")}
          />
          Type a password
        </label>
        {mode === "type" && (
          <Field label="New password" errors={fieldErrors?.password} className="w-full sm:w-80">
            {(control) => (
              <TextInput
                {...control}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
        )}
      </fieldset>
      {error && <FormMessage tone="error">{error}</FormMessage>}
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        The credential of an existing user for this mechanism is replaced: clients with the old password are
        refused from their next sign-in.
      </p>
      <Button type="submit" variant="primary" aria-busy={working || undefined} disabled={working}>
        Save credential
      </Button>
    </form>
  );
}
