"use client";

import { Field, TextInput } from "@/components/ui/field";

/** The two fields every create form starts with. */
export function PrincipalHostFields({
  principal,
  host,
  onPrincipal,
  onHost,
}: {
  principal: string;
  host: string;
  onPrincipal: (value: string) => void;
  onHost: (value: string) => void;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label="Principal" hint="Type:name; a certificate's client is User:<CN>.">
        {(control) => (
          <TextInput
            {...control}
            value={principal}
            placeholder="User:orders-service"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onPrincipal(event.target.value)}
          />
        )}
      </Field>
      <Field label="Host" hint="* for any host, or one IP address.">
        {(control) => (
          <TextInput
            {...control}
            value={host}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onHost(event.target.value)}
          />
        )}
      </Field>
    </div>
  );
}

/** Why a form cannot be previewed yet, checked before the server sees it. */
export function missingBasics(principal: string, host: string): string | undefined {
  if (principal.trim() === "") return "Enter a principal.";
  if (!/^[^:]+:.+$/.test(principal.trim())) return "A principal needs a type prefix, e.g. User:name.";
  if (host.trim() === "") return "Enter a host, or * for any.";
  return undefined;
}
