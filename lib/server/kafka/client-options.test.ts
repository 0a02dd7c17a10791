import { beforeAll, describe, expect, it } from "vitest";

import type { ClusterConnection } from "@/lib/schemas/cluster";
import { createRootCa, issueLeafCertificate, type CertificateAuthority } from "@/lib/server/ca";

import { adminOptions, checkTlsMaterial, defaultTimeouts, principalOf, tlsOptions } from "./client-options";

const base: ClusterConnection = { name: "prod", bootstrapBrokers: ["kafka-1:9093", "kafka-2:9093"] };

let ca: CertificateAuthority;
let client: { cert: string; key: string };
let other: { cert: string; key: string };

beforeAll(() => {
  ca = createRootCa({ commonName: "Test CA" });
  const issue = (commonName: string) => {
    const leaf = issueLeafCertificate(ca, { subject: { commonName, organization: "Acme" }, validityDays: 1 });
    return { cert: leaf.certificatePem, key: leaf.privateKeyPem };
  };
  client = issue("console");
  other = issue("someone-else");
});

describe("adminOptions", () => {
  it("passes TLS material and SASL through, with short timeouts", () => {
    const options = adminOptions(
      {
        ...base,
        tls: { ca: ca.certificatePem, servername: "kafka.internal" },
        sasl: { mechanism: "SCRAM-SHA-512", username: "console", password: "s3cret" },
      },
      defaultTimeouts,
    );
    expect(options).toMatchObject({
      clientId: "kafka-console",
      bootstrapBrokers: ["kafka-1:9093", "kafka-2:9093"],
      connectTimeout: 3_000,
      requestTimeout: 5_000,
      retries: 1,
      tls: { ca: ca.certificatePem, servername: "kafka.internal" },
      sasl: { mechanism: "SCRAM-SHA-512", username: "console", password: "s3cret" },
    });
  });

  it("connects in plaintext without a tls block, and with TLS on public CAs for an empty one", () => {
    expect(tlsOptions(base)).toBeUndefined();
    expect(tlsOptions({ ...base, tls: {} })).toEqual({});
  });
});

describe("principalOf", () => {
  it("is the SASL user when there is one", () => {
    const sasl = { mechanism: "PLAIN" as const, username: "svc-console", password: "x" };
    expect(principalOf({ ...base, sasl, tls: client })).toBe("User:svc-console");
  });

  it("is the client certificate's CN otherwise", () => {
    expect(principalOf({ ...base, tls: client })).toBe("User:console");
  });

  it("is unknown without either", () => {
    expect(principalOf({ ...base, tls: { ca: ca.certificatePem } })).toBeUndefined();
    expect(principalOf({ ...base, tls: { cert: "garbage", key: "garbage" } })).toBeUndefined();
  });
});

describe("checkTlsMaterial", () => {
  it("accepts a CA, a certificate and its key", () => {
    expect(checkTlsMaterial({ ...base, tls: { ca: ca.certificatePem, ...client } })).toBeNull();
    expect(checkTlsMaterial(base)).toBeNull();
  });

  type Tls = NonNullable<ClusterConnection["tls"]>;
  it.each<[string, () => Tls, string]>([
    ["a CA that is not PEM", () => ({ ca: "not a pem" }), "tls.ca is not a PEM certificate"],
    ["a certificate without key", () => ({ cert: client.cert }), "tls.cert and tls.key go together"],
    [
      "a certificate that is not PEM",
      () => ({ cert: "not a pem", key: client.key }),
      "tls.cert is not a PEM",
    ],
    ["a key that is not PEM", () => ({ cert: client.cert, key: "not a key" }), "tls.key is not a readable"],
    [
      "the key of another certificate",
      () => ({ cert: client.cert, key: other.key }),
      "does not belong to the",
    ],
  ])("refuses %s", (_name, tls, title) => {
    const problem = checkTlsMaterial({ ...base, tls: tls() });
    expect(problem?.kind).toBe("tls");
    expect(problem?.title).toContain(title);
    // The material itself must never be echoed back.
    expect(JSON.stringify(problem)).not.toMatch(/-----BEGIN|not a key|not a pem/);
  });
});
