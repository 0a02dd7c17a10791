import { X509Certificate, createPrivateKey } from "node:crypto";

import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";

import { issueCertificateSchema } from "@/lib/schemas/certificates";

import { authorityCertificates, ensureAuthority } from "./authority";
import { issueLeafCertificate, createIntermediateCa, createRootCa } from "./certificates";
import { issueCertificate } from "./issuance";
import { admin, caTestbed, operator, run } from "@/test/fixtures/ca-testbed";

const testbed = caTestbed();
// Every SAN type is read back below: this CA's policy (ca.subjectAltNames) allows wildcards and IPs.
const { context, audits } = testbed.context({
  settings: {
    publicUrl: "https://console.example.com",
    subjectAltNames: { allowWildcards: true, allowIpAddresses: true, allowedDomains: [] },
  },
});
let chain: Record<string, string>;

beforeAll(async () => {
  await ensureAuthority(context);
  const { rootPem, intermediatePem } = await authorityCertificates(context);
  chain = testbed.files({ "root.pem": rootPem, "intermediate.pem": intermediatePem });
});

const input = (fields: Record<string, unknown>) =>
  issueCertificateSchema.parse({ validityDays: 30, ...fields });

async function issued(fields: Record<string, unknown>, actor: typeof operator | typeof admin = operator) {
  const result = await issueCertificate(context, input(fields), actor);
  if (!result.ok) throw new Error(`${result.status} ${result.error}`);
  return result.data;
}

