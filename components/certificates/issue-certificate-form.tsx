"use client";

import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import { issueCertificate } from "@/lib/actions/issue-certificate";
import { KEY_TYPES } from "@/lib/schemas/certificates";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Select, TextInput } from "@/components/ui/field";
import { CertificateResult } from "./certificate-result";
import { CommonNameField } from "./common-name-field";
import { formAlertText } from "./form-alert";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import { SanRows, keepFilledSanRows, type SanRow } from "./san-rows";
import { ServerAuthCheckbox } from "./server-auth-checkbox";
import { ValidityField, type ValidityLimits } from "./validity-field";

const PLACED = new Set([
  "commonName",
  "organization",
  "organizationalUnit",
  "country",
  "state",
  "locality",
  "subjectAltNames",
  "validityDays",
  "keyType",
  "pkcs12Password",
  "serverAuth",
]);
// SAN rows show their own errors ("subjectAltNames.1.value").
const isPlaced = (field: string) => PLACED.has(field.split(".")[0] ?? field);

type IssueState = Awaited<ReturnType<typeof issueCertificate>>;

const KEY_TYPE_LABELS: Record<(typeof KEY_TYPES)[number], string> = {
  "rsa-2048": "RSA 2048",
  "rsa-3072": "RSA 3072",
  "rsa-4096": "RSA 4096 (slower to generate)",
};

/** Subject, SANs, validity and key type; the answer replaces nothing, so a refused value stays to be fixed. */
export function IssueCertificateForm({ validity }: { validity: ValidityLimits }) {
  const [rows, setRows] = useState<SanRow[]>([]);
  const [submittedName, setSubmittedName] = useState("");
  const [state, formAction, pending] = useActionState(issueCertificate, null);
  const [dismissed, setDismissed] = useState<IssueState | null>(null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, fieldErrors ?? null);
  const issued = state?.ok && state !== dismissed ? state.data : null;

  // Submitted by hand, not through `action`: React's automatic reset would empty every field.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    setRows(keepFilledSanRows(rows, formData));
    setSubmittedName(String(formData.get("commonName") ?? ""));
    startTransition(() => formAction(formData));
  };

  return (
    <div className="space-y-6">
      <form ref={formRef} onSubmit={submit} aria-label="Issue a certificate" noValidate className="space-y-5">
        <CommonNameField submitted={{ commonName: submittedName, errors: fieldErrors?.commonName }} />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field label="Organization (O)" errors={fieldErrors?.organization}>
            {(control) => <TextInput {...control} name="organization" autoComplete="off" />}
          </Field>
          <Field label="Organizational unit (OU)" errors={fieldErrors?.organizationalUnit}>
            {(control) => <TextInput {...control} name="organizationalUnit" autoComplete="off" />}
          </Field>
          <Field label="Country (C)" hint="Two letters, e.g. BE." errors={fieldErrors?.country}>
            {(control) => <TextInput {...control} name="country" autoComplete="off" />}
          </Field>
          <Field label="State or province (ST)" errors={fieldErrors?.state}>
            {(control) => <TextInput {...control} name="state" autoComplete="off" />}
          </Field>
          <Field label="Locality (L)" errors={fieldErrors?.locality}>
            {(control) => <TextInput {...control} name="locality" autoComplete="off" />}
          </Field>
        </div>
        <SanRows rows={rows} setRows={setRows} fieldErrors={fieldErrors} />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <ValidityField limits={validity} errors={fieldErrors?.validityDays} />
          <Field label="Key type" errors={fieldErrors?.keyType}>
            {(control) => (
              <Select {...control} name="keyType" defaultValue="rsa-2048">
                {KEY_TYPES.map((keyType) => (
                  <option key={keyType} value={keyType}>
                    {KEY_TYPE_LABELS[keyType]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field
            label="PKCS#12 password (optional)"
            hint="At least 8 characters. Adds a .p12 file for Java keytool users."
            errors={fieldErrors?.pkcs12Password}
          >
            {(control) => (
              <TextInput {...control} name="pkcs12Password" type="password" autoComplete="new-password" />
            )}
          </Field>
        </div>
        <ServerAuthCheckbox errors={fieldErrors?.serverAuth} />
        {state && !state.ok && (
          <FormMessage tone="error">{formAlertText(state.error, fieldErrors, isPlaced)}</FormMessage>
        )}
        <Button
          type="submit"
          variant="primary"
          aria-busy={pending || undefined}
          aria-disabled={pending || undefined}
        >
          {pending ? "Issuing…" : "Issue certificate"}
        </Button>
      </form>
      {issued && (
        <CertificateResult
          bundle={issued.bundle}
          snippets={issued.snippets}
          bootstrapServers={issued.bootstrapServers}
          onDone={() => setDismissed(state)}
        />
      )}
    </div>
  );
}
