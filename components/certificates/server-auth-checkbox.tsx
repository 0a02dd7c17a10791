import { useId } from "react";

/** Adds serverAuth to the extended key usage: for broker certificates, not for clients. */
export function ServerAuthCheckbox({ errors }: { errors?: string[] }) {
  const id = useId();
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          name="serverAuth"
          aria-describedby={`${id}-hint`}
          className="mt-0.5 size-4 rounded border-zinc-300 dark:border-zinc-700"
        />
        <div>
          <label htmlFor={id} className="text-sm font-medium">
            Also for servers (serverAuth)
          </label>
          <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
            Only for broker certificates; client certificates need just clientAuth.
          </p>
        </div>
      </div>
      {errors && <p className="mt-1 text-xs text-red-700 dark:text-red-400">{errors.join(" ")}</p>}
    </div>
  );
}
