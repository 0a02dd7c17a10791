import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { cn } from "./cn";

export const inputClassName = cn(
  "block rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm shadow-xs",
  "placeholder:text-zinc-400 focus:border-sky-600 focus:ring-2 focus:ring-sky-600/30 focus:outline-none",
  "aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950 dark:focus:border-sky-400",
  "dark:aria-invalid:border-red-400",
);

interface FieldProps {
  label: ReactNode;
  /** Shown under the label and read with the field. */
  hint?: ReactNode;
  /** Messages from the server's validation; the field is marked invalid while there are any. */
  errors?: string[];
  className?: string;
  /** Renders the control with these props spread on it (they include its full width). */
  children: (control: {
    id: string;
    "aria-describedby"?: string;
    "aria-invalid"?: true;
    className: string;
  }) => ReactNode;
}

/** A label, the control it names, a hint and the field's errors, wired together for screen readers. */
export function Field({ label, hint, errors, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = errors !== undefined && errors.length > 0;
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={cn("min-w-0", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      )}
      <div className="mt-1">
        {children({
          id,
          "aria-describedby": describedBy || undefined,
          "aria-invalid": invalid ? true : undefined,
          className: "w-full",
        })}
      </div>
      {invalid && (
        <p id={errorId} className="mt-1 text-xs text-red-700 dark:text-red-400">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

export function TextInput({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(inputClassName, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(inputClassName, "pr-8", className)} {...props} />;
}

/** A form-level message: red and announced for errors, quiet for notices. */
export function FormMessage({ tone, children }: { tone: "error" | "notice"; children: ReactNode }) {
  return tone === "error" ? (
    <p
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200"
    >
      {children}
    </p>
  ) : (
    <p
      role="status"
      className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950/60 dark:text-sky-200"
    >
      {children}
    </p>
  );
}
