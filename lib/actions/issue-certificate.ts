"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionError, actionOk } from "@/lib/errors";
import { issueCertificateSchema } from "@/lib/schemas/certificates";
import * as auth from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";
import { getConfig } from "@/lib/server/config";
import { withConnectionSnippets } from "./certificate-result";
import { certificateFormToObject, formFieldErrors } from "./certificate-form";
import { certificatesPath } from "@/lib/paths";

// The guard checks who and what role; the shared schema runs in the handler so that each SAN row
// gets its own error ("subjectAltNames.1.value") rather than one for the whole list.
const guardedIssue = auth.guardedAction(
  { permission: "certificate.issue", schema: z.record(z.string(), z.unknown()), action: "certificate.issue" },
  async (payload, principal) => {
    const parsed = issueCertificateSchema.safeParse(payload);
    if (!parsed.success)
      return actionError(
        400,
        "Check the highlighted fields.",
        formFieldErrors(parsed.error, payload, getConfig().ca.maxValidityDays),
      );
    const result = await ca.issueCertificate(parsed.data, principal);
    if (!result.ok) return result;
    // The inventory below the form shows the new certificate.
    revalidatePath(certificatesPath());
    return actionOk(withConnectionSnippets(result.data));
  },
);

/** A key pair and a certificate signed by the intermediate; the private key is returned once, never stored. */
export async function issueCertificate(...[previous, payload]: Parameters<typeof guardedIssue>) {
  return guardedIssue(previous, payload instanceof FormData ? certificateFormToObject(payload) : payload);
}
