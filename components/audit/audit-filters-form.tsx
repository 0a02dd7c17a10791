"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import type { AuditFilters } from "@/lib/queries/audit";
import { AUDIT_OUTCOMES } from "@/lib/queries/audit";
import { Button, buttonClassName } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";

interface AuditFiltersFormProps {
  filters: AuditFilters;
  /** The page's own path; the form submits to it with GET, so every filtered view is a shareable URL. */
  action: string;
}

/**
 * A GET form, so every filtered view is a URL to share and the back button undoes a filter. With
 * JavaScript it leaves the empty fields out of that URL; without, the browser submits it as is.
 * The page keys it by its filters, so the fields follow a client-side navigation.
 */
export function AuditFiltersForm({ filters, action }: AuditFiltersFormProps) {
  const router = useRouter();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim() !== "") params.set(name, value.trim());
    }
    router.push(params.size > 0 ? `${action}?${params}` : action);
  };
  return (
    <form
      method="get"
      action={action}
      onSubmit={submit}
      role="search"
      aria-label="Filter audit events"
      className="grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <Field label="Actor" hint='Exact, e.g. "user:alice" or "anonymous".'>
        {(control) => <TextInput {...control} name="actor" defaultValue={filters.actor} autoComplete="off" />}
      </Field>
      <Field label="Action" hint='Prefix: "auth." finds every sign-in and sign-out.'>
        {(control) => (
          <TextInput {...control} name="action" defaultValue={filters.action} autoComplete="off" />
        )}
      </Field>
      <Field label="Target" hint='Exact, e.g. "user:bob".'>
        {(control) => (
          <TextInput {...control} name="target" defaultValue={filters.target} autoComplete="off" />
        )}
      </Field>
      <Field label="Outcome">
        {(control) => (
          <Select {...control} name="outcome" defaultValue={filters.outcome}>
            <option value="">Any</option>
            {AUDIT_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcome}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="From (UTC)">
        {(control) => (
          <TextInput {...control} name="from" type="datetime-local" defaultValue={filters.from} />
        )}
      </Field>
      <Field label="To (UTC)">
        {(control) => <TextInput {...control} name="to" type="datetime-local" defaultValue={filters.to} />}
      </Field>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-3">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        <Link href={action} className={buttonClassName("ghost")}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
