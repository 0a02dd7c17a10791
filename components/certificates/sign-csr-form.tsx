"use client";

import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import { signCertificateRequest } from "@/lib/actions/sign-certificate-request";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, TextInput, inputClassName } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { CertificateResult } from "./certificate-result";
import { formAlertText } from "./form-alert";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import { ServerAuthCheckbox } from "./server-auth-checkbox";
import { ValidityField, type ValidityLimits } from "./validity-field";

/** Fields with a place of their own in this form; the CSR's CN and SANs are reported in the alert. */
const PLACED = new Set(["csrPem", "validityDays", "serverAuth"]);

type SignState = Awaited<ReturnType<typeof signCertificateRequest>>;

/** Signs a CSR made on the user's machine (openssl req -new …): the private key never comes here. */
export function SignCsrForm({ validity }: { validity: ValidityLimits }) {
  const [state, formAction, pending] = useActionState(signCertificateRequest, null);
  const [dismissed, setDismissed] = useState<SignState | null>(null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, fieldErrors ?? null);
  const signed = state?.ok && state !== dismissed ? state.data : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };

  return (
    <div className="space-y-6">
      <form ref={formRef} onSubmit={submit} aria-label="Sign a CSR" noValidate className="space-y-5">
        <Field
          label="Certificate signing request (PEM)"
          hint="Paste it, or pick the file below. The subject's CN follows the same rules as in the form, and so do its SANs."
          errors={fieldErrors?.csrPem}
        >
          {(control) => (
            <textarea
              {...control}
              name="csrPem"
              rows={8}
              spellCheck={false}
              placeholder="-----BEGIN CERTIFICATE REQUEST-----"
              className={cn(inputClassName, "w-full font-mono text-xs")}
            />
          )}
        </Field>
        <Field label="Or pick a CSR file" hint=".csr or .pem, a few kilobytes.">
          {(control) => (
            <TextInput
              {...control}
              name="csrFile"
              type="file"
              accept=".csr,.pem,.req,text/plain,application/pkcs10"
            />
          )}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <ValidityField limits={validity} errors={fieldErrors?.validityDays} />
        </div>
        <ServerAuthCheckbox errors={fieldErrors?.serverAuth} />
        {state && !state.ok && (
          <FormMessage tone="error">
            {formAlertText(state.error, fieldErrors, (field) => PLACED.has(field))}
          </FormMessage>
        )}
        <Button
          type="submit"
          variant="primary"
          aria-busy={pending || undefined}
          aria-disabled={pending || undefined}
        >
          {pending ? "Signing…" : "Sign CSR"}
        </Button>
      </form>
      {signed && (
        <CertificateResult
          bundle={signed.bundle}
          snippets={signed.snippets}
          bootstrapServers={signed.bootstrapServers}
          onDone={() => setDismissed(state)}
        />
      )}
    </div>
  );
}
