"use server";

import { revalidatePath } from "next/cache";
import { revokeCertificateSchema, serialNumberSchema } from "@/lib/schemas/certificates";
import * as auth from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";
import { certificatePath, certificatesPath } from "@/lib/paths";

const revokeFormSchema = revokeCertificateSchema.extend({ serialNumber: serialNumberSchema });

const guardedRevoke = auth.guardedAction(
  { permission: "certificate.revoke", schema: revokeFormSchema, action: "certificate.revoke" },
  async ({ serialNumber, ...input }, principal) => {
    const result = await ca.revokeCertificate(serialNumber, input, principal);
    if (result.ok) {
      revalidatePath(certificatesPath());
      revalidatePath(certificatePath(serialNumber));
    }
    return result;
  },
);

/** Revokes a certificate (admin) and re-signs the CRL; the reason goes into the CRL entry. */
export async function revokeCertificate(...args: Parameters<typeof guardedRevoke>) {
  return guardedRevoke(...args);
}
