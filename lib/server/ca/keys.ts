import "server-only";

import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";

export type RsaKeySize = 2048 | 3072 | 4096;

export interface KeyPair {
  /** Unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY"), the form Kafka's PEM key stores read. */
  privateKeyPem: string;
  publicKey: forge.pki.rsa.PublicKey;
  privateKey: forge.pki.rsa.PrivateKey;
}

/**
 * RSA keys come from Node's native crypto (OpenSSL): node-forge's pure-JavaScript prime search
 * takes seconds per 2048-bit key on a small machine. node-forge then does the X.509 work.
 */
export function generateRsaKeyPair(bits: RsaKeySize = 2048): KeyPair {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: bits,
    publicExponent: 0x10001,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return fromPrivateKeyPem(privateKey);
}

export function fromPrivateKeyPem(privateKeyPem: string): KeyPair {
  const privateKey = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  const publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  return { privateKeyPem: toPkcs8Pem(privateKey), publicKey, privateKey };
}

function toPkcs8Pem(privateKey: forge.pki.rsa.PrivateKey): string {
  const info = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(privateKey));
  return forge.pki.privateKeyInfoToPem(info);
}
