import "server-only";

// The CA's root and intermediate: created on first start or imported once from the configuration,
// kept in the store with their keys sealed, and the intermediate's key opened only to sign.
import { X509Certificate, createPrivateKey } from "node:crypto";

import { type CertificateAuthority, createIntermediateCa, createRootCa } from "./certificates";
import { isStoreConflictError } from "@/lib/server/store/types";

import type { CaContext } from "./context";
import { loadKeyEncryptionKey, openPrivateKey, sealPrivateKey } from "./key-encryption";

const ORGANIZATION = "Kafka Console";

function keyEncryptionKey(context: CaContext): Buffer {
  return loadKeyEncryptionKey({
    dataDir: context.dataDir,
    keyEncryptionKey: context.settings.keyEncryptionKey,
  });
}

/** Checks an imported CA before taking it over; throws with the reason (the start then fails). */
function checkImport(rootPem: string, intermediatePem: string, intermediateKeyPem: string): void {
  const root = new X509Certificate(rootPem);
  const intermediate = new X509Certificate(intermediatePem);
  const problems: string[] = [];
  if (!root.ca) problems.push("ca.import.rootCertificate is not a CA certificate");
  if (!intermediate.ca) problems.push("ca.import.intermediateCertificate is not a CA certificate");
  if (!intermediate.checkIssued(root) || !intermediate.verify(root.publicKey))
    problems.push("ca.import.intermediateCertificate is not signed by ca.import.rootCertificate");
  if (!intermediate.checkPrivateKey(createPrivateKey(intermediateKeyPem)))
    problems.push("ca.import.intermediateKey does not belong to ca.import.intermediateCertificate");
  if (intermediate.publicKey.asymmetricKeyType !== "rsa")
    problems.push("ca.import.intermediateKey is not an RSA key (this CA signs with RSA only)");
  if (problems.length > 0) throw new Error(`Cannot import the CA: ${problems.join("; ")}.`);
}

/** The first certificate of a PEM bundle, with Unix line ends (forge writes CRLF). */
const firstCertificate = (pem: string) =>
  (/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(pem)?.[0] ?? pem).replace(
    /\r\n/g,
    "\n",
  ) + "\n";

/**
 * Idempotent: with a CA in the store, only checks that the intermediate's key opens. Otherwise
 * imports ca.import or creates a new root (RSA 4096, 10 years) and intermediate (RSA 3072, 5 years).
 */
export async function ensureAuthority(context: CaContext): Promise<void> {
  const { store, settings } = context;
  const key = keyEncryptionKey(context);
  const existing = await store.certificates.getAuthority("intermediate");
  if (existing) {
    openPrivateKey(existing.encryptedKey ?? "", key, "intermediate");
    return;
  }
  let root: { certificatePem: string; privateKeyPem?: string };
  let intermediate: CertificateAuthority;
  if (settings.import) {
    root = { certificatePem: firstCertificate(settings.import.rootCertificate) };
    intermediate = {
      certificatePem: firstCertificate(settings.import.intermediateCertificate),
      privateKeyPem: createPrivateKey(settings.import.intermediateKey)
        .export({ type: "pkcs8", format: "pem" })
        .toString(),
    };
    checkImport(root.certificatePem, intermediate.certificatePem, intermediate.privateKeyPem);
  } else {
    const created = createRootCa({ commonName: "Kafka Console Root CA", organization: ORGANIZATION });
    root = created;
    intermediate = createIntermediateCa(created, {
      commonName: "Kafka Console Intermediate CA",
      organization: ORGANIZATION,
    });
  }
  try {
    await store.transaction(async (tx) => {
      // Another process may have won the race while the keys were generated: keep its CA.
      if (await tx.certificates.getAuthority("intermediate")) return;
      await tx.certificates.putAuthority({
        role: "root",
        certificatePem: firstCertificate(root.certificatePem),
        encryptedKey: root.privateKeyPem ? sealPrivateKey(root.privateKeyPem, key, "root") : null,
      });
      await tx.certificates.putAuthority({
        role: "intermediate",
        certificatePem: firstCertificate(intermediate.certificatePem),
        encryptedKey: sealPrivateKey(intermediate.privateKeyPem, key, "intermediate"),
      });
      await context.audit(
        {
          actor: "system",
          action: settings.import ? "ca.import" : "ca.create",
          target: new X509Certificate(intermediate.certificatePem).fingerprint256,
          outcome: "success",
        },
        tx,
      );
    });
  } catch (error) {
    // Replicas starting together on one database: the other committed its CA after this one's
    // check (PostgreSQL reads committed rows only); keep the other's.
    if (!isStoreConflictError(error)) throw error;
  }
}

export interface AuthorityCertificates {
  rootPem: string;
  intermediatePem: string;
}

export async function authorityCertificates(context: CaContext): Promise<AuthorityCertificates> {
  let root = await context.store.certificates.getAuthority("root");
  let intermediate = await context.store.certificates.getAuthority("intermediate");
  if (!root || !intermediate) {
    await ensureAuthority(context);
    root = await context.store.certificates.getAuthority("root");
    intermediate = await context.store.certificates.getAuthority("intermediate");
  }
  if (!root || !intermediate) throw new Error("The certificate authority is missing from the store");
  return { rootPem: root.certificatePem, intermediatePem: intermediate.certificatePem };
}

/** The intermediate with its key opened: call right before signing and let it go out of scope. */
export async function signingAuthority(context: CaContext): Promise<CertificateAuthority> {
  const { intermediatePem } = await authorityCertificates(context);
  const sealed = (await context.store.certificates.getAuthority("intermediate"))?.encryptedKey;
  if (!sealed) throw new Error("The intermediate CA has no key in the store");
  return {
    certificatePem: intermediatePem,
    privateKeyPem: openPrivateKey(sealed, keyEncryptionKey(context), "intermediate"),
  };
}
