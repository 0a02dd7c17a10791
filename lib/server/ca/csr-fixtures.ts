// CSRs no honest tool makes, for the tests and the benchmark: any modulus and exponent, a signature
// of the right length that verifies against nothing, or one "signed" with e = 1, which needs no
// private key at all (s^1 mod n = s).
import { createHash, randomBytes } from "node:crypto";

import forge from "node-forge";

type BigInteger = forge.jsbn.BigInteger;

/** A random odd number of exactly `bits` bits. */
export function randomOdd(bits: number): BigInteger {
  const bytes = randomBytes(Math.ceil(bits / 8));
  bytes[0] = (bytes[0]! | 0x80) >> (bytes.length * 8 - bits);
  bytes[bytes.length - 1]! |= 1;
  return new forge.jsbn.BigInteger(bytes.toString("hex"), 16);
}

export const bigInteger = (value: number | bigint) => new forge.jsbn.BigInteger(value.toString(16), 16);

// DigestInfo for SHA-256 (RFC 8017 9.2), then EMSA-PKCS1-v1_5 padding to the modulus' length.
function pkcs1Encoded(info: forge.asn1.Asn1, modulusBytes: number): string {
  const der = forge.asn1.toDer(info).getBytes();
  const digest = createHash("sha256").update(Buffer.from(der, "binary")).digest();
  const digestInfo = Buffer.concat([Buffer.from("3031300d060960864801650304020105000420", "hex"), digest]);
  const padding = Buffer.alloc(modulusBytes - digestInfo.length - 3, 0xff);
  return Buffer.concat([Buffer.from([0, 1]), padding, Buffer.from([0]), digestInfo]).toString("binary");
}

/** A PEM CSR for CN=`commonName` with this public key; see the file comment for `signature`. */
export function csrWithKey(
  modulus: BigInteger,
  exponent: BigInteger,
  signature: "random" | "exponent-one" = "random",
  commonName = "hostile",
): string {
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.setRsaPublicKey(modulus, exponent);
  csr.setSubject([{ shortName: "CN", value: commonName }]);
  // forge has no "sign with this signature" call: fill in what csr.sign() would.
  const unsigned = csr as unknown as {
    signatureOid: string;
    siginfo: { algorithmOid: string };
    signature: string;
    certificationRequestInfo: forge.asn1.Asn1;
  };
  unsigned.signatureOid = unsigned.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption!;
  // Public in forge, missing from its type definitions.
  const { getCertificationRequestInfo } = forge.pki as unknown as {
    getCertificationRequestInfo(request: forge.pki.CertificateSigningRequest): forge.asn1.Asn1;
  };
  unsigned.certificationRequestInfo = getCertificationRequestInfo(csr);
  const modulusBytes = Math.ceil(modulus.bitLength() / 8);
  // A leading 0x01 keeps the number below the modulus, so a verifier does the whole exponentiation.
  unsigned.signature =
    signature === "exponent-one"
      ? pkcs1Encoded(unsigned.certificationRequestInfo, modulusBytes)
      : `\u0001${randomBytes(modulusBytes - 1).toString("binary")}`;
  return forge.pki.certificationRequestToPem(csr);
}
