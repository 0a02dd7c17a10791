import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { createIntermediateCa, createRootCa } from "./certificates";
import { authorityCertificates, ensureAuthority, signingAuthority } from "./authority";
import {
  KEY_ENCRYPTION_KEY_FILE,
  loadKeyEncryptionKey,
  openPrivateKey,
  sealPrivateKey,
} from "./key-encryption";
import { issueCertificateSchema } from "@/lib/schemas/certificates";

import { issueCertificate } from "./issuance";
import { currentCrl } from "./revocation";
import { caTestbed, operator, run } from "@/test/fixtures/ca-testbed";

const testbed = caTestbed();

describe("CA keys at rest", () => {
  it("seals with AES-256-GCM bound to the role; another key or role does not open it", async () => {
    const key = loadKeyEncryptionKey({ dataDir: testbed.directory(), keyEncryptionKey: "k".repeat(40) });
    const sealed = sealPrivateKey("-----BEGIN PRIVATE KEY-----\nsecret\n", key, "intermediate");
    expect(sealed).toMatch(/^aes-256-gcm\.v1:/);
    expect(sealed).not.toContain("PRIVATE KEY");
    expect(openPrivateKey(sealed, key, "intermediate")).toContain("secret");
    expect(() => openPrivateKey(sealed, key, "root")).toThrow(/Cannot decrypt the root CA key/);
    const other = loadKeyEncryptionKey({ dataDir: testbed.directory(), keyEncryptionKey: "o".repeat(40) });
    expect(() => openPrivateKey(sealed, other, "intermediate")).toThrow(/not the key it was sealed with/);
  });

  it("creates the CA once, with both keys sealed by a generated key file of mode 0600", async () => {
    const { context, audits } = testbed.context();
    await ensureAuthority(context);
    const file = join(context.dataDir, KEY_ENCRYPTION_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const root = await context.store.certificates.getAuthority("root");
    const intermediate = await context.store.certificates.getAuthority("intermediate");
    expect(root?.encryptedKey).toMatch(/^aes-256-gcm\.v1:/);
    expect(intermediate?.encryptedKey).toMatch(/^aes-256-gcm\.v1:/);
    expect((await signingAuthority(context)).privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(audits.map((event) => event.action)).toEqual(["ca.create"]);

    const before = await authorityCertificates(context);
    await ensureAuthority(context);
    expect(await authorityCertificates(context)).toEqual(before);
    expect(audits).toHaveLength(1);

    // The same store with another key: the start fails instead of signing with nothing.
    const wrongKey = { ...context, settings: { ...context.settings, keyEncryptionKey: "w".repeat(40) } };
    await expect(ensureAuthority(wrongKey)).rejects.toThrow(/Cannot decrypt the intermediate CA key/);
  });

  it("imports an existing CA from the configuration, keeping the root's key out of the store", async () => {
    const root = createRootCa({ commonName: "Existing Root" });
    const intermediate = createIntermediateCa(root, { commonName: "Existing Intermediate" });
    const { context } = testbed.context({
      settings: {
        import: {
          rootCertificate: root.certificatePem,
          intermediateCertificate: intermediate.certificatePem,
          intermediateKey: intermediate.privateKeyPem,
        },
      },
    });
    await ensureAuthority(context);
    expect(await authorityCertificates(context)).toEqual({
      rootPem: root.certificatePem,
      intermediatePem: intermediate.certificatePem,
    });
    expect((await context.store.certificates.getAuthority("root"))?.encryptedKey).toBeNull();
    expect((await signingAuthority(context)).privateKeyPem).toBe(
      intermediate.privateKeyPem.replace(/\r\n/g, "\n"),
    );
  });

  it("refuses an import whose intermediate is not signed by the root or whose key does not match", async () => {
    const root = createRootCa({ commonName: "Root A" });
    const other = createRootCa({ commonName: "Root B" });
    const intermediate = createIntermediateCa(other, { commonName: "Int B" });
    const { context } = testbed.context({
      settings: {
        import: {
          rootCertificate: root.certificatePem,
          intermediateCertificate: intermediate.certificatePem,
          intermediateKey: root.privateKeyPem,
        },
      },
    });
    await expect(ensureAuthority(context)).rejects.toThrow(
      /not signed by ca\.import\.rootCertificate; ca\.import\.intermediateKey does not belong/,
    );
    expect(await context.store.certificates.getAuthority("root")).toBeUndefined();
  });
});

describe("a CA made by openssl", () => {
  it("is imported and issues leaves openssl verifies, whatever its subject key identifiers", async () => {
    const where = testbed.files({
      "ca.cnf": [
        "[root]",
        "basicConstraints = critical, CA:true",
        "keyUsage = critical, keyCertSign, cRLSign",
        "subjectKeyIdentifier = 01:02:03:04",
        "[intermediate]",
        "basicConstraints = critical, CA:true, pathlen:0",
        "keyUsage = critical, keyCertSign, cRLSign",
        "subjectKeyIdentifier = 0A:0B:0C:0D:0E",
        "authorityKeyIdentifier = keyid:always",
        "",
      ].join("\n"),
    });
    const dir = where["ca.cnf"]!.replace(/ca\.cnf$/, "");
    const openssl = (...args: string[]) => {
      const result = run("openssl", args);
      if (result.status !== 0) throw new Error(result.output);
    };
    openssl(
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      `${dir}root.key`,
      "-out",
      `${dir}root.pem`,
      "-subj",
      "/CN=OpenSSL Root",
      "-days",
      "30",
      "-config",
      where["ca.cnf"]!,
      "-extensions",
      "root",
    );
    openssl(
      "req",
      "-new",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      `${dir}int.key`,
      "-out",
      `${dir}int.csr`,
      "-subj",
      "/CN=OpenSSL Intermediate",
    );
    openssl(
      "x509",
      "-req",
      "-in",
      `${dir}int.csr`,
      "-CA",
      `${dir}root.pem`,
      "-CAkey",
      `${dir}root.key`,
      "-CAcreateserial",
      "-out",
      `${dir}int.pem`,
      "-days",
      "30",
      "-extfile",
      where["ca.cnf"]!,
      "-extensions",
      "intermediate",
    );
    const read = (name: string) => readFileSync(`${dir}${name}`, "utf8");
    const { context } = testbed.context({
      settings: {
        import: {
          rootCertificate: read("root.pem"),
          intermediateCertificate: read("int.pem"),
          intermediateKey: read("int.key"),
        },
      },
    });
    await ensureAuthority(context);
    const issued = await issueCertificate(
      context,
      issueCertificateSchema.parse({ commonName: "from-openssl-ca" }),
      operator,
    );
    if (!issued.ok) throw new Error(issued.error);
    writeFileSync(`${dir}leaf.pem`, issued.data.certificatePem);
    expect(
      run("openssl", ["x509", "-in", `${dir}leaf.pem`, "-noout", "-ext", "authorityKeyIdentifier"]).output,
    ).toContain("0A:0B:0C:0D:0E");
    expect(
      run("openssl", ["verify", "-CAfile", `${dir}root.pem`, "-untrusted", `${dir}int.pem`, `${dir}leaf.pem`])
        .status,
    ).toBe(0);
    const crl = await currentCrl(context);
    writeFileSync(`${dir}crl.der`, crl.der);
    writeFileSync(`${dir}chain.pem`, read("int.pem") + read("root.pem"));
    expect(
      run("openssl", [
        "crl",
        "-inform",
        "DER",
        "-in",
        `${dir}crl.der`,
        "-noout",
        "-CAfile",
        `${dir}chain.pem`,
      ]).output,
    ).toContain("verify OK");
  });
});
