import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { signCsrSchema } from "@/lib/schemas/certificates";

import { WorkerPoolBusyError } from "@/lib/server/workers/worker-pool";

import { authorityCertificates, ensureAuthority } from "./authority";
import { bigInteger, csrWithKey, randomOdd } from "@/test/fixtures/csr";
import { signCertificateRequest } from "./issuance";
import { admin, caTestbed, operator, run } from "@/test/fixtures/ca-testbed";

const testbed = caTestbed();
// The CSRs below ask for IP SANs, which this CA's policy (ca.subjectAltNames) refuses by default.
const { context, audits } = testbed.context({
  settings: { subjectAltNames: { allowWildcards: false, allowIpAddresses: true, allowedDomains: [] } },
});

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
beforeAll(async () => {
  await ensureAuthority(context);
  csrWithSans = opensslCsr("/O=Acme/CN=csr-client", "rsa:2048", [
    "-addext",
    "subjectAltName=DNS:csr.example.com,IP:10.1.2.3,email:ops@example.com",
  ]);
});

describe("signing a CSR", () => {
  it("signs an openssl CSR: its subject, its key, its SANs; no private key in the answer", async () => {
    const result = await sign({ csrPem: csrWithSans });
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
    const { rootPem, intermediatePem } = await authorityCertificates(context);
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

  it("lets the caller's SAN list replace the CSR's", async () => {
    const result = await sign({ csrPem: csrWithSans, subjectAltNames: "DNS:other.example.com" });
    expect(result.ok && new X509Certificate(result.data.certificatePem).subjectAltName).toBe(
      "DNS:other.example.com",
    );
  });

  it("refuses a tampered CSR: the signature does not verify", async () => {
    const der = Buffer.from(csrWithSans.replace(/-----[^-]+-----|\s/g, ""), "base64");
    const at = der.indexOf(Buffer.from("csr-client"));
    der[at] = "x".charCodeAt(0);
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString("base64")}\n-----END CERTIFICATE REQUEST-----\n`;
    const result = await sign({ csrPem: tampered });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(!result.ok && result.error).toContain("signature does not verify");
  });

  it("refuses a malformed CSR", async () => {
    const result = await sign({
      csrPem: "-----BEGIN CERTIFICATE REQUEST-----\nbm90IGEgY3Ny\n-----END CERTIFICATE REQUEST-----\n",
    });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(!result.ok && result.error).toMatch(/^Malformed CSR/);
    expect(signCsrSchema.safeParse({ csrPem: "hello" }).success).toBe(false);
  });

  it("refuses RSA keys under 2048 bits and non-RSA keys", async () => {
    const small = await sign({ csrPem: opensslCsr("/CN=small", "rsa:1024") });
    expect(!small.ok && small.error).toContain("1024 bits");
    const ec = await sign({ csrPem: opensslCsr("/CN=ec", "ec", ["-pkeyopt", "ec_paramgen_curve:P-256"]) });
    expect(!ec.ok && ec.error).toContain("not an RSA key");
  });

  it("applies the same policy: reserved CN, bad CN, validity, SANs", async () => {
    expect(await sign({ csrPem: opensslCsr("/CN=kafka-console") })).toMatchObject({ ok: false, status: 403 });
    expect((await sign({ csrPem: opensslCsr("/CN=kafka-console") }, admin)).ok).toBe(true);
    const semicolon = await sign({ csrPem: opensslCsr("/CN=a;b") });
    expect(!semicolon.ok && semicolon.error).toContain("CN");
    expect(await sign({ csrPem: csrWithSans, validityDays: 1000 })).toMatchObject({ ok: false, status: 422 });
    const badSan = await sign({
      csrPem: opensslCsr("/CN=wild", "rsa:2048", ["-addext", "subjectAltName=DNS:a.*.example.com"]),
    });
    expect(badSan).toMatchObject({ ok: false, status: 422 });
    const extra = await sign({ csrPem: opensslCsr("/CN=x/emailAddress=x@example.com") });
    expect(!extra.ok && extra.error).toContain("only CN, O, OU, C, ST and L");
  });
});

// Issue 10: forge's verify() raised the signature to the power e with no bound on e or n; an 8 KB
// CSR (8192-bit n and e) held the thread that serves requests for 4.3 s, 64 KiB for hours.
describe("judging the CSR's key before its signature", () => {
  it("refuses a huge public exponent with a specific answer, not after the exponentiation", async () => {
    const result = await sign({ csrPem: csrWithKey(randomOdd(8192), randomOdd(8192)) });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(!result.ok && result.error).toMatch(
      /public exponent has 8192 bits; this CA accepts .* at most 2\^31 − 1/,
    );
  });

  it("refuses a modulus over 8192 bits", async () => {
    const result = await sign({ csrPem: csrWithKey(randomOdd(16384), bigInteger(65537)) });
    expect(!result.ok && result.error).toContain(
      "The CSR's RSA key has 16384 bits; this CA signs keys of 2048 to 8192 bits",
    );
  });

  it("refuses e = 1, whose signature anyone can make without a private key", async () => {
    const result = await sign({ csrPem: csrWithKey(randomOdd(2048), bigInteger(1), "exponent-one") });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(!result.ok && result.error).toContain("public exponent is 1");
  });

  it("refuses an even exponent", async () => {
    const result = await sign({ csrPem: csrWithKey(randomOdd(2048), bigInteger(65536)) });
    expect(!result.ok && result.error).toContain("public exponent is 65536");
  });

  it("takes the largest exponent allowed on to the signature check", async () => {
    const result = await sign({ csrPem: csrWithKey(randomOdd(8192), bigInteger(2 ** 31 - 1)) });
    expect(!result.ok && result.error).toContain("signature does not verify");
  });
});

describe("the signature check's worker threads", () => {
  it("answers 503 with the pool's message when they are busy, and signs nothing", async () => {
    const before = (await context.store.certificates.query({ now: "", expiringBefore: "", limit: 1000 }))
      .total;
    const busy = () =>
      Promise.reject(new WorkerPoolBusyError("The server is busy with other certificate work."));
    const result = await signCertificateRequest(
      context,
      signCsrSchema.parse({ csrPem: csrWithSans, validityDays: 30 }),
      operator,
      busy,
    );
    expect(result).toMatchObject({
      ok: false,
      status: 503,
      error: "The server is busy with other certificate work.",
    });
    expect((await context.store.certificates.query({ now: "", expiringBefore: "", limit: 1000 })).total).toBe(
      before,
    );
  });
});
