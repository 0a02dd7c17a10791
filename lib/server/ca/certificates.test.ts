import { X509Certificate, createPrivateKey } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

import {
  createIntermediateCa,
  createRootCa,
  issueLeafCertificate,
  type CertificateAuthority,
} from "./certificates";

let root: CertificateAuthority;
let intermediate: CertificateAuthority;

beforeAll(() => {
  root = createRootCa({ commonName: "Test Root CA", organization: "Test" });
  intermediate = createIntermediateCa(root, { commonName: "Test Intermediate CA", organization: "Test" });
});

describe("certificate authority", () => {
  it("chains leaf → intermediate → root, verified by Node's own X.509 code", () => {
    const leaf = issueLeafCertificate(intermediate, { subject: { commonName: "alice" }, validityDays: 30 });
    const rootCert = new X509Certificate(root.certificatePem);
    const intermediateCert = new X509Certificate(intermediate.certificatePem);
    const leafCert = new X509Certificate(leaf.certificatePem);

    expect(rootCert.ca).toBe(true);
    expect(rootCert.verify(rootCert.publicKey)).toBe(true);
    expect(intermediateCert.ca).toBe(true);
    expect(intermediateCert.checkIssued(rootCert)).toBe(true);
    expect(intermediateCert.verify(rootCert.publicKey)).toBe(true);
    expect(leafCert.ca).toBe(false);
    expect(leafCert.checkIssued(intermediateCert)).toBe(true);
    expect(leafCert.verify(intermediateCert.publicKey)).toBe(true);
    expect(leafCert.verify(rootCert.publicKey)).toBe(false);
  });

  it("puts the CN last in the subject, so the RFC 2253 form the broker maps starts with CN=", () => {
    const leaf = issueLeafCertificate(intermediate, {
      subject: { commonName: "stream-processor", organization: "Acme", country: "BE" },
      validityDays: 30,
    });
    expect(new X509Certificate(leaf.certificatePem).subject.split("\n")).toEqual([
      "C=BE",
      "O=Acme",
      "CN=stream-processor",
    ]);
  });

  it("issues client-only leaves unless server auth is asked for, with the requested SANs", () => {
    const client = new X509Certificate(
      issueLeafCertificate(intermediate, { subject: { commonName: "c" }, validityDays: 1 }).certificatePem,
    );
    const broker = new X509Certificate(
      issueLeafCertificate(intermediate, {
        subject: { commonName: "broker" },
        subjectAltNames: [
          { type: "dns", value: "localhost" },
          { type: "ip", value: "127.0.0.1" },
        ],
        serverAuth: true,
        validityDays: 1,
      }).certificatePem,
    );
    expect(client.keyUsage).toEqual(["1.3.6.1.5.5.7.3.2"]);
    expect(broker.keyUsage?.sort()).toEqual(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
    expect(broker.subjectAltName).toBe("DNS:localhost, IP Address:127.0.0.1");
    expect(broker.checkHost("localhost")).toBe("localhost");
    expect(broker.checkIP("127.0.0.1")).toBe("127.0.0.1");
  });

  it("returns an unencrypted PKCS#8 key that matches the certificate", () => {
    const leaf = issueLeafCertificate(intermediate, { subject: { commonName: "k" }, validityDays: 1 });
    expect(leaf.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const certificate = new X509Certificate(leaf.certificatePem);
    expect(certificate.checkPrivateKey(createPrivateKey(leaf.privateKeyPem))).toBe(true);
  });

  it("gives each certificate a distinct positive serial of at least 64 bits and the asked validity", () => {
    const serials = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const leaf = issueLeafCertificate(intermediate, { subject: { commonName: `s${i}` }, validityDays: 90 });
      const serial = new X509Certificate(leaf.certificatePem).serialNumber;
      expect(serial.length).toBeGreaterThanOrEqual(16);
      expect(Number.parseInt(serial[0]!, 16)).toBeLessThan(8);
      serials.add(serial);
      const days = (leaf.notAfter.getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(89.9);
      expect(days).toBeLessThanOrEqual(90);
    }
    expect(serials.size).toBe(5);
  });
});
