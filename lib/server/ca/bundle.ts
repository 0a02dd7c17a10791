import "server-only";

// The downloads of an issued certificate, built once at issuance from what is in memory: the key is
// never stored, so it cannot be packaged later.
import { strToU8, zipSync } from "fflate";

import { runCaTask } from "./ca-workers";

export interface BundleFiles {
  commonName: string;
  serialNumber: string;
  notAfter: string;
  certificatePem: string;
  intermediatePem: string;
  rootPem: string;
  privateKeyPem?: string;
}

function readme(files: BundleFiles): string {
  return [
    `Client certificate for CN=${files.commonName} (Kafka principal User:${files.commonName})`,
    `Serial ${files.serialNumber}, valid until ${files.notAfter}.`,
    "",
    "cert.pem   the certificate",
    files.privateKeyPem
      ? "key.pem    its private key (PKCS#8, unencrypted): keep it secret; the CA did not keep a copy"
      : "           (no key.pem: the key stayed where the certificate signing request was made)",
    "chain.pem  the certificate followed by the intermediate CA: what the client presents",
    "ca.pem     the root CA: what the client trusts to verify the brokers",
    "",
    "The broker must trust the same root (its ssl.truststore) and map the subject to a principal;",
    "grant that principal ACLs before connecting.",
    "",
  ].join("\n");
}

/** cert.pem, key.pem (when generated here), chain.pem, ca.pem and README.txt. */
export function buildZip(files: BundleFiles): Buffer {
  const entries: Record<string, Uint8Array> = {
    "cert.pem": strToU8(files.certificatePem),
    ...(files.privateKeyPem ? { "key.pem": strToU8(files.privateKeyPem) } : {}),
    "chain.pem": strToU8(files.certificatePem + files.intermediatePem),
    "ca.pem": strToU8(files.rootPem),
    "README.txt": strToU8(readme(files)),
  };
  return Buffer.from(zipSync(entries, { level: 6 }));
}

/** PKCS#12 with the key, the certificate and the intermediate, for Java's keystores (see ca-worker.mjs). */
export async function buildPkcs12(
  files: BundleFiles & { privateKeyPem: string },
  password: string,
): Promise<Buffer> {
  const der = await runCaTask("buildPkcs12", {
    privateKeyPem: files.privateKeyPem,
    certificatePems: [files.certificatePem, files.intermediatePem],
    password,
    friendlyName: files.commonName,
  });
  return Buffer.from(der);
}
