import { describe, expect, it } from "vitest";
import { parseCertificateBody } from "./certificate-body";

const NOW = Date.parse("2026-01-01T00:00:00Z");

describe("parseCertificateBody", () => {
  it("reads a body with a certificate object as Morio's, SANs and notAfter honoured", () => {
    const parsed = parseCertificateBody(
      {
        certificate: {
          cn: "billing",
          o: "Acme",
          c: "be",
          san: ["billing.example.com", "IP:10.0.0.7", "ops@example.com"],
        },
        notAfter: "2026-01-31T00:00:00Z",
      },
      NOW,
    );
    expect(parsed).toMatchObject({
      ok: true,
      shape: "morio",
      input: {
        commonName: "billing",
        organization: "Acme",
        country: "BE",
        validityDays: 30,
        subjectAltNames: [
          { type: "dns", value: "billing.example.com" },
          { type: "ip", value: "10.0.0.7" },
          { type: "email", value: "ops@example.com" },
        ],
      },
    });
  });

  it("reads anything else as this console's shape, with its defaults", () => {
    expect(parseCertificateBody({ commonName: "orders" })).toMatchObject({
      ok: true,
      shape: "console",
      input: { commonName: "orders", subjectAltNames: [], keyType: "rsa-2048", serverAuth: false },
    });
  });

  it("applies our SAN rules to Morio's SANs too", () => {
    const parsed = parseCertificateBody({ certificate: { cn: "x", san: ["IP:999.1.1.1"] } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.issues[0]?.path).toEqual(["subjectAltNames", 0, "value"]);
  });

  it("refuses a CN that would change the principal, in either shape", () => {
    expect(parseCertificateBody({ certificate: { cn: "a,O=evil" } }).ok).toBe(false);
    expect(parseCertificateBody({ commonName: "a+b" }).ok).toBe(false);
  });
});
