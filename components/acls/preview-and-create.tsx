"use client";

import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { createAcls } from "@/lib/actions/create-acls";
import { bindingKey, describeBinding, type AclBinding } from "@/lib/acl/types";
import { aclBindingsSchema } from "@/lib/schemas/acls";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { lintBeforeCreate } from "@/lib/acl/lint-before-create";
import { bindingCount } from "./binding-filters";
import { useCreateLintBaseline } from "./create-lint-baseline";
import { PreviewLint } from "./preview-lint";

interface PreviewAndCreateProps {
  /** The bindings the form describes right now. */
  bindings: AclBinding[];
  /** Why the form cannot produce bindings yet (shown instead of a preview). */
  incomplete?: string;
}

/**
 * "Preview" freezes the exact bindings; "Create N bindings" sends exactly those. Changing the form
 * afterwards hides the create button until the preview is taken again.
 */
export function PreviewAndCreate({ bindings, incomplete: missing }: PreviewAndCreateProps) {
  const router = useRouter();
  const [preview, setPreview] = useState<AclBinding[]>();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>();
  const [notice, setNotice] = useState<string>();
  const [pending, startTransition] = useTransition();
  // The server's own schema, so what it would refuse is said before the preview (an invalid host, say).
  const invalid =
    missing === undefined && bindings.length > 0
      ? aclBindingsSchema.safeParse(bindings).error?.issues[0]?.message
      : undefined;
  const incomplete = missing ?? invalid;
  const currentKey = bindings.map(bindingKey).join("\n");
  const fresh = preview !== undefined && preview.map(bindingKey).join("\n") === currentKey;
  const baseline = useCreateLintBaseline();
  const findings = useMemo(
    () => (preview ? lintBeforeCreate(preview, baseline.existing, baseline) : []),
    [preview, baseline],
  );

  const create = () =>
    startTransition(async () => {
      if (!preview) return;
      const result = await createAcls(null, { cluster: baseline.cluster, bindings: preview });
      if (result.ok) {
        setError(undefined);
        setFieldErrors(undefined);
        setPreview(undefined);
        setNotice(`Created ${bindingCount(result.data.created.length)}.`);
        router.refresh();
      } else {
        setNotice(undefined);
        setError(result.error);
        setFieldErrors(result.fieldErrors);
      }
    });

  const fieldMessages = Object.entries(fieldErrors ?? {}).flatMap(([field, messages]) =>
    messages.map((message) => `${field}: ${message}`),
  );

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          onClick={() => {
            setNotice(undefined);
            setError(undefined);
            setFieldErrors(undefined);
            setPreview(bindings);
          }}
          disabled={incomplete !== undefined || bindings.length === 0}
        >
          Preview
        </Button>
        {incomplete && <p className="text-xs text-zinc-600 dark:text-zinc-400">{incomplete}</p>}
      </div>
      {preview !== undefined && (
        <div className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <h3 className="text-sm font-medium">
            {fresh
              ? `These ${bindingCount(preview.length)} will be created`
              : "The form changed: preview again"}
          </h3>
          {fresh && (
            <>
              <ul
                aria-label="Bindings to create"
                className="max-h-64 space-y-1 overflow-auto font-mono text-xs"
              >
                {preview.map((binding) => (
                  <li key={bindingKey(binding)} className="break-all">
                    {describeBinding(binding)}
                  </li>
                ))}
              </ul>
              <PreviewLint findings={findings} />
              <Button variant="primary" onClick={create} disabled={pending}>
                {`Create ${bindingCount(preview.length)}`}
              </Button>
            </>
          )}
        </div>
      )}
      {error && <FormMessage tone="error">{error}</FormMessage>}
      {fieldMessages.length > 0 && (
        <ul className="list-inside list-disc text-xs text-red-700 dark:text-red-400">
          {fieldMessages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {notice && <FormMessage tone="notice">{notice}</FormMessage>}
    </div>
  );
}
