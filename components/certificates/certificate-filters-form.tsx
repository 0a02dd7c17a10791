"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { inventorySearchString, type InventoryFilters } from "@/lib/queries/certificates";
import { CERTIFICATE_STATUSES } from "@/lib/schemas/certificates";
import { Button, buttonClassName } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { certificatesPath } from "@/lib/paths";

const ACTION = certificatesPath();

/** A GET form: every filtered view is a URL; a new search starts from the first page. */
export function CertificateFiltersForm({ filters }: { filters: InventoryFilters }) {
  const router = useRouter();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const status = String(form.get("status") ?? "");
    const search = inventorySearchString({
      q: String(form.get("q") ?? "").trim(),
      status: CERTIFICATE_STATUSES.find((known) => known === status),
    });
    router.push(`${ACTION}${search}#inventory`);
  };
  return (
    <form
      method="get"
      action={ACTION}
      onSubmit={submit}
      role="search"
      aria-label="Filter certificates"
      className="flex flex-wrap items-end gap-3 px-5 py-4"
    >
      <Field label="Search" hint="Common name, serial or alternative name." className="w-full sm:w-72">
        {(control) => (
          <TextInput {...control} type="search" name="q" defaultValue={filters.q} autoComplete="off" />
        )}
      </Field>
      <Field label="Status" className="w-40">
        {(control) => (
          <Select {...control} name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any</option>
            {CERTIFICATE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" variant="primary">
        Apply filters
      </Button>
      <Link href={`${ACTION}#inventory`} className={buttonClassName("ghost")}>
        Clear filters
      </Link>
    </form>
  );
}
