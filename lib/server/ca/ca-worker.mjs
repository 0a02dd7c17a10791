// The CA's CPU-bound steps, run in worker threads by ca-workers.ts (plain JavaScript: see
// lib/server/workers/serve-tasks.mjs). Keys and certificates arrive as PEM and leave as bytes or PEM;
// nothing is kept between tasks.
import { generateKeyPairSync, sign } from "node:crypto";

import forge from "node-forge";

import { serveTasks } from "../workers/serve-tasks.mjs";

serveTasks({
  // The key was judged by rsa-key-policy.ts before this runs: verifying costs at most an 8192-bit
  // modulus to a 31-bit exponent.
  verifyCsrSignature({ csrPem }) {
    try {
      return forge.pki.certificationRequestFromPem(csrPem, true, true).verify();
    } catch {
      return false;
    }
  },

  generateRsaKey({ bits }) {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: bits,
      publicExponent: 0x10001,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    return privateKey;
  },

  // PKCS#1 v1.5 is deterministic: the same signature forge's cert.sign() made, at native speed.
  signSha256WithRsa({ data, privateKeyPem }) {
    return sign("sha256", data, privateKeyPem);
  },

  // The key bag is PBES2 with AES-256-CBC (what OpenSSL 3 writes by default), read by keytool since
  // Java 8u301 and 11.0.12 (tested against Java 17); the MAC is HMAC-SHA-1, the one every reader
  // accepts. forge derives the MAC key in JavaScript: tens of milliseconds, hence the worker.
  buildPkcs12({ privateKeyPem, certificatePems, password, friendlyName }) {
    const asn1 = forge.pkcs12.toPkcs12Asn1(
      forge.pki.privateKeyFromPem(privateKeyPem),
      certificatePems.map((pem) => forge.pki.certificateFromPem(pem)),
      password,
      { algorithm: "aes256", count: 10_000, friendlyName, generateLocalKeyId: true },
    );
    return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
  },
});
