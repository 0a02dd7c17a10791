// FormData from the certificate forms as the objects the shared schemas validate, and zod issues as
// field errors (lib/errors.ts fieldErrorsOf: by dotted path, so each SAN row shows its own error).
import type { z } from "zod";

import { fieldErrorsOf } from "@/lib/errors";

/** SAN rows arrive as parallel sanType/sanValue fields; rows left empty are dropped. */
export function certificateFormToObject(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith("$ACTION_") || name === "sanType" || name === "sanValue") continue;
    if (typeof value === "string") fields[name] = value;
  }
  const types = form.getAll("sanType").map(String);
  const values = form.getAll("sanValue").map(String);
  const rows = types.map((type, index) => ({ type, value: values[index] ?? "" }));
  if (form.has("sanType")) fields.subjectAltNames = rows.filter((row) => row.value.trim() !== "");
  return fields;
}

/** A CSR file picked in the form is read as text; a pasted PEM wins when both are given. */
export async function csrFormToObject(form: FormData): Promise<Record<string, unknown>> {
  const fields = certificateFormToObject(form);
  const file = form.get("csrFile");
  delete fields.csrFile;
  const pasted = typeof fields.csrPem === "string" ? fields.csrPem.trim() : "";
  if (pasted === "" && file instanceof Blob && file.size > 0) {
    // Bigger than any CSR: the schema refuses it with its own message without us reading megabytes.
    fields.csrPem = file.size > 65_536 ? "x".repeat(65_537) : await file.text();
  }
  return fields;
}

/**
 * The schema's errors plus the configured maximum validity, so one submit shows every problem;
 * the CA service checks the maximum again when the rest is valid.
 */
export function formFieldErrors(
  error: z.ZodError,
  payload: Record<string, unknown>,
  maxValidityDays: number,
): Record<string, string[]> {
  const fields = fieldErrorsOf(error);
  const days = Number(payload.validityDays);
  if (!fields.validityDays && Number.isFinite(days) && days > maxValidityDays)
    fields.validityDays = [`At most ${maxValidityDays} days`];
  return fields;
}
