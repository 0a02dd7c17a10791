"use client";

import { useActionState, useState } from "react";
import { signIn } from "@/lib/actions/sign-in";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, TextInput } from "@/components/ui/field";

interface SignInFormProps {
  /** The page the user asked for; the action honours it only when it is a path on this site. */
  next?: string;
}

export function SignInForm({ next }: SignInFormProps) {
  const [state, formAction, pending] = useActionState(signIn, null);
  // Controlled, so a failed attempt keeps the user name; the password field empties itself.
  const [username, setUsername] = useState("");
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={formAction}
      aria-label="Sign in"
      className="space-y-4"
      noValidate
      // One attempt at a time: a second click while the first is on its way does nothing.
      onSubmit={(event) => pending && event.preventDefault()}
    >
      {next && <input type="hidden" name="next" value={next} />}
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
      <Field label="User name" errors={fieldErrors?.username}>
        {(control) => (
          <TextInput
            {...control}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        )}
      </Field>
      <Field label="Password" errors={fieldErrors?.password}>
        {(control) => (
          <TextInput {...control} name="password" type="password" autoComplete="current-password" required />
        )}
      </Field>
      <Button type="submit" variant="primary" className="w-full" aria-busy={pending || undefined}>
        Sign in
      </Button>
    </form>
  );
}
