"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionError, actionOk } from "@/lib/errors";
import { signCsrSchema } from "@/lib/schemas/certificates";
import * as auth from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";
import { getConfig } from "@/lib/server/config";
import { withConnectionSnippets } from "./certificate-result";
import { csrFormToObject, formFieldErrors } from "./certificate-form";
import { certificatesPath } from "@/lib/paths";

const guardedSign = auth.guardedAction(
  {
    permission: "certificate.issue",
    schema: z.record(z.string(), z.unknown()),
    action: "certificate.sign-csr",
  },
  async (payload, principal) => {
    const parsed = signCsrSchema.safeParse(payload);
    if (!parsed.success)
      return actionError(
        400,
        "Check the highlighted fields.",
        formFieldErrors(parsed.error, payload, getConfig().ca.maxValidityDays),
      );
    const result = await ca.signCertificateRequest(parsed.data, principal);
    if (!result.ok) return result;
    // The inventory below the form shows the new certificate.
    revalidatePath(certificatesPath());
    return actionOk(withConnectionSnippets(result.data));
  },
);

/** Signs a CSR pasted or picked as a file: the private key never leaves the user's machine. */
export async function signCertificateRequest(...[previous, payload]: Parameters<typeof guardedSign>) {
  return guardedSign(previous, payload instanceof FormData ? await csrFormToObject(payload) : payload);
}