describe("issuing a client certificate", () => {
  it("has the subject, every SAN type, the client-only extensions and the CRL distribution point, as openssl reads them", async () => {
    const bundle = await issued({
      commonName: "stream-processor",
      organization: "Acme",
      organizationalUnit: "Payments",
      country: "be",
      subjectAltNames: [
        { type: "dns", value: "*.apps.example.com" },
        { type: "ip", value: "10.0.0.7" },
        { type: "ip", value: "2001:db8::7" },
        { type: "email", value: "team@example.com" },
        { type: "uri", value: "spiffe://example.com/ns/payments/sa/processor" },
      ],
    });
    const files = testbed.files({ "cert.pem": bundle.certificatePem });
    const text = run("openssl", ["x509", "-in", files["cert.pem"]!, "-noout", "-text"]).output;
    expect(text).toMatch(/Subject: C\s?=\s?BE, O\s?=\s?Acme, OU\s?=\s?Payments, CN\s?=\s?stream-processor/);
    expect(text).toContain(
      "DNS:*.apps.example.com, IP Address:10.0.0.7, IP Address:2001:DB8:0:0:0:0:0:7, email:team@example.com, URI:spiffe://example.com/ns/payments/sa/processor",
    );
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Key Encipherment/);
    expect(text).toMatch(/X509v3 Extended Key Usage:\s+TLS Web Client Authentication\n/);
    expect(text).not.toContain("TLS Web Server Authentication");
    expect(text).toContain("X509v3 Subject Key Identifier");
    expect(text).toContain("X509v3 Authority Key Identifier");
    expect(text).toMatch(
      /CRL Distribution Points:\s+Full Name:\s+URI:https:\/\/console\.example\.com\/tools\/ca\/crl\.der/,
    );

    const x509 = new X509Certificate(bundle.certificatePem);
    expect(x509.subject.split("\n")).toEqual(["C=BE", "O=Acme", "OU=Payments", "CN=stream-processor"]);
    expect(x509.keyUsage).toEqual(["1.3.6.1.5.5.7.3.2"]);
    expect(x509.checkPrivateKey(createPrivateKey(bundle.privateKeyPem!))).toBe(true);
    const days = (Date.parse(x509.validTo) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect(bundle.certificate).toMatchObject({
      commonName: "stream-processor",
      subject: "CN=stream-processor,OU=Payments,O=Acme,C=BE",
      keyAlgorithm: "rsa-2048",
      source: "generated",
      issuedBy: operator.actor,
      status: "valid",
      serialNumber: x509.serialNumber.toLowerCase(),
      fingerprintSha256: x509.fingerprint256,
    });
  });

  it("chains to the root: openssl verify -CAfile root -untrusted intermediate", async () => {
    const bundle = await issued({ commonName: "chained" });
    const files = testbed.files({ "leaf.pem": bundle.certificatePem, "chain.pem": bundle.chainPem.join("") });
    const verified = run("openssl", [
      "verify",
      "-CAfile",
      chain["root.pem"]!,
      "-untrusted",
      chain["intermediate.pem"]!,
      files["leaf.pem"]!,
    ]);
    expect(verified).toEqual({ status: 0, output: `${files["leaf.pem"]}: OK\n` });
    expect(bundle.chainPem).toHaveLength(2);
    expect(bundle.caPem).toBe((await authorityCertificates(context)).rootPem);
  });

  it("adds serverAuth only when asked, and the asked key size", async () => {
    // Server certificates are for brokers: admins only.
    const bundle = await issued({ commonName: "broker-2", serverAuth: true, keyType: "rsa-3072" }, admin);
    const x509 = new X509Certificate(bundle.certificatePem);
    expect(x509.keyUsage?.sort()).toEqual(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
    expect(x509.publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(bundle.certificate.keyAlgorithm).toBe("rsa-3072");
  });

  it("stores the certificate without its key and records the issue in the audit trail", async () => {
    const bundle = await issued({ commonName: "audited" });
    const record = await context.store.certificates.find(bundle.certificate.serialNumber);
    expect(record?.certificatePem).toBe(bundle.certificatePem);
    expect(JSON.stringify(record)).not.toContain("PRIVATE KEY");
    expect(audits.at(-1)).toMatchObject({
      actor: operator.actor,
      action: "certificate.issue",
      target: bundle.certificate.serialNumber,
      outcome: "success",
    });
    expect(JSON.stringify(audits)).not.toContain("PRIVATE KEY");
  });

  it("zips cert.pem, key.pem, chain.pem, ca.pem and README.txt", async () => {
    const bundle = await issued({ commonName: "zipped" });
    const entries = unzipSync(Buffer.from(bundle.zipBase64, "base64"));
    expect(Object.keys(entries).sort()).toEqual(["README.txt", "ca.pem", "cert.pem", "chain.pem", "key.pem"]);
    expect(strFromU8(entries["cert.pem"]!)).toBe(bundle.certificatePem);
    expect(strFromU8(entries["key.pem"]!)).toBe(bundle.privateKeyPem);
    expect(strFromU8(entries["chain.pem"]!)).toBe(bundle.chainPem.join(""));
    expect(strFromU8(entries["ca.pem"]!)).toBe(bundle.caPem);
    expect(strFromU8(entries["README.txt"]!)).toContain("User:zipped");
    expect(bundle.pkcs12Base64).toBeUndefined();
  });

  it("builds a PKCS#12 that Java's keytool and openssl open with the chosen password", async () => {
    const password = "correct horse battery";
    const bundle = await issued({ commonName: "java-client", pkcs12Password: password });
    const files = testbed.files({ "client.p12": Buffer.from(bundle.pkcs12Base64!, "base64") });
    const listed = run("keytool", [
      "-list",
      "-v",
      "-storetype",
      "PKCS12",
      "-keystore",
      files["client.p12"]!,
      "-storepass",
      password,
    ]);
    expect(listed.status).toBe(0);
    expect(listed.output).toContain("Entry type: PrivateKeyEntry");
    expect(listed.output).toContain("Certificate chain length: 2");
    expect(listed.output).toContain("Owner: CN=java-client");
    const wrong = run("keytool", [
      "-list",
      "-storetype",
      "PKCS12",
      "-keystore",
      files["client.p12"]!,
      "-storepass",
      "wrong-password",
    ]);
    expect(wrong.status).not.toBe(0);
    const opened = run("openssl", [
      "pkcs12",
      "-in",
      files["client.p12"]!,
      "-passin",
      `pass:${password}`,
      "-nodes",
      "-info",
    ]);
    expect(opened.status).toBe(0);
    expect(opened.output).toContain("BEGIN PRIVATE KEY");
    expect(opened.output).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 10000/);
  });
});

describe("the issuing policy", () => {
  it("refuses a reserved name to an operator (403) and issues it to an admin", async () => {
    const before = (await context.store.certificates.query({ now: "", expiringBefore: "", limit: 1000 }))
      .total;
    const refused = await issueCertificate(context, input({ commonName: "kafka-broker" }), operator);
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect(audits.at(-1)).toMatchObject({
      action: "certificate.issue",
      outcome: "denied",
      target: "kafka-broker",
    });
    expect((await context.store.certificates.query({ now: "", expiringBefore: "", limit: 1000 })).total).toBe(
      before,
    );
    expect((await issueCertificate(context, input({ commonName: "kafka-broker" }), admin)).ok).toBe(true);
  });

  it("reserves the CN of the console's own client certificate", async () => {
    const root = createRootCa({ commonName: "Other Root" });
    const clusterCertificate = issueLeafCertificate(createIntermediateCa(root, { commonName: "Other Int" }), {
      subject: { commonName: "console-svc" },
      validityDays: 1,
    }).certificatePem;
    const { context: withCluster } = testbed.context({ clusterCertificates: [clusterCertificate] });
    expect(await issueCertificate(withCluster, input({ commonName: "console-svc" }), operator)).toMatchObject(
      {
        ok: false,
        status: 403,
      },
    );
    expect((await issueCertificate(withCluster, input({ commonName: "console-svc-2" }), operator)).ok).toBe(
      true,
    );
  });

  it("refuses a validity over ca.maxValidityDays with a field error and stores nothing", async () => {
    const result = await issueCertificate(
      context,
      input({ commonName: "too-long", validityDays: 398 }),
      admin,
    );
    expect(result).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { validityDays: ["At most 397 days"] },
    });
    expect(!result.ok && result.error).toContain("maximum of 397 days");
    expect(
      (await context.store.certificates.query({ q: "too-long", now: "", expiringBefore: "", limit: 10 }))
        .total,
    ).toBe(0);
  });

  it.each([
    ["dns", "bad_host.example.com"],
    ["dns", "a.*.example.com"],
    ["dns", "*"],
    ["ip", "10.0.0.256"],
    ["ip", "2001:db8:::1"],
    ["email", "not-an-address"],
    ["email", "a@*.example.com"],
    ["uri", "no-scheme/path"],
    ["uri", "https://"],
  ])("refuses the %s SAN %j with a message on subjectAltNames", (type, value) => {
    const parsed = issueCertificateSchema.safeParse({ commonName: "x", subjectAltNames: [{ type, value }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["subjectAltNames", 0, "value"]);
  });

  it.each([
    "a,b",
    "a+b",
    'a"b',
    "a\\b",
    "a<b",
    "a>b",
    "a;b",
    "a=b",
    "#a",
    " a",
    "a ",
    "a\nb",
    "x".repeat(65),
    "",
  ])("refuses the CN %j", (commonName) => {
    expect(issueCertificateSchema.safeParse({ commonName }).success).toBe(false);
  });
});
