// A client's CSR as a user would bring one: an RSA-2048 key of its own, CN only.
import { generateKeyPairSync } from "node:crypto";

import forge from "node-forge";

export function clientCsrPem(commonName: string): string {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  csr.setSubject([{ shortName: "CN", value: commonName }]);
  csr.sign(
    forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs8", format: "pem" }).toString()),
    forge.md.sha256.create(),
  );
  return forge.pki.certificationRequestToPem(csr);
}
