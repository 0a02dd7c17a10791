import { describe, expect, it } from "vitest";

import {
  certificateListQuerySchema,
  commonNameSchema,
  issueCertificateSchema,
  morioGenerateSchema,
  morioToIssueInput,
  parseSubjectAltName,
  serialNumberSchema,
  signCsrSchema,
  validityDaysFromNotAfter,
} from "./certificates";

describe("certificate request schemas", () => {
  it("reads SANs written as text, prefixed or bare, one per line or comma", () => {
    const parsed = issueCertificateSchema.parse({
      commonName: "alice",
      subjectAltNames:
        "DNS:*.a.example.com, IP:::1\n10.0.0.1, urn:example:a, spiffe://c/ns/a, a@example.com, host.example.com",
    });
    expect(parsed.subjectAltNames).toEqual([
      { type: "dns", value: "*.a.example.com" },
      { type: "ip", value: "::1" },
      { type: "ip", value: "10.0.0.1" },
      { type: "uri", value: "urn:example:a" },
      { type: "uri", value: "spiffe://c/ns/a" },
      { type: "email", value: "a@example.com" },
      { type: "dns", value: "host.example.com" },
    ]);
    expect(parseSubjectAltName("fe80::1")).toEqual({ type: "ip", value: "fe80::1" });
  });

  it("takes form values: empty optional fields, 'on' checkboxes, numbers as text, defaults", () => {
    expect(
      issueCertificateSchema.parse({
        commonName: "bob",
        organization: "",
        country: "be",
        validityDays: "30",
        serverAuth: "on",
        keyType: "",
        pkcs12Password: "",
      }),
    ).toEqual({
      commonName: "bob",
      country: "BE",
      subjectAltNames: [],
      validityDays: 30,
      keyType: "rsa-2048",
      serverAuth: true,
    });
    expect(issueCertificateSchema.safeParse({ commonName: "bob", pkcs12Password: "short" }).success).toBe(
      false,
    );
    expect(issueCertificateSchema.safeParse({ commonName: "bob", country: "BEL" }).success).toBe(false);
    expect(issueCertificateSchema.safeParse({ commonName: "bob", organization: "A,B" }).success).toBe(false);
  });

  it("keeps a CSR's own SANs unless the caller lists some", () => {
    const csrPem = "-----BEGIN CERTIFICATE REQUEST-----\nx\n-----END CERTIFICATE REQUEST-----";
    expect(signCsrSchema.parse({ csrPem }).subjectAltNames).toBeUndefined();
    expect(signCsrSchema.parse({ csrPem, subjectAltNames: "" }).subjectAltNames).toBeUndefined();
    expect(signCsrSchema.parse({ csrPem, subjectAltNames: [] }).subjectAltNames).toEqual([]);
  });

  it("converts Morio's body, its SAN strings and its notAfter", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const body = morioGenerateSchema.parse({
      certificate: { cn: "svc", o: "Acme", c: "BE", san: ["svc.example.com", "10.1.1.1"] },
      notAfter: "2026-01-31T00:00:00Z",
    });
    expect(issueCertificateSchema.parse(morioToIssueInput(body, now))).toMatchObject({
      commonName: "svc",
      organization: "Acme",
      country: "BE",
      validityDays: 30,
      subjectAltNames: [
        { type: "dns", value: "svc.example.com" },
        { type: "ip", value: "10.1.1.1" },
      ],
    });
    expect(validityDaysFromNotAfter("720h")).toBe(30);
    expect(validityDaysFromNotAfter("tomorrow")).toBeUndefined();
    expect(morioGenerateSchema.safeParse({ certificate: { cn: "x" }, notAfter: "soon" }).success).toBe(false);
  });

  it("normalizes serials and list queries", () => {
    expect(serialNumberSchema.parse("0A:1B:FF")).toBe("0a1bff");
    expect(serialNumberSchema.safeParse("xyz").success).toBe(false);
    expect(certificateListQuerySchema.parse({ q: "", status: "", limit: "20" })).toEqual({ limit: 20 });
    expect(certificateListQuerySchema.safeParse({ status: "lost" }).success).toBe(false);
  });
});

describe("the CN", () => {
  it.each(["*", "*.clients.x", "orders-*"])("refuses %j: Kafka reads User:* as every principal", (cn) => {
    const result = commonNameSchema.safeParse(cn);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("User:* as every principal");
  });

  it("refuses 65 characters rather than cutting them to 64", () => {
    expect(commonNameSchema.safeParse("a".repeat(64)).success).toBe(true);
    expect(commonNameSchema.safeParse("a".repeat(65)).error?.issues[0]?.message).toBe(
      "At most 64 characters",
    );
  });
});
