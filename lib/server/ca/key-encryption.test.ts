import { statSync } from "node:fs";
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
import { caTestbed } from "./test-support";

const testbed = caTestbed();

describe("CA keys at rest", () => {
  it("seals with AES-256-GCM bound to the role; another key or role does not open it", () => {
    const key = loadKeyEncryptionKey({ dataDir: testbed.directory(), keyEncryptionKey: "k".repeat(40) });
    const sealed = sealPrivateKey("-----BEGIN PRIVATE KEY-----\nsecret\n", key, "intermediate");
    expect(sealed).toMatch(/^aes-256-gcm\.v1:/);
    expect(sealed).not.toContain("PRIVATE KEY");
    expect(openPrivateKey(sealed, key, "intermediate")).toContain("secret");
    expect(() => openPrivateKey(sealed, key, "root")).toThrow(/Cannot decrypt the root CA key/);
    const other = loadKeyEncryptionKey({ dataDir: testbed.directory(), keyEncryptionKey: "o".repeat(40) });
    expect(() => openPrivateKey(sealed, other, "intermediate")).toThrow(/not the key it was sealed with/);
  });

  it("creates the CA once, with both keys sealed by a generated key file of mode 0600", () => {
    const { context, audits } = testbed.context();
    ensureAuthority(context);
    const file = join(context.dataDir, KEY_ENCRYPTION_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const root = context.store.certificates.getAuthority("root");
    const intermediate = context.store.certificates.getAuthority("intermediate");
    expect(root?.encryptedKey).toMatch(/^aes-256-gcm\.v1:/);
    expect(intermediate?.encryptedKey).toMatch(/^aes-256-gcm\.v1:/);
    expect(signingAuthority(context).privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(audits.map((event) => event.action)).toEqual(["ca.create"]);

    const before = authorityCertificates(context);
    ensureAuthority(context);
    expect(authorityCertificates(context)).toEqual(before);
    expect(audits).toHaveLength(1);

    // The same store with another key: the start fails instead of signing with nothing.
    const wrongKey = { ...context, settings: { ...context.settings, keyEncryptionKey: "w".repeat(40) } };
    expect(() => ensureAuthority(wrongKey)).toThrow(/Cannot decrypt the intermediate CA key/);
  });

  it("imports an existing CA from the configuration, keeping the root's key out of the store", () => {
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
    ensureAuthority(context);
    expect(authorityCertificates(context)).toEqual({
      rootPem: root.certificatePem,
      intermediatePem: intermediate.certificatePem,
    });
    expect(context.store.certificates.getAuthority("root")?.encryptedKey).toBeNull();
    expect(signingAuthority(context).privateKeyPem).toBe(intermediate.privateKeyPem.replace(/\r\n/g, "\n"));
  });

  it("refuses an import whose intermediate is not signed by the root or whose key does not match", () => {
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
    expect(() => ensureAuthority(context)).toThrow(
      /not signed by ca\.import\.rootCertificate; ca\.import\.intermediateKey does not belong/,
    );
    expect(context.store.certificates.getAuthority("root")).toBeUndefined();
  });
});
