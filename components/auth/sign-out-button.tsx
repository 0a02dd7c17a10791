"use client";

import { useActionState } from "react";
import { signOut } from "@/lib/actions/sign-out";
import { Button } from "@/components/ui/button";

/** Posts the sign-out action; on success the action redirects to the sign-in page. */
interface SignOutButtonProps {
  /** Ghost in the user menu, secondary on a page of its own. */
  variant?: "ghost" | "secondary";
  className?: string;
}

export function SignOutButton({ variant = "ghost", className }: SignOutButtonProps) {
  const [state, formAction, pending] = useActionState(signOut, null);
  return (
    <form action={formAction} className={className} onSubmit={(event) => pending && event.preventDefault()}>
      <Button
        type="submit"
        variant={variant}
        aria-busy={pending || undefined}
        className={variant === "ghost" ? "w-full justify-start" : undefined}
      >
        Sign out
      </Button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 px-3 text-xs text-red-700 dark:text-red-400">
          {state.error}
        </p>
      )}
    </form>
  );
}
