"use client";

import { useState } from "react";

import { COMMON_NAME_RULES, commonNameSchema } from "@/lib/schemas/certificates";
import { Field, FormMessage, TextInput } from "@/components/ui/field";

import { existingUseText, useCommonNameCheck } from "./use-common-name-check";

interface CommonNameFieldProps {
  /** The last submit's errors for the CN, and the CN they were about. */
  submitted?: { commonName: string; errors?: string[] };
}

/**
 * The CN, checked as it is typed: its shape here, the reserved and look-alike rules and who already
 * has the name on the server. No maxLength: a pasted name too long is refused with a message, never
 * silently cut to a different principal.
 */
export function CommonNameField({ submitted }: CommonNameFieldProps) {
  const [commonName, setCommonName] = useState("");
  const check = useCommonNameCheck(commonName);
  const shape = commonName === "" ? undefined : commonNameSchema.safeParse(commonName);
  const errors = [
    ...(submitted?.commonName === commonName ? (submitted.errors ?? []) : []),
    ...(shape && !shape.success ? shape.error.issues.map((issue) => issue.message) : []),
    ...(check?.refusal ? [check.refusal.message] : []),
  ];
  const inUse = check && !check.refusal ? existingUseText(check) : undefined;
  return (
    <div className="space-y-2">
      <Field label="Common name (CN)" hint={COMMON_NAME_RULES} errors={[...new Set(errors)]}>
        {(control) => (
          <TextInput
            {...control}
            name="commonName"
            required
            value={commonName}
            onChange={(event) => setCommonName(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. billing-service"
          />
        )}
      </Field>
      {inUse && <FormMessage tone="notice">{inUse}</FormMessage>}
    </div>
  );
}
