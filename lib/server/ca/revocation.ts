import "server-only";

// Revocation and the CRL: signed by the intermediate, valid 7 days, re-signed on every revocation
// and, when asked for, once older than half its life, so a relying party never holds a stale one.
import { actionError, actionOk, type ActionResult } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { Role } from "@/lib/schemas/auth";
import type { CertificateSummary, RevokeCertificateInput } from "@/lib/schemas/certificates";

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

/** Signs and stores a new CRL listing every revoked certificate that has not expired yet. */
export function signCrl(context: CaContext): CurrentCrl {
  const now = context.now();
  const issuer = signingAuthority(context);
  // RFC 5280 lets an entry go once the certificate has expired; the CRL stays small.
  const revoked = context.store.certificates
    .listRevoked()
    .filter((record) => Date.parse(record.notAfter) > now.getTime());
  const thisUpdate = now;
  const nextUpdate = new Date(now.getTime() + CRL_LIFETIME_DAYS * DAY_MS);
  const saved = context.store.transaction(() => {
    const { der } = buildCrl({
      issuerCertificatePem: issuer.certificatePem,
      issuerKeyPem: issuer.privateKeyPem,
      crlNumber: context.store.certificates.nextCrlNumber(),
      thisUpdate,
      nextUpdate,
      revoked: revoked.map((record) => ({
        serialNumber: record.serialNumber,
        revokedAt: new Date(record.revokedAt ?? now),
        reason: record.revocationReason ?? "unspecified",
      })),
    });
    return context.store.certificates.saveCrl({
      der,
      thisUpdate: thisUpdate.toISOString(),
      nextUpdate: nextUpdate.toISOString(),
    });
  });
  return {
    der: saved.der,
    pem: toPem(saved.der),
    thisUpdate: saved.thisUpdate,
    nextUpdate: saved.nextUpdate,
  };
}

/** The stored CRL, re-signed first when there is none or it is past half its life. */
export function currentCrl(context: CaContext): CurrentCrl {
  const latest = context.store.certificates.latestCrl();
  if (latest) {
    const thisUpdate = Date.parse(latest.thisUpdate);
    const halfLife = (Date.parse(latest.nextUpdate) - thisUpdate) / 2;
    if (context.now().getTime() < thisUpdate + halfLife)
      return {
        der: latest.der,
        pem: toPem(latest.der),
        thisUpdate: latest.thisUpdate,
        nextUpdate: latest.nextUpdate,
      };
  }
  return signCrl(context);
}

export function revokeCertificate(
  context: CaContext,
  serialNumber: string,
  input: RevokeCertificateInput,
  actor: { role: Role; actor: string },
): ActionResult<CertificateSummary> {
  const serial = normalizeSerial(serialNumber);
  if (!can(actor.role, "certificate.revoke")) {
    context.audit({
      actor: actor.actor,
      action: "certificate.revoke",
      target: serial,
      outcome: "denied",
      details: { reason: "role" },
    });
    return actionError(403, "Only an admin may revoke a certificate.");
  }
  const existing = context.store.certificates.find(serial);
  if (!existing) return actionError(404, `No certificate with serial ${serial} was issued by this CA.`);
  if (existing.revokedAt)
    return actionError(
      409,
      `The certificate ${serial} (CN=${existing.commonName}) was already revoked on ${existing.revokedAt}.`,
    );
  const now = context.now();
  const revoked = context.store.transaction(() => {
    const record = context.store.certificates.revoke(serial, now.toISOString(), input.reason);
    context.audit({
      actor: actor.actor,
      action: "certificate.revoke",
      target: serial,
      outcome: "success",
      details: {
        commonName: existing.commonName,
        reason: input.reason,
        ...(input.comment ? { comment: input.comment } : {}),
      },
    });
    return record;
  });
  if (!revoked) return actionError(404, `No certificate with serial ${serial} was issued by this CA.`);
  signCrl(context);
  return actionOk(toSummary(revoked, now));
}
