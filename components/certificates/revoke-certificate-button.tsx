"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { revokeCertificate } from "@/lib/actions/revoke-certificate";
import { REVOCATION_REASONS, type RevocationReason } from "@/lib/schemas/certificates";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, Select, TextInput } from "@/components/ui/field";

const REASON_LABELS: Record<RevocationReason, string> = {
  unspecified: "Unspecified",
  keyCompromise: "Key compromise",
  affiliationChanged: "Affiliation changed",
  superseded: "Superseded",
  cessationOfOperation: "Cessation of operation",
};

/** Revoke (admin): asks for a reason, then the certificate lands in the re-signed CRL. */
export function RevokeCertificateButton({
  serialNumber,
  commonName,
}: {
  serialNumber: string;
  commonName: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<RevocationReason>("unspecified");
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>();
  const [pending, startTransition] = useTransition();
  const formId = useId();

  const confirm = () =>
    startTransition(async () => {
      const result = await revokeCertificate(null, { serialNumber, reason, comment });
      if (result.ok) {
        setOpen(false);
        router.refresh();
      } else {
        setError(result.error);
        setFieldErrors(result.fieldErrors);
      }
    });

  return (
    <>
      <Button onClick={() => setOpen(true)}>Revoke…</Button>
      <ConfirmDialog
        open={open}
        title={`Revoke the certificate for ${commonName}?`}
        confirmLabel="Revoke certificate"
        destructive
        pending={pending}
        error={error}
        onConfirm={confirm}
        onClose={() => {
          setOpen(false);
          setError(undefined);
        }}
      >
        <p>
          Serial <code className="font-mono">{serialNumber}</code> goes into the certificate revocation list,
          which is signed again now. This cannot be undone; brokers that check the CRL refuse it from then on.
        </p>
        <form
          id={formId}
          onSubmit={(event) => event.preventDefault()}
          className="space-y-3 text-zinc-900 dark:text-zinc-100"
        >
          <Field label="Reason" errors={fieldErrors?.reason}>
            {(control) => (
              <Select
                {...control}
                value={reason}
                onChange={(event) => setReason(event.target.value as RevocationReason)}
              >
                {REVOCATION_REASONS.map((option) => (
                  <option key={option} value={option}>
                    {REASON_LABELS[option]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Comment (optional)" hint="Kept in the audit trail." errors={fieldErrors?.comment}>
            {(control) => (
              <TextInput
                {...control}
                value={comment}
                maxLength={500}
                onChange={(event) => setComment(event.target.value)}
              />
            )}
          </Field>
        </form>
      </ConfirmDialog>
    </>
  );
}
