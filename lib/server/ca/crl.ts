import "server-only";

// X.509 v2 CRLs (RFC 5280 section 5). node-forge reads certificates but cannot write CRLs, so the
// structure is built here with forge.asn1 and signed with Node's crypto (SHA-256 with RSA).
import { sign } from "node:crypto";
import forge from "node-forge";

import type { RevocationReason } from "@/lib/schemas/certificates";

const { asn1 } = forge;
const OID_SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
const OID_REASON_CODE = "2.5.29.21";
const OID_AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
const OID_CRL_NUMBER = "2.5.29.20";

export const REASON_CODES: Record<RevocationReason, number> = {
  unspecified: 0,
  keyCompromise: 1,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
};

export interface RevokedEntry {
  serialNumber: string;
  revokedAt: Date;
  reason: string;
}

export interface CrlRequest {
  issuerCertificatePem: string;
  issuerKeyPem: string;
  crlNumber: number;
  thisUpdate: Date;
  nextUpdate: Date;
  revoked: readonly RevokedEntry[];
}

export interface SignedCrl {
  der: Buffer;
  pem: string;
}

const sequence = (items: forge.asn1.Asn1[]) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);

/** Positive INTEGER from hex: a leading 00 when the high bit is set, as DER requires. */
function integerFromHex(hex: string): forge.asn1.Asn1 {
  let even = hex.length % 2 ? `0${hex}` : hex;
  even = even.replace(/^(00)+(?=[0-9a-f]{2})/i, "");
  if (Number.parseInt(even.slice(0, 2), 16) >= 0x80) even = `00${even}`;
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, forge.util.hexToBytes(even));
}

const integer = (value: number) => integerFromHex(value.toString(16));

// UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 5.1.2.4).
function time(date: Date): forge.asn1.Asn1 {
  return date.getUTCFullYear() < 2050
    ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

function extension(oid: string, value: forge.asn1.Asn1): forge.asn1.Asn1 {
  return sequence([
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes()),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, asn1.toDer(value).getBytes()),
  ]);
}

const algorithm = () =>
  sequence([
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(OID_SHA256_WITH_RSA).getBytes()),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ""),
  ]);

/** The issuer's subject exactly as encoded in its certificate, so relying parties match it byte for byte. */
function issuerName(certificatePem: string): forge.asn1.Asn1 {
  const der = forge.pem.decode(certificatePem)[0]!.body;
  const tbs = (asn1.fromDer(der).value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  const hasVersion = tbs[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC;
  return tbs[hasVersion ? 5 : 4]!;
}

/** The issuer's subject key identifier, which its certificates' AKI (and this CRL's) repeat. */
function issuerKeyIdentifier(certificatePem: string): string {
  const certificate = forge.pki.certificateFromPem(certificatePem);
  const ski = certificate.getExtension("subjectKeyIdentifier") as { subjectKeyIdentifier?: string } | null;
  return ski?.subjectKeyIdentifier
    ? forge.util.hexToBytes(ski.subjectKeyIdentifier)
    : certificate.generateSubjectKeyIdentifier().getBytes();
}

function revokedEntry(entry: RevokedEntry): forge.asn1.Asn1 {
  const fields = [integerFromHex(entry.serialNumber), time(entry.revokedAt)];
  const code = REASON_CODES[entry.reason as RevocationReason] ?? 0;
  // RFC 5280 5.3.1: "unspecified" SHOULD be expressed by leaving the reason code out.
  if (code !== 0)
    fields.push(
      sequence([
        extension(
          OID_REASON_CODE,
          asn1.create(asn1.Class.UNIVERSAL, asn1.Type.ENUMERATED, false, String.fromCharCode(code)),
        ),
      ]),
    );
  return sequence(fields);
}

export function buildCrl(request: CrlRequest): SignedCrl {
  const tbsFields = [
    integer(1), // v2
    algorithm(),
    issuerName(request.issuerCertificatePem),
    time(request.thisUpdate),
    time(request.nextUpdate),
  ];
  if (request.revoked.length > 0) tbsFields.push(sequence(request.revoked.map(revokedEntry)));
  const authorityKeyIdentifier = sequence([
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, issuerKeyIdentifier(request.issuerCertificatePem)),
  ]);
  tbsFields.push(
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [
      sequence([
        extension(OID_AUTHORITY_KEY_IDENTIFIER, authorityKeyIdentifier),
        extension(OID_CRL_NUMBER, integer(request.crlNumber)),
      ]),
    ]),
  );
  const tbs = sequence(tbsFields);
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), "binary");
  const signature = sign("sha256", tbsDer, request.issuerKeyPem);
  const crl = sequence([
    tbs,
    algorithm(),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, `\u0000${signature.toString("binary")}`),
  ]);
  const der = Buffer.from(asn1.toDer(crl).getBytes(), "binary");
  const base64 = der
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .replace(/\n$/, "");
  return { der, pem: `-----BEGIN X509 CRL-----\n${base64}\n-----END X509 CRL-----\n` };
}
