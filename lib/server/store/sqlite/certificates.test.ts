import { describe, expect, it } from "vitest";

import { StoreConflictError } from "../types";
import { tempStores } from "@/test/fixtures/sqlite-stores";

const { open } = tempStores();

const record = (
  serialNumber: string,
  commonName: string,
  issuedAt: string,
  notAfter = "2026-01-01T00:00:00.000Z",
) => ({
  serialNumber,
  commonName,
  subject: `CN=${commonName}`,
  subjectAltNames: [{ type: "dns" as const, value: `${commonName}.example.com` }],
  keyAlgorithm: "rsa-2048",
  serverAuth: false,
  source: "generated" as const,
  issuedBy: "user:admin",
  issuedAt,
  notBefore: issuedAt,
  notAfter,
  certificatePem: "-----BEGIN CERTIFICATE-----\n",
  fingerprint: "AB:CD",
});

describe("the certificate store", () => {
  it("keeps each CA role once and each serial once", async () => {
    const { store } = open();
    await store.certificates.putAuthority({ role: "root", certificatePem: "root", encryptedKey: null });
    await expect(
      store.certificates.putAuthority({ role: "root", certificatePem: "again", encryptedKey: null }),
    ).rejects.toThrow(StoreConflictError);
    expect(await store.certificates.getAuthority("root")).toMatchObject({
      certificatePem: "root",
      encryptedKey: null,
    });
    await store.certificates.insert(record("0a", "alice", "2025-03-01T10:00:00.000Z"));
    expect(await store.certificates.serialExists("0a")).toBe(true);
    await expect(store.certificates.insert(record("0a", "bob", "2025-03-01T10:00:00.000Z"))).rejects.toThrow(
      /serial 0a/,
    );
  });

  it("keeps the first revocation's time and reason", async () => {
    const { store } = open();
    await store.certificates.insert(record("0b", "carol", "2025-03-01T10:00:00.000Z"));
    await store.certificates.revoke("0b", "2025-03-02T00:00:00.000Z", "keyCompromise");
    const again = await store.certificates.revoke("0b", "2025-03-03T00:00:00.000Z", "superseded");
    expect(again).toMatchObject({ revokedAt: "2025-03-02T00:00:00.000Z", revocationReason: "keyCompromise" });
    expect(await store.certificates.revoke("ff", "2025-03-03T00:00:00.000Z", "superseded")).toBeUndefined();
    expect((await store.certificates.listRevoked()).map((c) => c.serialNumber)).toEqual(["0b"]);
  });

  it("matches LIKE's wildcards literally, numbers CRLs from 1 and saves each number once", async () => {
    const { store } = open();
    await store.certificates.insert(record("0c", "100%_done", "2025-03-01T10:00:00.000Z"));
    await store.certificates.insert(record("0d", "1000-done", "2025-03-01T10:00:01.000Z"));
    const query = { now: "2025-03-01T00:00:00.000Z", expiringBefore: "2025-03-15T00:00:00.000Z", limit: 10 };
    expect(
      (await store.certificates.query({ ...query, q: "100%_" })).certificates.map((c) => c.commonName),
    ).toEqual(["100%_done"]);
    expect((await store.certificates.query({ ...query, q: "0%" })).total).toBe(1);
    expect(await store.certificates.nextCrlNumber()).toBe(1);
    const crl = { id: 1, der: Buffer.from([1, 2, 3]), thisUpdate: "a", nextUpdate: "b" };
    const saved = await store.certificates.saveCrl(crl);
    expect(saved.id).toBe(1);
    expect((await store.certificates.latestCrl())?.der).toEqual(Buffer.from([1, 2, 3]));
    expect(await store.certificates.nextCrlNumber()).toBe(2);
    // Two signers of the same number: the second is refused, the first CRL stays.
    await expect(store.certificates.saveCrl({ ...crl, der: Buffer.from([9]) })).rejects.toThrow(
      StoreConflictError,
    );
    expect((await store.certificates.latestCrl())?.der).toEqual(Buffer.from([1, 2, 3]));
  });
});
