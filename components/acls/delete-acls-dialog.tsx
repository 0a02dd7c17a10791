"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { deleteAcls } from "@/lib/actions/delete-acls";
import { bindingKey, describeBinding, type AclBinding } from "@/lib/acl/types";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { bindingCount } from "./binding-filters";

interface DeleteAclsDialogProps {
  /** The cluster whose bindings these are. */
  cluster: string;
  /** What goes, exactly; undefined while closed. */
  bindings: AclBinding[] | undefined;
  title: string;
  onClose: () => void;
  /** What the broker deleted, and the requested bindings it no longer held. */
  onDeleted: (deleted: AclBinding[], notFound: AclBinding[]) => void;
}

/** Lists every binding that goes; each is deleted with an exact filter, so look-alikes stay. */
export function DeleteAclsDialog({ cluster, bindings, title, onClose, onDeleted }: DeleteAclsDialogProps) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const count = bindings?.length ?? 0;

  const confirm = () =>
    startTransition(async () => {
      if (!bindings) return;
      const result = await deleteAcls(null, { cluster, bindings });
      if (result.ok) {
        setError(undefined);
        onDeleted(result.data.deleted, result.data.notFound);
        router.refresh();
      } else {
        setError(result.error);
      }
    });

  return (
    <ConfirmDialog
      open={bindings !== undefined}
      title={title}
      confirmLabel={`Delete ${bindingCount(count)}`}
      destructive
      pending={pending}
      error={error}
      onConfirm={confirm}
      onClose={() => {
        setError(undefined);
        onClose();
      }}
    >
      <p>
        These {bindingCount(count)} are removed from the cluster; clients lose what they grant (or regain what
        a DENY blocked) at once. Nothing else is touched.
      </p>
      <ul
        aria-label="Bindings to delete"
        className="max-h-64 space-y-1 overflow-auto rounded-md border border-zinc-200 p-2 font-mono text-xs text-zinc-900 dark:border-zinc-800 dark:text-zinc-100"
      >
        {bindings?.map((binding) => (
          <li key={bindingKey(binding)} className="break-all">
            {describeBinding(binding)}
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
