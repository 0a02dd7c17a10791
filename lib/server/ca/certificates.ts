import "server-only";

import { sign } from "node:crypto";
import forge from "node-forge";

import type { SubjectAltName } from "@/lib/schemas/certificates";

import { generateRsaKeyPair, type KeyPair, type RsaKeySize } from "./keys";
import { randomSerialNumber } from "./serial";

const DAY_MS = 24 * 60 * 60 * 1000;
// Backdate a little so a client whose clock runs behind still accepts a certificate issued just now.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface DistinguishedName {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  country?: string;
  state?: string;
  locality?: string;
}

export interface CertificateAuthority {
  certificatePem: string;
  privateKeyPem: string;
}

export interface SignedCertificate {
  certificatePem: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
}

export interface IssuedCertificate extends SignedCertificate {
  privateKeyPem: string;
}

/** A certificate complete but for its signature: `toBeSigned` is what the issuer's key signs. */
export interface UnsignedCertificate {
  certificate: forge.pki.Certificate;
  toBeSigned: Buffer;
}

export type { SubjectAltName };

export interface LeafRequest {
  subject: DistinguishedName;
  subjectAltNames?: SubjectAltName[];
  validityDays: number;
  /** Broker certificates also serve TLS; client certificates only authenticate. */
  serverAuth?: boolean;
  keySize?: RsaKeySize;
  /** Drawn by the caller when it must be unique in the store; random otherwise. */
  serialNumber?: string;
  /** Where relying parties fetch the issuer's CRL (http URL, DER). */
  crlDistributionPoint?: string;
  /** Issue and sign at this time (tests); now otherwise. */
  now?: number;
}

// GeneralName tags (RFC 5280 4.2.1.6): rfc822Name 1, dNSName 2, uniformResourceIdentifier 6, iPAddress 7.
function toGeneralName(san: SubjectAltName): object {
  switch (san.type) {
    case "email":
      return { type: 1, value: san.value };
    case "dns":
      return { type: 2, value: san.value };
    case "uri":
      return { type: 6, value: san.value };
    case "ip":
      return { type: 7, ip: san.value };
  }
}

/**
 * Subject attributes in the conventional order with the CN last: Java's RFC 2253 rendering then
 * starts with "CN=…", which is what the broker's ssl.principal.mapping.rules match.
 */
function toAttributes(name: DistinguishedName): forge.pki.CertificateField[] {
  const fields: [string, string | undefined][] = [
    ["C", name.country],
    ["ST", name.state],
    ["L", name.locality],
    ["O", name.organization],
    ["OU", name.organizationalUnit],
    ["CN", name.commonName],
  ];
  return (
    fields
      .filter((field): field is [string, string] => Boolean(field[1]))
      // UTF8String, not forge's default PrintableString, which cannot hold "_", "@" or "*" in a CN.
      // @types/node-forge types valueTagClass as a class, but forge reads it as the ASN.1 tag type.
      .map(([shortName, value]) => ({
        shortName,
        value,
        valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
      }))
  );
}

function newCertificate(
  keys: Pick<KeyPair, "publicKey">,
  validityDays: number,
  now = Date.now(),
): forge.pki.Certificate {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = randomSerialNumber();
  certificate.validity.notBefore = new Date(now - CLOCK_SKEW_MS);
  certificate.validity.notAfter = new Date(now + validityDays * DAY_MS);
  return certificate;
}

/**
 * What forge's certificate.sign() does up to the RSA operation, so that operation can run elsewhere
 * (ca-workers.ts, for requests): SHA-256 with RSA, the TBS part fixed in DER.
 */
function unsigned(certificate: forge.pki.Certificate): UnsignedCertificate {
  // forge's own fields and function, missing from its type definitions.
  const fields = certificate as unknown as { tbsCertificate: forge.asn1.Asn1 };
  const { getTBSCertificate } = forge.pki as unknown as {
    getTBSCertificate(certificate: forge.pki.Certificate): forge.asn1.Asn1;
  };
  certificate.signatureOid = certificate.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption!;
  fields.tbsCertificate = getTBSCertificate(certificate);
  return {
    certificate,
    toBeSigned: Buffer.from(forge.asn1.toDer(fields.tbsCertificate).getBytes(), "binary"),
  };
}

/** The certificate with `signature` (PKCS#1 v1.5, SHA-256) over its `toBeSigned`. */
export function completeCertificate(
  { certificate }: UnsignedCertificate,
  signature: Uint8Array,
): SignedCertificate {
  certificate.signature = Buffer.from(signature).toString("binary");
  return {
    certificatePem: toPem(certificate),
    serialNumber: certificate.serialNumber,
    notBefore: certificate.validity.notBefore,
    notAfter: certificate.validity.notAfter,
  };
}

