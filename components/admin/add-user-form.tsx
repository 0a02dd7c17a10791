"use client";

import { useActionState, useState } from "react";
import type { Role } from "@/lib/schemas/auth";
import { createUser } from "@/lib/actions/create-user";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, FormMessage, TextInput } from "@/components/ui/field";
import { OneTimeSecret } from "./one-time-secret";
import { RoleField } from "./role-field";
import { useManualSubmit } from "./use-manual-submit";

type CreateUserState = Awaited<ReturnType<typeof createUser>>;

export function AddUserForm() {
  // Controlled, so a refused name stays in the field to be corrected.
  const [username, setUsername] = useState("");
  const [state, formAction, pending] = useActionState(
    async (previous: CreateUserState | null, formData: FormData) => {
      const result = await createUser(previous, formData);
      if (result.ok) setUsername("");
      return result;
    },
    null,
  );
  const [role, setRole] = useState<Role>("viewer");
  const [dismissed, setDismissed] = useState<CreateUserState | null>(null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const submit = useManualSubmit(formAction, pending);
  const created = state?.ok && state !== dismissed ? state.data : null;

  return (
    <Card>
      <CardHeader
        title="Add user"
        description="The console generates the initial password; the user chooses their own at first sign-in."
      />
      <div className="space-y-4 px-5 py-4">
        <form onSubmit={submit} aria-label="Add user" noValidate className="flex flex-wrap items-start gap-3">
          <Field label="User name" errors={fieldErrors?.username} className="w-full sm:w-64">
            {(control) => (
              <TextInput
                {...control}
                name="username"
                required
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                value={username}
                onChange={(event) => setUsername(event.target.value)}
              />
            )}
          </Field>
          <RoleField value={role} onChange={setRole} errors={fieldErrors?.role} />
          <Button type="submit" variant="primary" className="mt-6" aria-busy={pending || undefined}>
            Add user
          </Button>
        </form>
        {state && !state.ok && !fieldErrors && <FormMessage tone="error">{state.error}</FormMessage>}
        {created && (
          <div className="space-y-2">
            <p role="status" className="text-sm">
              Added <strong>{created.user.username}</strong> as {created.user.role}.
            </p>
            <OneTimeSecret
              label="Initial password"
              value={created.initialPassword}
              note={`Copy it now and give it to ${created.user.username} over a safe channel; they must choose a new password at first sign-in.`}
              autoFocus
            />
            <Button onClick={() => setDismissed(state)}>Done</Button>
          </div>
        )}
      </div>
    </Card>
  );
}
