// The CA's name policy, case by case from issue 10: broker certificates minted by operators, SANs
// outside the configured policy, look-alike and invisible characters in CNs.
import { describe, expect, it } from "vitest";

import type { SubjectAltName } from "@/lib/schemas/certificates";

import { checkIssuancePolicy, type PolicyRequest, type PolicySettings } from "./policy";

const settings = (overrides: Partial<PolicySettings["subjectAltNames"]> = {}): PolicySettings => ({
  maxValidityDays: 397,
  reservedNames: ["kafka-broker", "kafka-console"],
  // What index.ts gathers: each cluster's bootstrap hosts and the brokers its metadata names.
  brokerHosts: ["127.0.0.1", "kafka-1.prod.example.com"],
  subjectAltNames: { allowWildcards: false, allowIpAddresses: false, allowedDomains: [], ...overrides },
});

const request = (fields: Partial<PolicyRequest>): PolicyRequest => ({
  commonName: "stream-processor",
  subjectAltNames: [],
  validityDays: 30,
  serverAuth: false,
  ...fields,
});

const dns = (value: string): SubjectAltName => ({ type: "dns", value });
const ip = (value: string): SubjectAltName => ({ type: "ip", value });

function refusal(fields: Partial<PolicyRequest>, role: "operator" | "admin", policy = settings()) {
  const result = checkIssuancePolicy(request(fields), role, policy);
  if (!result || result.ok) throw new Error("expected a refusal");
  return result;
}

describe("broker certificates", () => {
  it("refuses the issue's request from an operator: serverAuth with localhost and 127.0.0.1", () => {
    const refused = refusal(
      { commonName: "x", serverAuth: true, subjectAltNames: [dns("localhost"), ip("127.0.0.1")] },
      "operator",
    );
    expect(refused.status).toBe(422);
    expect(refused.error).toContain('IP "127.0.0.1"');
    expect(refused.error).toContain("ca.subjectAltNames.allowIpAddresses");
  });

  it("refuses serverAuth to an operator even with harmless SANs, and says who may", () => {
    const refused = refusal({ serverAuth: true, subjectAltNames: [dns("app.example.com")] }, "operator");
    expect(refused.status).toBe(403);
    expect(refused.error).toMatch(/server certificate.*only an admin/i);
    expect(refused.fieldErrors?.serverAuth?.[0]).toMatch(/admin/i);
  });

  it("reserves every broker host and loopback name for admins, also as a CN", () => {
    const policy = settings({ allowIpAddresses: true });
    for (const san of [dns("localhost"), dns("KAFKA-1.Prod.example.com"), ip("127.0.0.1"), ip("::1")]) {
      const refused = refusal({ subjectAltNames: [dns("ok.example.com"), san] }, "operator", policy);
      expect(refused.status).toBe(403);
      expect(refused.error).toContain(`"${san.value}"`);
      expect(refused.fieldErrors?.["subjectAltNames.1.value"]?.[0]).toMatch(/broker/);
    }
    expect(refusal({ commonName: "kafka-1.prod.example.com" }, "operator").status).toBe(403);
  });

  it("lets an admin issue a broker's server certificate within the SAN policy", () => {
    const broker = { serverAuth: true, subjectAltNames: [dns("localhost"), dns("kafka-1.prod.example.com")] };
    expect(checkIssuancePolicy(request(broker), "admin", settings())).toBeUndefined();
    const withIp = request({ ...broker, subjectAltNames: [ip("127.0.0.1")] });
    expect(checkIssuancePolicy(withIp, "admin", settings())?.ok).toBe(false);
    expect(checkIssuancePolicy(withIp, "admin", settings({ allowIpAddresses: true }))).toBeUndefined();
  });
});

describe("the SAN policy (ca.subjectAltNames)", () => {
  it("refuses wildcards unless allowed, and '*.com' always", () => {
    const wildcard = refusal({ subjectAltNames: [dns("*.apps.example.com")] }, "admin");
    expect(wildcard.status).toBe(422);
    expect(wildcard.error).toContain("ca.subjectAltNames.allowWildcards");
    const allowed = settings({ allowWildcards: true });
    expect(
      checkIssuancePolicy(request({ subjectAltNames: [dns("*.apps.example.com")] }), "operator", allowed),
    ).toBeUndefined();
    const tld = refusal({ subjectAltNames: [dns("*.com")] }, "admin", allowed);
    expect(tld.error).toContain('"*.com"');
    expect(tld.error).toMatch(/every name under/);
  });

  it("refuses an operator's wildcard that covers a broker", () => {
    const refused = refusal(
      { subjectAltNames: [dns("*.prod.example.com")] },
      "operator",
      settings({ allowWildcards: true }),
    );
    expect(refused.status).toBe(403);
    expect(refused.error).toContain("kafka-1.prod.example.com");
  });

  it("keeps DNS SANs within allowedDomains when the list is set", () => {
    const policy = settings({ allowedDomains: ["example.com"], allowWildcards: true });
    for (const name of ["example.com", "a.example.com", "*.svc.example.com"])
      expect(
        checkIssuancePolicy(request({ subjectAltNames: [dns(name)] }), "operator", policy),
      ).toBeUndefined();
    for (const name of ["evil-example.com", "example.com.evil.net", "*.net"]) {
      const refused = refusal({ subjectAltNames: [dns(name)] }, "admin", policy);
      expect(refused.status).toBe(422);
      expect(refused.error).toContain(`"${name}"`);
    }
  });
});

describe("look-alike and invisible characters in the CN", () => {
  it("names the Cyrillic letter in a look-alike of a reserved name, for admins too", () => {
    const refused = refusal({ commonName: "kafka-cons\u043ele" }, "admin");
    expect(refused.status).toBe(403);
    expect(refused.error).toContain(
      "kafka-cons\u043ele looks like the reserved name kafka-console (U+043E CYRILLIC SMALL LETTER O)",
    );
    expect(refusal({ commonName: "KAFKA-BR0KER" }, "operator").error).toContain("U+0030 DIGIT ZERO");
    expect(refusal({ commonName: "kafka-consoIe" }, "operator").error).toContain(
      "U+0049 LATIN CAPITAL LETTER I",
    );
  });

  it("still refuses the exact reserved name to operators only", () => {
    expect(refusal({ commonName: "Kafka-Console" }, "operator").status).toBe(403);
    expect(
      checkIssuancePolicy(request({ commonName: "kafka-console" }), "admin", settings()),
    ).toBeUndefined();
  });

  it.each([
    ["kafka\u200b-console", "U+200B ZERO WIDTH SPACE"],
    ["\u202eelosnoc-akfak", "U+202E RIGHT-TO-LEFT OVERRIDE, an invisible bidi control"],
    ["billing\u0085", "U+0085 NEXT LINE"],
    ["billing\u2028service", "U+2028 LINE SEPARATOR"],
    ["billing\u00a0service", "U+00A0 NO-BREAK SPACE"],
    ["billing\u2066service", "U+2066 LEFT-TO-RIGHT ISOLATE"],
  ])("refuses %j, naming %s, whoever asks", (commonName, named) => {
    const refused = refusal({ commonName }, "admin");
    expect(refused.status).toBe(422);
    expect(refused.error).toContain(`The CN contains ${named}`);
    expect(refused.fieldErrors?.commonName?.[0]).toContain(named.split(",")[0]!);
  });

  it("accepts ordinary names, accented letters included", () => {
    for (const commonName of ["billing-service", "orders.v2_consumer", "café-exporter", "kafka-console-2"])
      expect(checkIssuancePolicy(request({ commonName }), "operator", settings())).toBeUndefined();
  });
});
