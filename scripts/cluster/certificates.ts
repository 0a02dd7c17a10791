// Certificates for a local broker, issued by the project's own CA code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

import {
  createIntermediateCa,
  createRootCa,
  issueLeafCertificate,
  type CertificateAuthority,
} from "../../lib/server/ca/certificates";
import { BROKER_IDENTITY, CONSOLE_IDENTITY, type BrokerLayout } from "./layout";

const ORGANIZATION = "Kafka Console local cluster";

function write(path: string, content: string, secret = false): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, content, { mode: secret ? 0o600 : 0o644 });
}

/** Creates the CA and the broker's and console's certificates once; later starts reuse them. */
export function ensureCertificates(layout: BrokerLayout): void {
  if (existsSync(layout.brokerKeystore) && existsSync(layout.consoleKey)) return;
  const root = createRootCa({ commonName: "Kafka Console Local Root CA", organization: ORGANIZATION });
  const intermediate = createIntermediateCa(root, {
    commonName: "Kafka Console Local Intermediate CA",
    organization: ORGANIZATION,
  });
  write(layout.rootCa, root.certificatePem);
  write(layout.rootCaKey, root.privateKeyPem, true);
  write(layout.intermediateCa, intermediate.certificatePem);
  write(layout.intermediateCaKey, intermediate.privateKeyPem, true);
  write(layout.caBundle, root.certificatePem + intermediate.certificatePem);

  const broker = issueLeafCertificate(intermediate, {
    subject: { commonName: BROKER_IDENTITY, organization: ORGANIZATION },
    subjectAltNames: [
      { type: "dns", value: "localhost" },
      { type: "ip", value: "127.0.0.1" },
    ],
    serverAuth: true,
    validityDays: 825,
  });
  write(
    layout.brokerKeystore,
    broker.privateKeyPem + broker.certificatePem + intermediate.certificatePem,
    true,
  );

  const console = issueLeafCertificate(intermediate, {
    subject: { commonName: CONSOLE_IDENTITY, organization: ORGANIZATION },
    validityDays: 825,
  });
  write(layout.consoleCert, console.certificatePem + intermediate.certificatePem);
  write(layout.consoleKey, console.privateKeyPem, true);
}

export function loadIntermediateCa(layout: BrokerLayout): CertificateAuthority {
  return {
    certificatePem: readFileSync(layout.intermediateCa, "utf8"),
    privateKeyPem: readFileSync(layout.intermediateCaKey, "utf8"),
  };
}

/** A client certificate for `commonName` (principal User:<commonName>), with the chain to send. */
export function issueClientCertificate(layout: BrokerLayout, commonName: string, validityDays = 30) {
  const intermediate = loadIntermediateCa(layout);
  const leaf = issueLeafCertificate(intermediate, { subject: { commonName }, validityDays });
  return { cert: leaf.certificatePem + intermediate.certificatePem, key: leaf.privateKeyPem };
}
