"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { signOut } from "@/lib/actions/sign-out";
import { Button } from "@/components/ui/button";
import { loginPath } from "@/lib/paths";

interface SignOutButtonProps {
  /** Ghost in the user menu, secondary on a page of its own. */
  variant?: "ghost" | "secondary";
  className?: string;
}

/** Posts the sign-out action; on success the action redirects to the sign-in page. */
export function SignOutButton({ variant = "ghost", className }: SignOutButtonProps) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(
    async (previous: Awaited<ReturnType<typeof signOut>> | null, formData: FormData) => {
      const result = await signOut(previous, formData);
      // No session left to end: the user is signed out already.
      if (!result.ok && result.status === 401) router.replace(loginPath({ reason: "expired" }));
      return result;
    },
    null,
  );
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
      {state && !state.ok && state.status !== 401 && (
        <p role="alert" className="mt-1 px-3 text-xs text-red-700 dark:text-red-400">
          {state.error}
        </p>
      )}
    </form>
  );
}
