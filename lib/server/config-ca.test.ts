// The configuration's ca section as the loader reads it: imports, validity, names and SANs.
import { afterAll, describe, expect, it } from "vitest";

import {
  CERTIFICATE,
  MINIMAL,
  PRIVATE_KEY,
  SECRET,
  load,
  problemLines,
  removeConfigDirs,
} from "@/test/fixtures/config-files";

afterAll(removeConfigDirs);

describe("the ca section", () => {
  it("resolves the import's files and the key encryption key; trims the public URL's slash", () => {
    const yaml = `${MINIMAL}ca:
  import:
    rootCertificate: { file: certs/root.pem }
    intermediateCertificate: { file: certs/intermediate.pem }
    intermediateKey: { env: CA_KEY }
  keyEncryptionKey: { file: secrets/kek }
  maxValidityDays: 30
  defaultValidityDays: 7
  reservedNames: [super]
  publicUrl: https://console.example.com/
`;
    const result = load(
      yaml,
      { CA_KEY: PRIVATE_KEY },
      {
        "certs/root.pem": CERTIFICATE,
        "certs/intermediate.pem": CERTIFICATE,
        "secrets/kek": "k".repeat(40),
      },
    );
    expect(result.ok && result.config.ca).toEqual({
      import: {
        rootCertificate: CERTIFICATE,
        intermediateCertificate: CERTIFICATE,
        intermediateKey: PRIVATE_KEY,
      },
      keyEncryptionKey: "k".repeat(40),
      defaultValidityDays: 7,
      maxValidityDays: 30,
      reservedNames: ["super"],
      subjectAltNames: { allowWildcards: false, allowIpAddresses: false, allowedDomains: [] },
      publicUrl: "https://console.example.com",
    });
  });

  it("reports a short key, a default over the maximum and a bad URL, without echoing the key", () => {
    const yaml = `${MINIMAL}ca:\n  keyEncryptionKey: ${SECRET}\n  defaultValidityDays: 500\n  publicUrl: console.example.com\n`;
    const lines = problemLines(load(yaml));
    expect(lines).toEqual([
      "ca.keyEncryptionKey: the inline value is shorter than 32 characters (generate one with: openssl rand -base64 48); to read a file, write { file: path }",
      "ca.publicUrl: must be an http(s) URL without query or fragment, e.g. https://console.example.com",
      "ca.defaultValidityDays: must not exceed maxValidityDays (397)",
    ]);
    expect(lines.join("\n")).not.toContain(SECRET);
  });
});

describe("the ca section's validity defaults", () => {
  it("proposes the maximum when it is under 90 days, unless a default is set", () => {
    const ca = (yaml: string) => {
      const result = load(`${MINIMAL}ca:\n${yaml}`);
      return result.ok ? result.config.ca : result.problems;
    };
    expect(ca("  maxValidityDays: 30\n")).toMatchObject({ defaultValidityDays: 30, maxValidityDays: 30 });
    expect(ca("  maxValidityDays: 30\n  defaultValidityDays: 7\n")).toMatchObject({ defaultValidityDays: 7 });
    expect(ca("  maxValidityDays: 800\n")).toMatchObject({ defaultValidityDays: 90 });
  });
});
