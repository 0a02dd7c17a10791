"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormMessage, TextInput } from "@/components/ui/field";
import { applyGroupOffsets, previewGroupImport, previewGroupReset } from "@/lib/actions/reset-group-offsets";
import type { ResetMode } from "@/lib/schemas/group-reset";

import { ResetModeFields } from "./reset-mode-fields";
import { ResetPreviewTable } from "./reset-preview-table";

type PreviewResult = Awaited<ReturnType<typeof previewGroupReset>>;
type Preview = Extract<PreviewResult, { ok: true }>["data"];
type Applied = Extract<Awaited<ReturnType<typeof applyGroupOffsets>>, { ok: true }>["data"];

/**
 * Reset by mode, or import a file; either way a preview from the server first, then "Apply" behind a
 * confirmation that commits exactly the previewed offsets.
 */
export function ResetOffsetsPanel({
  cluster,
  group,
  topics,
}: {
  cluster: string;
  group: string;
  topics: string[];
}) {
  const router = useRouter();
  const previewTitleId = useId();
  const [mode, setMode] = useState<ResetMode>("earliest");
  const [preview, setPreview] = useState<{ kind: "reset" | "import"; data: Preview } | null>(null);
  const [failure, setFailure] = useState<{
    kind: "reset" | "import";
    error: string;
    fields?: Record<string, string[]>;
  }>();
  const [confirming, setConfirming] = useState(false);
  const [applyError, setApplyError] = useState<string>();
  const [applied, setApplied] = useState<Applied>();
  const [pending, startTransition] = useTransition();

  const show = (kind: "reset" | "import", result: PreviewResult) => {
    setApplied(undefined);
    if (result.ok) {
      setFailure(undefined);
      setPreview({ kind, data: result.data });
    } else {
      setPreview(null);
      setFailure({ kind, error: result.error, fields: result.fieldErrors });
    }
  };

  const onReset = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set("cluster", cluster);
    form.set("group", group);
    startTransition(async () => show("reset", await previewGroupReset(null, form)));
  };

  const onImport = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) {
      setFailure({ kind: "import", error: "Choose a CSV or JSON file exported from a group." });
      return;
    }
    startTransition(async () =>
      show("import", await previewGroupImport(null, { cluster, group, file: await file.text() })),
    );
  };

  const apply = () => {
    if (!preview) return;
    setApplyError(undefined);
    const offsets = preview.data.rows.map(({ topic, partition, newOffset }) => ({
      topic,
      partition,
      offset: newOffset,
    }));
    startTransition(async () => {
      const result = await applyGroupOffsets(null, { cluster, group, kind: preview.kind, offsets });
      if (result.ok) {
        setApplied(result.data);
        router.refresh();
      } else setApplyError(result.error);
    });
  };

  const close = () => {
    setConfirming(false);
    setApplyError(undefined);
    if (applied) setPreview(null);
  };

  return (
    <>
      <Card aria-labelledby="reset-title">
        <CardHeader
          titleId="reset-title"
          title="Reset by mode"
          description="Computed on the server: nothing changes until you apply the preview."
        />
        <form className="space-y-4 p-5" onSubmit={onReset} aria-label="Reset by mode">
          <ResetModeFields
            mode={mode}
            onModeChange={setMode}
            topics={topics}
            errors={failure?.kind === "reset" ? failure.fields : undefined}
          />
          {failure?.kind === "reset" && <FormMessage tone="error">{failure.error}</FormMessage>}
          <Button type="submit" variant="primary" disabled={pending}>
            Preview
          </Button>
        </form>
      </Card>
      <Card aria-labelledby="import-title">
        <CardHeader
          titleId="import-title"
          title="Import offsets"
          description="A CSV (topic,partition,offset, as Kafka's --export writes it) or JSON file exported here; previewed like a reset."
        />
        <form className="flex flex-wrap items-end gap-4 p-5" onSubmit={onImport} aria-label="Import offsets">
          <Field label="Offsets file" errors={failure?.kind === "import" ? failure.fields?.file : undefined}>
            {(control) => (
              <TextInput {...control} type="file" name="file" accept=".csv,.json,text/csv,application/json" />
            )}
          </Field>
          <Button type="submit" disabled={pending}>
            Preview import
          </Button>
          {failure?.kind === "import" && <FormMessage tone="error">{failure.error}</FormMessage>}
        </form>
      </Card>
      {preview && (
        <Card aria-labelledby={previewTitleId}>
          <CardHeader
            titleId={previewTitleId}
            title={preview.kind === "import" ? "Preview of the import" : "Preview of the reset"}
            description={
              preview.data.exists
                ? `Group ${group} is ${preview.data.state}; these offsets are committed on Apply.`
                : `Group ${group} does not exist yet: Apply creates it with these offsets.`
            }
            actions={
              preview.data.rows.length > 0 && (
                <Button variant="primary" onClick={() => setConfirming(true)} disabled={pending}>
                  Apply…
                </Button>
              )
            }
          />
          {preview.data.unavailable ? (
            <div className="p-5">
              <FormMessage tone="notice">{preview.data.unavailable}</FormMessage>
            </div>
          ) : (
            <ResetPreviewTable rows={preview.data.rows} labelledBy={previewTitleId} />
          )}
        </Card>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Commit new offsets for ${group}?`}
        confirmLabel={`Commit ${preview?.data.rows.length ?? 0} offsets`}
        pending={pending}
        error={applyError}
        result={
          applied && (
            <p role="status">
              Committed {applied.offsets.length} offsets for {group}; its consumers start there when they next
              join.
            </p>
          )
        }
        onConfirm={apply}
        onClose={close}
      >
        <p>
          Commits exactly the previewed offsets for {preview?.data.rows.length ?? 0} partitions of group{" "}
          {group} on {cluster}, if it still has no members. The change is recorded in the audit trail with the
          offsets before and after.
        </p>
      </ConfirmDialog>
    </>
  );
}
