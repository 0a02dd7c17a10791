import "server-only";

// PKCS#10 requests: the private key stays on the requester's machine; the CA takes the public key,
// the subject and the requested SANs, each checked like a generated certificate's. Other requested
// extensions (basicConstraints, key usages) are ignored: the CA sets its own. The key is judged
// before its signature is checked (rsa-key-policy.ts), and the check runs in a worker thread.
import forge from "node-forge";

import { actionError, actionOk, type ActionResult } from "@/lib/errors";
import {
  commonNameSchema,
  issueCertificateSchema,
  type SubjectAltName,
  subjectAltNameSchema,
} from "@/lib/schemas/certificates";

import { runCaTask } from "./ca-workers";
import type { DistinguishedName } from "./certificates";
import { MIN_RSA_BITS, rsaPublicKeyRefusal } from "./rsa-key-policy";

/** Checks a CSR's self-signature; the key in it has passed rsaPublicKeyRefusal(). */
export type CsrSignatureCheck = (csrPem: string) => Promise<boolean>;

const verifyInWorker: CsrSignatureCheck = (csrPem) => runCaTask("verifyCsrSignature", { csrPem });

export interface ParsedCsr {
  subject: DistinguishedName;
  subjectAltNames: SubjectAltName[];
  publicKey: forge.pki.rsa.PublicKey;
  keyBits: number;
}

const SUBJECT_FIELDS: Record<string, keyof DistinguishedName> = {
  CN: "commonName",
  O: "organization",
  OU: "organizationalUnit",
  C: "country",
  ST: "state",
  L: "locality",
};

// GeneralName tags in the requested subjectAltName extension.
const SAN_TAGS: Record<number, SubjectAltName["type"]> = { 1: "email", 2: "dns", 6: "uri", 7: "ip" };

const refuse = (message: string) => actionError<ParsedCsr>(422, message, { csrPem: [message] });

// Some tools (older keytool, Windows) write "NEW CERTIFICATE REQUEST"; the content is the same.
const normalize = (pem: string) =>
  pem.replace(/-----(BEGIN|END) NEW CERTIFICATE REQUEST-----/g, "-----$1 CERTIFICATE REQUEST-----");

/** Parsing only: forge checks no signature until verify() is called. */
function decodeCsr(normalized: string): forge.pki.CertificateSigningRequest | string {
  try {
    return forge.pki.certificationRequestFromPem(normalized, true, true);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (reason.includes("OID is not RSA"))
      return `The CSR's key is not an RSA key; this CA signs RSA keys of at least ${MIN_RSA_BITS} bits only (create one with: openssl req -new -newkey rsa:2048 -nodes -keyout client.key -out client.csr).`;
    return "Malformed CSR: it is not a valid PKCS#10 certificate request in PEM (-----BEGIN CERTIFICATE REQUEST-----).";
  }
}

function attributeValue(attribute: { value?: unknown; valueTagClass?: unknown }): string {
  const value = String(attribute.value ?? "");
  return attribute.valueTagClass === forge.asn1.Type.UTF8 ? forge.util.decodeUtf8(value) : value;
}

function readSubject(csr: forge.pki.CertificateSigningRequest): DistinguishedName | string {
  const subject: Partial<Record<keyof DistinguishedName, string>> = {};
  for (const attribute of csr.subject.attributes) {
    const field = attribute.shortName ? SUBJECT_FIELDS[attribute.shortName] : undefined;
    const label = attribute.shortName ?? attribute.name ?? attribute.type ?? "?";
    if (!field) return `The CSR's subject has ${label}; only CN, O, OU, C, ST and L are accepted.`;
    if (subject[field] !== undefined) return `The CSR's subject has ${label} more than once.`;
    subject[field] = attributeValue(attribute);
  }
  if (subject.commonName === undefined) return "The CSR's subject has no CN (common name).";
  return subject as DistinguishedName;
}

function readSubjectAltNames(csr: forge.pki.CertificateSigningRequest): SubjectAltName[] | string {
  const request = csr.getAttribute({ name: "extensionRequest" }) as { extensions?: unknown[] } | null;
  const extension = request?.extensions?.find(
    (candidate): candidate is { altNames: { type: number; value: string; ip?: string }[] } =>
      (candidate as { name?: string }).name === "subjectAltName",
  );
  const names: SubjectAltName[] = [];
  for (const altName of extension?.altNames ?? []) {
    const type = SAN_TAGS[altName.type];
    if (!type)
      return `The CSR asks for a subject alternative name of a type this CA does not issue (GeneralName tag ${altName.type}); DNS, IP, e-mail and URI only.`;
    names.push({ type, value: type === "ip" ? (altName.ip ?? "") : altName.value } as SubjectAltName);
  }
  return names;
}

/**
 * Parses and checks a CSR: well-formed, an RSA key of 2048 to 8192 bits with a sane exponent, then
 * its self-signature (in a worker thread), then an acceptable subject.
 */
export async function parseCsr(
  pem: string,
  signatureVerifies: CsrSignatureCheck = verifyInWorker,
): Promise<ActionResult<ParsedCsr>> {
  const normalized = normalize(pem);
  const csr = decodeCsr(normalized);
  if (typeof csr === "string") return refuse(csr);
  const publicKey = csr.publicKey as forge.pki.rsa.PublicKey | null;
  if (!publicKey?.n || !publicKey.e) return refuse("The CSR has no RSA public key.");
  const keyRefusal = rsaPublicKeyRefusal(publicKey.n, publicKey.e);
  if (keyRefusal) return refuse(keyRefusal);
  if (!(await signatureVerifies(normalized)))
    return refuse(
      "The CSR's signature does not verify: the request was altered after signing, or was not signed by the key it contains.",
    );
  const keyBits = publicKey.n.bitLength();

  const subject = readSubject(csr);
  if (typeof subject === "string") return refuse(subject);
  const commonName = commonNameSchema.safeParse(subject.commonName);
  if (!commonName.success) return refuse(`The CSR's CN: ${commonName.error.issues[0]?.message}`);
  // The other subject attributes pass the same rules as the form's fields.
  const { commonName: _cn, ...rest } = subject;
  void _cn;
  const others = issueCertificateSchema
    .pick({ organization: true, organizationalUnit: true, country: true, state: true, locality: true })
    .safeParse(rest);
  if (!others.success) {
    const issue = others.error.issues[0];
    return refuse(`The CSR's subject: ${String(issue?.path[0] ?? "")} ${issue?.message ?? "is invalid"}`);
  }

  const subjectAltNames = readSubjectAltNames(csr);
  if (typeof subjectAltNames === "string") return refuse(subjectAltNames);
  for (const san of subjectAltNames) {
    const checked = subjectAltNameSchema.safeParse(san);
    if (!checked.success)
      return actionError(
        422,
        `The CSR's ${san.type.toUpperCase()} name "${san.value}": ${checked.error.issues[0]?.message}`,
        {
          subjectAltNames: [`${san.type.toUpperCase()} "${san.value}": ${checked.error.issues[0]?.message}`],
        },
      );
  }
  return actionOk({ subject: { ...subject, ...others.data }, subjectAltNames, publicKey, keyBits });
}
