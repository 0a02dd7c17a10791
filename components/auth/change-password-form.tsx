"use client";

import { useActionState } from "react";
import { changePassword } from "@/lib/actions/change-password";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, TextInput } from "@/components/ui/field";

interface ChangePasswordFormProps {
  username: string;
  /** Where to go once the password is changed. */
  next?: string;
}

export function ChangePasswordForm({ username, next }: ChangePasswordFormProps) {
  const [state, formAction, pending] = useActionState(changePassword, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={formAction}
      aria-label="Change password"
      className="space-y-4"
      noValidate
      onSubmit={(event) => pending && event.preventDefault()}
    >
      {next && <input type="hidden" name="next" value={next} />}
      {/* Not submitted: lets password managers file the new password under the right account. */}
      <input type="text" autoComplete="username" value={username} readOnly hidden />
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
      <Field label="Current password" errors={fieldErrors?.currentPassword}>
        {(control) => (
          <TextInput
            {...control}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            autoFocus
            required
          />
        )}
      </Field>
      <Field label="New password" hint="At least 12 characters." errors={fieldErrors?.newPassword}>
        {(control) => (
          <TextInput
            {...control}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
          />
        )}
      </Field>
      <Field label="Confirm new password" errors={fieldErrors?.confirmPassword}>
        {(control) => (
          <TextInput
            {...control}
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            required
          />
        )}
      </Field>
      <Button type="submit" variant="primary" className="w-full" aria-busy={pending || undefined}>
        Change password
      </Button>
    </form>
  );
}
