import { beforeAll, describe, expect, it } from "vitest";

import { issueCertificateSchema } from "@/lib/schemas/certificates";

import { authorityCertificates, ensureAuthority } from "./authority";
import { getCertificate, listCertificates } from "./inventory";
import { issueCertificate } from "./issuance";
import type { CaContext } from "./context";
import { currentCrl, revokeCertificate, signCrl } from "./revocation";
import { admin, caTestbed, operator, run } from "@/test/fixtures/ca-testbed";

const testbed = caTestbed();
const { context, audits, clock } = testbed.context();

const issue = async (commonName: string, extra: Record<string, unknown> = {}) => {
  const result = await issueCertificate(
    context,
    issueCertificateSchema.parse({ commonName, validityDays: 30, ...extra }),
    operator,
  );
  if (!result.ok) throw new Error(result.error);
  return result.data;
};

let files: Record<string, string>;
beforeAll(async () => {
  await ensureAuthority(context);
  const { rootPem, intermediatePem } = await authorityCertificates(context);
  files = testbed.files({
    "root.pem": rootPem,
    "intermediate.pem": intermediatePem,
    "chain.pem": intermediatePem + rootPem,
  });
});

describe("revocation and the CRL", () => {
  it("signs an empty v2 CRL that openssl verifies against the chain", async () => {
    const crl = await currentCrl(context);
    const crlFiles = testbed.files({ "crl.der": crl.der, "crl.pem": crl.pem });
    const text = run("openssl", [
      "crl",
      "-inform",
      "DER",
      "-in",
      crlFiles["crl.der"]!,
      "-text",
      "-noout",
      "-CAfile",
      files["chain.pem"]!,
    ]);
    expect(text.status).toBe(0);
    expect(text.output).toContain("verify OK");
    expect(text.output).toContain("Version 2 (0x1)");
    expect(text.output).toContain("sha256WithRSAEncryption");
    expect(text.output).toContain("Issuer: O = Kafka Console, CN = Kafka Console Intermediate CA");
    expect(text.output).toMatch(/X509v3 CRL Number:\s+1\n/);
    expect(text.output).toContain("X509v3 Authority Key Identifier");
    expect(text.output).toContain("No Revoked Certificates.");
    expect(
      run("openssl", ["crl", "-in", crlFiles["crl.pem"]!, "-noout", "-CAfile", files["chain.pem"]!]).output,
    ).toContain("verify OK");
    expect(Date.parse(crl.nextUpdate) - Date.parse(crl.thisUpdate)).toBe(7 * 86_400_000);
    // Asked again within half its life: the same CRL.
    expect((await currentCrl(context)).der.equals(crl.der)).toBe(true);
  });

  it("revokes (admin only), lists the serial with its reason in a re-signed CRL, and openssl -crl_check refuses the certificate", async () => {
    const victim = await issue("to-revoke");
    const keeper = await issue("to-keep");
    const serial = victim.certificate.serialNumber;
    expect(await revokeCertificate(context, serial, { reason: "keyCompromise" }, operator)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(audits.at(-1)).toMatchObject({ action: "certificate.revoke", outcome: "denied" });

    const revoked = await revokeCertificate(
      context,
      serial.toUpperCase(),
      { reason: "keyCompromise", comment: "laptop stolen" },
      admin,
    );
    expect(revoked).toMatchObject({
      ok: true,
      data: { status: "revoked", revocationReason: "keyCompromise" },
    });
    expect(audits.at(-1)).toMatchObject({
      action: "certificate.revoke",
      outcome: "success",
      target: serial,
      details: { reason: "keyCompromise", comment: "laptop stolen" },
    });
    expect(await revokeCertificate(context, serial, { reason: "superseded" }, admin)).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(await revokeCertificate(context, "abcdef", { reason: "superseded" }, admin)).toMatchObject({
      ok: false,
      status: 404,
    });

    const crl = await currentCrl(context);
    const crlFiles = testbed.files({
      "crl.der": crl.der,
      "crl.pem": crl.pem,
      "victim.pem": victim.certificatePem,
      "keeper.pem": keeper.certificatePem,
    });
    const text = run("openssl", [
      "crl",
      "-inform",
      "DER",
      "-in",
      crlFiles["crl.der"]!,
      "-text",
      "-noout",
      "-CAfile",
      files["chain.pem"]!,
    ]);
    expect(text.output).toContain("verify OK");
    expect(text.output).toContain(`Serial Number: ${serial.toUpperCase()}`);
    expect(text.output).toMatch(/CRL Reason Code:\s+Key Compromise/);
    expect(text.output).toMatch(/X509v3 CRL Number:\s+2\n/);

    const verify = (leaf: string) =>
      run("openssl", [
        "verify",
        "-crl_check",
        "-CAfile",
        files["root.pem"]!,
        "-untrusted",
        files["intermediate.pem"]!,
        "-CRLfile",
        crlFiles["crl.pem"]!,
        leaf,
      ]);
    const refused = verify(crlFiles["victim.pem"]!);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain("certificate revoked");
    expect(verify(crlFiles["keeper.pem"]!).status).toBe(0);
  });

  it("re-signs the CRL once it is past half its life", async () => {
    const before = await currentCrl(context);
    clock.offsetMs = 4 * 86_400_000;
    const after = await currentCrl(context);
    clock.offsetMs = 0;
    expect(after.thisUpdate > before.thisUpdate).toBe(true);
    expect(after.der.equals(before.der)).toBe(false);
  });

  it("re-signs a stale CRL once when several ask at the same moment (replicas on one store)", async () => {
    const numberBefore = await context.store.certificates.nextCrlNumber();
    clock.offsetMs = 12 * 86_400_000;
    const answers = await Promise.all([currentCrl(context), currentCrl(context), currentCrl(context)]);
    clock.offsetMs = 0;
    expect(await context.store.certificates.nextCrlNumber()).toBe(numberBefore + 1);
    expect(answers.every((answer) => answer.der.equals(answers[0]!.der))).toBe(true);
  });

  it("signs again under the next number when another signer saved the one it drew", async () => {
    const numberBefore = await context.store.certificates.nextCrlNumber();
    // A store whose first nextCrlNumber answers a number already signed, as a replica without the
    // lock could: the save is refused, and the CRL is signed again after the other's.
    let stale = true;
    const racing: CaContext = {
      ...context,
      store: {
        ...context.store,
        transaction: (fn) =>
          context.store.transaction((tx) => {
            const certificates = {
              ...tx.certificates,
              nextCrlNumber: async () =>
                (await tx.certificates.nextCrlNumber()) - (stale ? ((stale = false), 1) : 0),
            };
            return fn({ ...tx, certificates });
          }),
      },
    };
    const crl = await signCrl(racing);
    expect(stale).toBe(false);
    expect(await context.store.certificates.nextCrlNumber()).toBe(numberBefore + 1);
    expect((await context.store.certificates.latestCrl())?.der.equals(crl.der)).toBe(true);
  });
});

describe("the inventory", () => {
  it("searches by CN, serial and SAN, filters by status and pages newest first", async () => {
    const first = await issue("inventory-a", { subjectAltNames: "DNS:needle.example.com" });
    // A later issuedAt: pages go newest first, whatever the random serials.
    clock.offsetMs = 1_000;
    const second = await issue("inventory-b");
    clock.offsetMs = 0;
    const expiring = await issue("inventory-c", { validityDays: 5 });
    expect(
      (await listCertificates(context, { q: "needle", limit: 50 })).certificates.map((c) => c.commonName),
    ).toEqual(["inventory-a"]);
    expect(
      (await listCertificates(context, { q: "INVENTORY-B", limit: 50 })).certificates.map(
        (c) => c.commonName,
      ),
    ).toEqual(["inventory-b"]);
    expect(
      (await listCertificates(context, { q: first.certificate.serialNumber.slice(4, 20), limit: 50 }))
        .certificates,
    ).toHaveLength(1);
    expect((await listCertificates(context, { q: "100%_", limit: 50 })).certificates).toHaveLength(0);
    expect(
      (await listCertificates(context, { status: "expiring", limit: 50 })).certificates.map(
        (c) => c.serialNumber,
      ),
    ).toEqual([expiring.certificate.serialNumber]);
    expect(
      (await listCertificates(context, { status: "revoked", limit: 50 })).certificates.map(
        (c) => c.commonName,
      ),
    ).toEqual(["to-revoke"]);

    const all = await listCertificates(context, { limit: 1000 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCertificates(context, { cursor, limit: 2 });
      expect(page.total).toBe(all.total);
      seen.push(...page.certificates.map((c) => c.serialNumber));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.certificates.map((c) => c.serialNumber));
    expect(seen.indexOf(second.certificate.serialNumber)).toBeLessThan(
      seen.indexOf(first.certificate.serialNumber),
    );
  });

  it("gets one by serial, in any case and with colons", async () => {
    const bundle = await issue("detail");
    const colons = bundle.certificate.serialNumber.toUpperCase().replace(/(..)(?!$)/g, "$1:");
    const detail = await getCertificate(context, colons);
    expect(detail?.summary.commonName).toBe("detail");
    expect(detail?.chainPem).toEqual(bundle.chainPem);
    expect(await getCertificate(context, "00")).toBeUndefined();
  });
});
