import "server-only";

// What the inventory and the CA page show about a certificate, read with Node's own X.509 code.
import { X509Certificate } from "node:crypto";

import type { CaCertificateInfo } from "@/lib/schemas/certificates";

const RFC2253_SPECIALS = /[,+"\\<>;=]/g;

/**
 * RFC 2253: the most specific attribute first ("CN=alice,O=Acme,C=BE"), the form Kafka's
 * principal mapping rules see. Node prints the subject one attribute per line, in DER order.
 */
export function rfc2253Subject(certificate: X509Certificate): string {
  return certificate.subject
    .split("\n")
    .filter(Boolean)
    .reverse()
    .map((attribute) => {
      const equals = attribute.indexOf("=");
      const value = attribute.slice(equals + 1).replace(RFC2253_SPECIALS, (character) => `\\${character}`);
      return `${attribute.slice(0, equals)}=${value.replace(/^([ #])/, "\\$1").replace(/ $/, "\\ ")}`;
    })
    .join(",");
}

export function commonNameOf(certificatePem: string): string | undefined {
  try {
    const lines = new X509Certificate(certificatePem).subject.split("\n");
    return lines.findLast((line) => line.startsWith("CN="))?.slice(3);
  } catch {
    return undefined;
  }
}

export function caCertificateInfo(pem: string): CaCertificateInfo {
  const certificate = new X509Certificate(pem);
  return {
    pem,
    subject: rfc2253Subject(certificate),
    fingerprintSha256: certificate.fingerprint256,
    notBefore: new Date(certificate.validFrom).toISOString(),
    notAfter: new Date(certificate.validTo).toISOString(),
  };
}

/** The PEM blocks of a bundle, each ending with a newline. */
export function splitPemCertificates(text: string): string[] {
  return Array.from(
    text.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g),
    (match) => `${match[0]}\n`,
  );
}
