"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextInput } from "@/components/ui/field";
import { deleteSchema } from "@/lib/actions/delete-schema";
import { schemaSubjectPath, schemaSubjectsPath } from "@/lib/paths";

type Target =
  | { what: "version"; version: number; id: number; permanent: boolean }
  | { what: "subject"; permanent: boolean };

/**
 * Admins: soft-delete the selected version or the whole subject, and hard-delete what was
 * soft-deleted (the registry wants that order). Each asks first and says what goes; a subject's
 * hard delete wants its name typed.
 */
export function DeleteSchemaControls({
  cluster,
  subject,
  selected,
  liveVersions,
  deletedVersions,
}: {
  cluster: string;
  subject: string;
  selected?: { version: number; id: number; softDeleted: boolean };
  liveVersions: number[];
  deletedVersions: number[];
}) {
  const router = useRouter();
  const [target, setTarget] = useState<Target>();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string>();
  const [working, startWork] = useTransition();
  const close = () => {
    setTarget(undefined);
    setTyped("");
    setError(undefined);
  };
  const confirm = () => {
    if (!target) return;
    if (target.what === "subject" && target.permanent && typed !== subject)
      return setError(`Type the subject's name, ${subject}, exactly to delete it permanently.`);
    startWork(async () => {
      const result = await deleteSchema(null, {
        cluster,
        subject,
        version: target.what === "version" ? target.version : undefined,
        permanent: target.permanent,
        confirm: typed,
      });
      if (!result.ok) return setError(result.error);
      close();
      const subjectGone = target.what === "subject" && target.permanent;
      router.push(subjectGone ? schemaSubjectsPath(cluster) : schemaSubjectPath(cluster, subject));
      router.refresh();
    });
  };
  const subjectSoftDeleted = liveVersions.length === 0;

  return (
    <div className="flex flex-wrap gap-3 px-5 py-4">
      {selected && (
        <Button
          onClick={() =>
            setTarget({
              what: "version",
              version: selected.version,
              id: selected.id,
              permanent: selected.softDeleted,
            })
          }
        >
          {selected.softDeleted
            ? `Delete version ${selected.version} permanently…`
            : `Delete version ${selected.version}…`}
        </Button>
      )}
      <Button onClick={() => setTarget({ what: "subject", permanent: subjectSoftDeleted })}>
        {subjectSoftDeleted ? "Delete subject permanently…" : "Delete subject…"}
      </Button>
      <ConfirmDialog
        open={target !== undefined}
        title={title(subject, target)}
        confirmLabel={target?.permanent ? "Delete permanently" : "Delete"}
        destructive
        pending={working}
        error={error}
        onConfirm={confirm}
        onClose={close}
      >
        {target?.what === "version" && (
          <p>
            Version {target.version} of {subject} (schema id {target.id}){" "}
            {target.permanent
              ? "is removed for good. Records that carry its id still decode while another version uses the id."
              : "is soft-deleted: it leaves the version list and the registry no longer serves it as latest; an admin can still delete it permanently."}
          </p>
        )}
        {target?.what === "subject" && (
          <>
            <p>
              {target.permanent
                ? `${subject} and its soft-deleted versions (${deletedVersions.join(", ") || "none"}) are removed for good.`
                : `${subject} is soft-deleted with all its versions (${liveVersions.join(", ")}); producers that register under it start a new history.`}
            </p>
            {target.permanent && (
              <label className="flex flex-col gap-1">
                <span className="font-medium text-zinc-900 dark:text-zinc-100">
                  Type the subject&apos;s name to confirm
                </span>
                <TextInput
                  value={typed}
                  onChange={(event) => setTyped(event.target.value)}
                  autoComplete="off"
                  spellCheck={false}
                />
              </label>
            )}
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}

function title(subject: string, target: Target | undefined): string {
  if (!target) return "";
  const how = target.permanent ? "permanently" : "(soft)";
  return target.what === "version"
    ? `Delete version ${target.version} of ${subject} ${how}?`
    : `Delete subject ${subject} ${how}?`;
}
