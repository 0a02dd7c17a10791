import "server-only";

// Which RSA public keys the CA signs for. Judged before any arithmetic with the key: verifying a
// signature raises it to the power e modulo n, so a CSR of 64 KiB with a huge e and n costs hours
// of CPU, and e = 1 makes any padded digest a "valid" signature without the private key.
import type forge from "node-forge";

export const MIN_RSA_BITS = 2048;
/**
 * Go's crypto/tls refuses RSA keys over 8192 bits in a handshake (maxRSAKeySize, since Go 1.21
 * for CVE-2023-29409), so a bigger certificate could not connect through Go clients or proxies;
 * OpenSSL's own ceiling is 16384 (OPENSSL_RSA_MAX_MODULUS_BITS).
 */
export const MAX_RSA_BITS = 8192;
/**
 * Go's crypto/rsa refuses e > 2^31 − 1 (checkPub, "public exponent too large"); OpenSSL refuses
 * exponents over 64 bits once n exceeds 3072 bits (OPENSSL_RSA_MAX_PUBEXP_BITS), Windows CNG holds
 * e in 32 bits. The strictest keeps the certificate usable by all; real keys use 65537 (or 3).
 */
export const MAX_RSA_EXPONENT = 2 ** 31 - 1;

const describeExponent = (e: forge.jsbn.BigInteger) =>
  e.bitLength() <= 53 ? `is ${e.toString(10)}` : `has ${e.bitLength()} bits`;

/** Why this key is refused, for the CSR's requester; null when it is acceptable. */
export function rsaPublicKeyRefusal(n: forge.jsbn.BigInteger, e: forge.jsbn.BigInteger): string | null {
  const bits = n.bitLength();
  if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS)
    return `The CSR's RSA key has ${bits} bits; this CA signs keys of ${MIN_RSA_BITS} to ${MAX_RSA_BITS} bits.`;
  if (!n.testBit(0)) return "The CSR's RSA modulus is even: it is not an RSA key.";
  const exponentRule = `this CA accepts an odd public exponent from 3 to at most 2^31 − 1 (65537 is usual), as Go and OpenSSL do.`;
  // 31 bits at most is ≤ 2^31 − 1, so intValue() is exact from here on.
  if (e.bitLength() > 31 || e.intValue() < 3 || !e.testBit(0))
    return `The CSR's public exponent ${describeExponent(e)}; ${exponentRule}`;
  return null;
}
