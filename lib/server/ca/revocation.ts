import "server-only";

// Revocation and the CRL: signed by the intermediate, valid 7 days, re-signed on every revocation
// and, when asked for, once older than half its life, so a relying party never holds a stale one.
// Several replicas share the store: each CRL number is signed once, by whichever gets there first.
import { actionError, actionOk, type ActionResult } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { Role } from "@/lib/schemas/auth";
import type { CertificateSummary, RevokeCertificateInput } from "@/lib/schemas/certificates";
import { type CrlRecord, isStoreConflictError } from "@/lib/server/store/types";

import { signingAuthority } from "./authority";
import { type CaContext, DAY_MS } from "./context";
import { buildCrl } from "./crl";
import { normalizeSerial, toSummary } from "./inventory";

export const CRL_LIFETIME_DAYS = 7;

export interface CurrentCrl {
  der: Buffer;
  pem: string;
  thisUpdate: string;
  nextUpdate: string;
}

const toPem = (der: Buffer) =>
  `-----BEGIN X509 CRL-----\n${der
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .replace(/\n$/, "")}\n-----END X509 CRL-----\n`;

const toCurrent = (crl: CrlRecord): CurrentCrl => ({
  der: crl.der,
  pem: toPem(crl.der),
  thisUpdate: crl.thisUpdate,
  nextUpdate: crl.nextUpdate,
});

/** Fresh until half its life has passed: a relying party fetching it then still has days left. */
function isFresh(crl: CrlRecord, now: Date): boolean {
  const thisUpdate = Date.parse(crl.thisUpdate);
  const halfLife = (Date.parse(crl.nextUpdate) - thisUpdate) / 2;
  return now.getTime() < thisUpdate + halfLife;
}

/**
 * Signs and stores a new CRL listing every revoked certificate that has not expired yet. One signer
 * per deployment at a time: the number is claimed, the revoked list read, the CRL signed and saved
 * in one transaction, where nextCrlNumber() holds off another replica until the commit. With
 * `unlessFresh` (the periodic re-sign), a CRL another replica signed meanwhile is taken instead.
 * A signature takes milliseconds, so it may run inside the transaction; the key is opened before.
 */
export async function signCrl(
  context: CaContext,
  { unlessFresh = false }: { unlessFresh?: boolean } = {},
): Promise<CurrentCrl> {
  const issuer = await signingAuthority(context);
  for (let attempt = 0; ; attempt++) {
    try {
      const saved = await context.store.transaction(async (tx) => {
        const crlNumber = await tx.certificates.nextCrlNumber();
        const now = context.now();
        const latest = await tx.certificates.latestCrl();
        if (unlessFresh && latest && isFresh(latest, now)) return latest;
        // RFC 5280 lets an entry go once the certificate has expired; the CRL stays small.
        const revoked = (await tx.certificates.listRevoked()).filter(
          (record) => Date.parse(record.notAfter) > now.getTime(),
        );
        const nextUpdate = new Date(now.getTime() + CRL_LIFETIME_DAYS * DAY_MS);
        const { der } = buildCrl({
          issuerCertificatePem: issuer.certificatePem,
          issuerKeyPem: issuer.privateKeyPem,
          crlNumber,
          thisUpdate: now,
          nextUpdate,
          revoked: revoked.map((record) => ({
            serialNumber: record.serialNumber,
            revokedAt: new Date(record.revokedAt ?? now),
            reason: record.revocationReason ?? "unspecified",
          })),
        });
        return tx.certificates.saveCrl({
          id: crlNumber,
          der,
          thisUpdate: now.toISOString(),
          nextUpdate: nextUpdate.toISOString(),
        });
      });
      return toCurrent(saved);
    } catch (error) {
      // Another signer saved this number first (a store without the lock): sign again, after it.
      if (!isStoreConflictError(error) || attempt >= 2) throw error;
    }
  }
}

/** The stored CRL, re-signed first (once across replicas) when there is none or it is past half its life. */
export async function currentCrl(context: CaContext): Promise<CurrentCrl> {
  const latest = await context.store.certificates.latestCrl();
  if (latest && isFresh(latest, context.now())) return toCurrent(latest);
  return signCrl(context, { unlessFresh: true });
}

export async function revokeCertificate(
  context: CaContext,
  serialNumber: string,
  input: RevokeCertificateInput,
  actor: { role: Role; actor: string },
): Promise<ActionResult<CertificateSummary>> {
  const serial = normalizeSerial(serialNumber);
  if (!can(actor.role, "certificate.revoke")) {
    await context.audit({
      actor: actor.actor,
      action: "certificate.revoke",
      target: serial,
      outcome: "denied",
      details: { reason: "role" },
    });
    return actionError(403, "Only an admin may revoke a certificate.");
  }
  const existing = await context.store.certificates.find(serial);
  if (!existing) return actionError(404, `No certificate with serial ${serial} was issued by this CA.`);
  if (existing.revokedAt)
    return actionError(
      409,
      `The certificate ${serial} (CN=${existing.commonName}) was already revoked on ${existing.revokedAt}.`,
    );
  const now = context.now();
  const revoked = await context.store.transaction(async (tx) => {
    const record = await tx.certificates.revoke(serial, now.toISOString(), input.reason);
    await context.audit(
      {
        actor: actor.actor,
        action: "certificate.revoke",
        target: serial,
        outcome: "success",
        details: {
          commonName: existing.commonName,
          reason: input.reason,
          ...(input.comment ? { comment: input.comment } : {}),
        },
      },
      tx,
    );
    return record;
  });
  if (!revoked) return actionError(404, `No certificate with serial ${serial} was issued by this CA.`);
  await signCrl(context);
  return actionOk(toSummary(revoked, now));
}
