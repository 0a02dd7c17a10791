"use client";

import { useActionState, useState } from "react";
import type { Role } from "@/lib/schemas/auth";
import { createApiToken } from "@/lib/actions/create-api-token";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, FormMessage, TextInput } from "@/components/ui/field";
import { OneTimeSecret } from "./one-time-secret";
import { RoleField } from "./role-field";
import { useManualSubmit } from "./use-manual-submit";
import { TokenUsage } from "./token-usage";

type CreateTokenState = Awaited<ReturnType<typeof createApiToken>>;

export function CreateTokenForm({ cluster }: { cluster?: string }) {
  // Controlled, so a refused value stays in its field to be corrected.
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [expiresInDays, setExpiresInDays] = useState("");
  const [state, formAction, pending] = useActionState(
    async (previous: CreateTokenState | null, formData: FormData) => {
      const result = await createApiToken(previous, formData);
      if (result.ok) {
        setName("");
        setExpiresInDays("");
      }
      return result;
    },
    null,
  );
  const [dismissed, setDismissed] = useState<CreateTokenState | null>(null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const submit = useManualSubmit(formAction, pending);
  const created = state?.ok && state !== dismissed ? state.data : null;

  return (
    <Card>
      <CardHeader
        title="Create token"
        description="For scripts and automation. A token acts with its role, and its secret is shown only once."
      />
      <div className="space-y-4 px-5 py-4">
        <form
          onSubmit={submit}
          aria-label="Create token"
          noValidate
          className="flex flex-wrap items-start gap-3"
        >
          <Field label="Name" errors={fieldErrors?.name} className="w-full sm:w-64">
            {(control) => (
              <TextInput
                {...control}
                name="name"
                required
                autoComplete="off"
                placeholder="e.g. ci-deploy"
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            )}
          </Field>
          <RoleField value={role} onChange={setRole} errors={fieldErrors?.role} />
          <Field label="Expiry in days (optional)" errors={fieldErrors?.expiresInDays} className="w-48">
            {(control) => (
              <TextInput
                {...control}
                name="expiresInDays"
                type="number"
                inputMode="numeric"
                min={1}
                max={3650}
                placeholder="Never"
                value={expiresInDays}
                onChange={(event) => setExpiresInDays(event.target.value)}
              />
            )}
          </Field>
          <Button type="submit" variant="primary" className="mt-6" aria-busy={pending || undefined}>
            Create token
          </Button>
        </form>
        {state && !state.ok && !fieldErrors && <FormMessage tone="error">{state.error}</FormMessage>}
        {created && (
          <div className="space-y-3">
            <p role="status" className="text-sm">
              Created token <strong>{created.token.name}</strong> ({created.token.role}), id{" "}
              <code className="font-mono">{created.token.id}</code>.
            </p>
            <OneTimeSecret
              label="Token value"
              value={created.secret}
              note="Copy it now and store it where the client keeps its secrets; the console keeps only a hash."
              autoFocus
            />
            <TokenUsage tokenId={created.token.id} value={created.secret} cluster={cluster} />
            <Button onClick={() => setDismissed(state)}>Done</Button>
          </div>
        )}
      </div>
    </Card>
  );
}
