import { startTransition, type FormEvent } from "react";

/**
 * An onSubmit that hands the form's data to a useActionState action, one submission at a time.
 * Submitted by hand rather than through `action`: React's automatic form reset would put a
 * controlled select (the role) back to its first option on screen while the state keeps the choice.
 */
export function useManualSubmit(formAction: (formData: FormData) => void, pending: boolean) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
}
