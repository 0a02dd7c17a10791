import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { signCsrSchema } from "@/lib/schemas/certificates";

import { authorityCertificates, ensureAuthority } from "./authority";
import { signCertificateRequest } from "./issuance";
import { admin, caTestbed, operator, run } from "./test-support";

const testbed = caTestbed();
const { context, audits } = testbed.context();

/** A CSR made the way the page tells users to: openssl req -new -newkey … -nodes. */
function opensslCsr(subject: string, newKey = "rsa:2048", extra: string[] = []): string {
  const where = testbed.directory();
  const csr = join(where, "client.csr");
  const made = run("openssl", [
    "req",
    "-new",
    "-newkey",
    newKey,
    "-nodes",
    "-keyout",
    join(where, "client.key"),
    "-subj",
    subject,
    "-out",
    csr,
    ...extra,
  ]);
  if (made.status !== 0) throw new Error(made.output);
  return readFileSync(csr, "utf8");
}

const sign = (fields: Record<string, unknown>, actor: typeof operator | typeof admin = operator) =>
  signCertificateRequest(context, signCsrSchema.parse({ validityDays: 30, ...fields }), actor);

let csrWithSans: string;
beforeAll(() => {
  ensureAuthority(context);
  csrWithSans = opensslCsr("/O=Acme/CN=csr-client", "rsa:2048", [
    "-addext",
    "subjectAltName=DNS:csr.example.com,IP:10.1.2.3,email:ops@example.com",
  ]);
});

describe("signing a CSR", () => {
  it("signs an openssl CSR: its subject, its key, its SANs; no private key in the answer", () => {
    const result = sign({ csrPem: csrWithSans });
    if (!result.ok) throw new Error(result.error);
    const bundle = result.data;
    expect(bundle.privateKeyPem).toBeUndefined();
    const x509 = new X509Certificate(bundle.certificatePem);
    expect(x509.subject.split("\n")).toEqual(["O=Acme", "CN=csr-client"]);
    expect(x509.subjectAltName).toBe("DNS:csr.example.com, IP Address:10.1.2.3, email:ops@example.com");
    expect(bundle.certificate).toMatchObject({
      source: "csr",
      keyAlgorithm: "rsa-2048",
      commonName: "csr-client",
    });
    const { rootPem, intermediatePem } = authorityCertificates(context);
    const files = testbed.files({
      "root.pem": rootPem,
      "intermediate.pem": intermediatePem,
      "leaf.pem": bundle.certificatePem,
    });
    expect(
      run("openssl", [
        "verify",
        "-CAfile",
        files["root.pem"]!,
        "-untrusted",
        files["intermediate.pem"]!,
        files["leaf.pem"]!,
      ]).status,
    ).toBe(0);
    expect(audits.at(-1)).toMatchObject({ action: "certificate.sign-csr", outcome: "success" });
  });

  it("lets the caller's SAN list replace the CSR's", () => {
    const result = sign({ csrPem: csrWithSans, subjectAltNames: "DNS:other.example.com" });
    expect(result.ok && new X509Certificate(result.data.certificatePem).subjectAltName).toBe(
      "DNS:other.example.com",
    );
  });

  it("refuses a tampered CSR: the signature does not verify", () => {
    const der = Buffer.from(csrWithSans.replace(/-----[^-]+-----|\s/g, ""), "base64");
    const at = der.indexOf(Buffer.from("csr-client"));
    der[at] = "x".charCodeAt(0);
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString("base64")}\n-----END CERTIFICATE REQUEST-----\n`;
    const result = sign({ csrPem: tampered });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(!result.ok && result.error).toContain("signature does not verify");
  });

  it("refuses a malformed CSR", () => {
    const result = sign({
      csrPem: "-----BEGIN CERTIFICATE REQUEST-----\nbm90IGEgY3Ny\n-----END CERTIFICATE REQUEST-----\n",
    });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(!result.ok && result.error).toMatch(/^Malformed CSR/);
    expect(signCsrSchema.safeParse({ csrPem: "hello" }).success).toBe(false);
  });

  it("refuses RSA keys under 2048 bits and non-RSA keys", () => {
    const small = sign({ csrPem: opensslCsr("/CN=small", "rsa:1024") });
    expect(!small.ok && small.error).toContain("1024 bits");
    const ec = sign({ csrPem: opensslCsr("/CN=ec", "ec", ["-pkeyopt", "ec_paramgen_curve:P-256"]) });
    expect(!ec.ok && ec.error).toContain("not an RSA key");
  });

  it("applies the same policy: reserved CN, bad CN, validity, SANs", () => {
    expect(sign({ csrPem: opensslCsr("/CN=kafka-console") })).toMatchObject({ ok: false, status: 403 });
    expect(sign({ csrPem: opensslCsr("/CN=kafka-console") }, admin).ok).toBe(true);
    const semicolon = sign({ csrPem: opensslCsr("/CN=a;b") });
    expect(!semicolon.ok && semicolon.error).toContain("CN");
    expect(sign({ csrPem: csrWithSans, validityDays: 1000 })).toMatchObject({ ok: false, status: 422 });
    const badSan = sign({
      csrPem: opensslCsr("/CN=wild", "rsa:2048", ["-addext", "subjectAltName=DNS:a.*.example.com"]),
    });
    expect(badSan).toMatchObject({ ok: false, status: 422 });
    const extra = sign({ csrPem: opensslCsr("/CN=x/emailAddress=x@example.com") });
    expect(!extra.ok && extra.error).toContain("only CN, O, OU, C, ST and L");
  });
});