/** Signs here, on the calling thread: for set-up and scripts; requests use ca-workers.ts. */
function signHere(certificate: forge.pki.Certificate, issuerKeyPem: string): string {
  const prepared = unsigned(certificate);
  return completeCertificate(prepared, sign("sha256", prepared.toBeSigned, issuerKeyPem)).certificatePem;
}

function caExtensions(pathLength: number | undefined): object[] {
  return [
    {
      name: "basicConstraints",
      cA: true,
      critical: true,
      ...(pathLength === undefined ? {} : { pathLenConstraint: pathLength }),
    },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ];
}

export function createRootCa(subject: DistinguishedName, validityDays = 3650): CertificateAuthority {
  const keys = generateRsaKeyPair(4096);
  const certificate = newCertificate(keys, validityDays);
  certificate.setSubject(toAttributes(subject));
  certificate.setIssuer(toAttributes(subject));
  certificate.setExtensions(caExtensions(undefined));
  return { certificatePem: signHere(certificate, keys.privateKeyPem), privateKeyPem: keys.privateKeyPem };
}

export function createIntermediateCa(
  issuer: CertificateAuthority,
  subject: DistinguishedName,
  validityDays = 1825,
): CertificateAuthority {
  const keys = generateRsaKeyPair(3072);
  const certificate = newCertificate(keys, validityDays);
  const issuerCertificate = forge.pki.certificateFromPem(issuer.certificatePem);
  certificate.setSubject(toAttributes(subject));
  certificate.setIssuer(issuerCertificate.subject.attributes);
  certificate.setExtensions([...caExtensions(0), authorityKeyIdentifier(issuerCertificate)]);
  return { certificatePem: signHere(certificate, issuer.privateKeyPem), privateKeyPem: keys.privateKeyPem };
}

export function issueLeafCertificate(issuer: CertificateAuthority, request: LeafRequest): IssuedCertificate {
  const keys = generateRsaKeyPair(request.keySize ?? 2048);
  return { ...signLeafCertificate(issuer, request, keys.publicKey), privateKeyPem: keys.privateKeyPem };
}

/** A leaf for a public key the caller holds the private half of (a CSR's): no key is generated. */
export function signLeafCertificate(
  issuer: CertificateAuthority,
  request: LeafRequest,
  publicKey: forge.pki.rsa.PublicKey,
): SignedCertificate {
  const prepared = prepareLeafCertificate(issuer, request, publicKey);
  return completeCertificate(prepared, sign("sha256", prepared.toBeSigned, issuer.privateKeyPem));
}

/** The leaf for `publicKey`, all but the signature, which `issuer`'s key makes over `toBeSigned`. */
export function prepareLeafCertificate(
  issuer: Pick<CertificateAuthority, "certificatePem">,
  request: LeafRequest,
  publicKey: forge.pki.rsa.PublicKey,
): UnsignedCertificate {
  const certificate = newCertificate({ publicKey }, request.validityDays, request.now);
  if (request.serialNumber) certificate.serialNumber = request.serialNumber;
  const issuerCertificate = forge.pki.certificateFromPem(issuer.certificatePem);
  certificate.setSubject(toAttributes(request.subject));
  certificate.setIssuer(issuerCertificate.subject.attributes);
  const extensions: object[] = [
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", clientAuth: true, serverAuth: Boolean(request.serverAuth) },
    { name: "subjectKeyIdentifier" },
    authorityKeyIdentifier(issuerCertificate),
  ];
  if (request.subjectAltNames?.length) {
    extensions.push({
      name: "subjectAltName",
      altNames: request.subjectAltNames.map(toGeneralName),
    });
  }
  if (request.crlDistributionPoint)
    extensions.push({
      name: "cRLDistributionPoints",
      altNames: [{ type: 6, value: request.crlDistributionPoint }],
    });
  certificate.setExtensions(extensions);
  return unsigned(certificate);
}

/** PEM with Unix line ends: forge writes CRLF, which some tools and diffs show as noise. */
function toPem(certificate: forge.pki.Certificate): string {
  return forge.pki.certificateToPem(certificate).replace(/\r\n/g, "\n");
}

/**
 * The issuer's own subject key identifier when it has one: an imported CA made by another tool may
 * have computed it differently, and verifiers match AKI against SKI when they build the chain.
 */
function authorityKeyIdentifier(issuerCertificate: forge.pki.Certificate): object {
  const ski = issuerCertificate.getExtension("subjectKeyIdentifier") as {
    subjectKeyIdentifier?: string;
  } | null;
  return {
    name: "authorityKeyIdentifier",
    keyIdentifier: ski?.subjectKeyIdentifier
      ? forge.util.hexToBytes(ski.subjectKeyIdentifier)
      : issuerCertificate.generateSubjectKeyIdentifier().getBytes(),
  };
}
