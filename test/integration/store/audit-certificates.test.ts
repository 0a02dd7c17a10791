// The audit trail (append-only in the database itself) and the CA's certificates and CRLs: the same
// cases against SQLite and PostgreSQL.
import { describe, expect, it } from "vitest";

import { StoreConflictError } from "@/lib/server/store/types";
import { storeImplementations } from "@/test/support/store-implementations";

const MINUTE = 60_000;

const certificate = (
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

describe.each(storeImplementations())("$name store: audit trail", ({ name, open }) => {
  it("appends records and answers filtered queries newest first, page by page", async () => {
    const { store, clock } = await open();
    const first = await store.audit.append({
      actor: "user:alice",
      action: "auth.sign-in",
      outcome: "success",
      clientAddress: "192.0.2.7",
      details: { method: "password", attempts: 1, mfa: false, note: null },
    });
    expect(first).toEqual({
      id: 1,
      at: "2025-03-01T10:00:00.000Z",
      actor: "user:alice",
      action: "auth.sign-in",
      target: null,
      outcome: "success",
      clientAddress: "192.0.2.7",
      requestId: null,
      details: { method: "password", attempts: 1, mfa: false, note: null },
      count: 1,
      firstAt: null,
      lastAt: null,
    });
    for (const [actor, action, outcome] of [
      ["user:bob", "auth.sign-in", "failure"],
      ["user:alice", "user.create", "success"],
      ["user:alice", "auth_x.odd", "success"],
      ["anonymous", "auth.sign-in", "denied"],
    ] as const) {
      clock.advance(MINUTE);
      await store.audit.append({ actor, action, outcome, target: "user:carol" });
    }
    const summary = await store.audit.append({
      actor: "anonymous",
      action: "auth.sign-in",
      outcome: "denied",
      count: 7,
      firstAt: "2025-03-01T10:04:00.000Z",
      lastAt: "2025-03-01T10:04:59.000Z",
    });
    expect(summary).toMatchObject({ id: 6, count: 7, firstAt: "2025-03-01T10:04:00.000Z" });

    const ids = async (query: Parameters<typeof store.audit.query>[0]) =>
      (await store.audit.query(query)).events.map(({ id }) => id);
    expect(await ids({ limit: 100 })).toEqual([6, 5, 4, 3, 2, 1]);
    expect(await ids({ limit: 100, actor: "user:alice" })).toEqual([4, 3, 1]);
    // A prefix, its _ literal, letters in any case (SQLite's LIKE).
    expect(await ids({ limit: 100, action: "auth." })).toEqual([6, 5, 2, 1]);
    expect(await ids({ limit: 100, action: "AUTH_" })).toEqual([4]);
    expect(await ids({ limit: 100, outcome: "denied" })).toEqual([6, 5]);
    expect(await ids({ limit: 100, target: "user:carol" })).toEqual([5, 4, 3, 2]);
    expect(
      await ids({ limit: 100, since: "2025-03-01T10:01:00Z", until: "2025-03-01T10:03:00.000Z" }),
    ).toEqual([3, 2]);
    const page = await store.audit.query({ limit: 4 });
    expect(page.nextBefore).toBe(3);
    expect(await store.audit.query({ limit: 4, before: 3 })).toMatchObject({ nextBefore: null });
    expect(await ids({ limit: 4, before: 3 })).toEqual([2, 1]);
    await expect(store.audit.query({ limit: 1, since: "yesterday" })).rejects.toThrow(
      /since is not a timestamp/,
    );
  });

  it("refuses in the database to update, delete or truncate a record", async () => {
    const { store, raw } = await open();
    await store.audit.append({ actor: "system", action: "user.create", outcome: "success" });
    await expect(raw("UPDATE audit_events SET actor = 'mallory'")).rejects.toThrow(/append-only/);
    await expect(raw("DELETE FROM audit_events")).rejects.toThrow(/append-only/);
    if (name === "postgres") await expect(raw("TRUNCATE audit_events")).rejects.toThrow(/append-only/);
    expect((await store.audit.query({ limit: 10 })).events).toMatchObject([{ actor: "system" }]);
  });
});

describe.each(storeImplementations())("$name store: certificates", ({ open }) => {
  it("keeps each CA role once and each serial once", async () => {
    const { store } = await open();
    const root = await store.certificates.putAuthority({
      role: "root",
      certificatePem: "root",
      encryptedKey: null,
    });
    expect(root).toEqual({
      role: "root",
      certificatePem: "root",
      encryptedKey: null,
      createdAt: "2025-03-01T10:00:00.000Z",
    });
    await expect(
      store.certificates.putAuthority({ role: "root", certificatePem: "again", encryptedKey: null }),
    ).rejects.toThrow(StoreConflictError);
    expect(await store.certificates.getAuthority("root")).toEqual(root);
    expect(await store.certificates.getAuthority("intermediate")).toBeUndefined();
    const inserted = await store.certificates.insert(certificate("0a", "alice", "2025-03-01T10:00:00.000Z"));
    expect(inserted).toEqual({
      ...certificate("0a", "alice", "2025-03-01T10:00:00.000Z"),
      revokedAt: null,
      revocationReason: null,
    });
    expect(await store.certificates.find("0a")).toEqual(inserted);
    expect(await store.certificates.serialExists("0a")).toBe(true);
    expect(await store.certificates.serialExists("0b")).toBe(false);
    await expect(
      store.certificates.insert(certificate("0a", "bob", "2025-03-01T10:00:00.000Z")),
    ).rejects.toThrow(/serial 0a/);
  });

  it("pages newest first by (issuedAt, serial), filters by text and status, counts all matches", async () => {
    const { store } = await open();
    const same = "2025-03-01T10:00:00.000Z";
    for (const serial of ["01", "02", "03"])
      await store.certificates.insert(certificate(serial, `svc-${serial}`, same));
    await store.certificates.insert(
      certificate("04", "Kafka-Broker", "2025-03-02T10:00:00.000Z", "2025-03-10T00:00:00.000Z"),
    );
    await store.certificates.insert(
      certificate("05", "old", "2024-01-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z"),
    );
    await store.certificates.insert(certificate("06", "100%_done", "2024-06-01T00:00:00.000Z"));
    await store.certificates.revoke("03", "2025-03-03T00:00:00.000Z", "keyCompromise");
    const base = { now: "2025-03-05T00:00:00.000Z", expiringBefore: "2025-03-19T00:00:00.000Z", limit: 2 };
    const serials = (answer: { certificates: { serialNumber: string }[] }) =>
      answer.certificates.map((c) => c.serialNumber);
    const first = await store.certificates.query(base);
    expect(serials(first)).toEqual(["04", "03"]);
    expect(first.total).toBe(6);
    const after = { issuedAt: same, serialNumber: "03" };
    expect(serials(await store.certificates.query({ ...base, after }))).toEqual(["02", "01"]);
    const last = await store.certificates.query({ ...base, after: { issuedAt: same, serialNumber: "01" } });
    expect(serials(last)).toEqual(["06", "05"]);
    const all = { ...base, limit: 10 };
    expect(serials(await store.certificates.query({ ...all, q: "KAFKA" }))).toEqual(["04"]);
    expect(serials(await store.certificates.query({ ...all, q: "svc-01.example" }))).toEqual(["01"]);
    expect(serials(await store.certificates.query({ ...all, q: "0:5" }))).toEqual(["05"]);
    expect(serials(await store.certificates.query({ ...all, q: "100%_" }))).toEqual(["06"]);
    expect((await store.certificates.query({ ...all, q: "0%" })).total).toBe(1);
    expect(serials(await store.certificates.query({ ...all, status: "revoked" }))).toEqual(["03"]);
    expect(serials(await store.certificates.query({ ...all, status: "expired" }))).toEqual(["05"]);
    expect(serials(await store.certificates.query({ ...all, status: "expiring" }))).toEqual(["04"]);
    expect(serials(await store.certificates.query({ ...all, status: "valid" }))).toEqual(["02", "01", "06"]);
  });

  it("keeps the first revocation, lists revoked oldest first, numbers CRLs from 1", async () => {
    const { store } = await open();
    await store.certificates.insert(certificate("0b", "carol", "2025-03-01T10:00:00.000Z"));
    await store.certificates.insert(certificate("0c", "dave", "2025-03-01T10:00:00.000Z"));
    await store.certificates.revoke("0c", "2025-03-01T12:00:00.000Z", "superseded");
    await store.certificates.revoke("0b", "2025-03-02T00:00:00.000Z", "keyCompromise");
    const again = await store.certificates.revoke("0b", "2025-03-03T00:00:00.000Z", "superseded");
    expect(again).toMatchObject({ revokedAt: "2025-03-02T00:00:00.000Z", revocationReason: "keyCompromise" });
    expect(await store.certificates.revoke("ff", "2025-03-03T00:00:00.000Z", "superseded")).toBeUndefined();
    expect((await store.certificates.listRevoked()).map((c) => c.serialNumber)).toEqual(["0c", "0b"]);

    expect(await store.certificates.latestCrl()).toBeUndefined();
    expect(await store.certificates.nextCrlNumber()).toBe(1);
    const der = Buffer.from([0x30, 0x82, 0, 0xff]);
    const saved = await store.certificates.saveCrl({ id: 1, der, thisUpdate: "a", nextUpdate: "b" });
    expect(saved).toEqual({ id: 1, der, thisUpdate: "a", nextUpdate: "b" });
    await expect(
      store.certificates.saveCrl({ id: 1, der: Buffer.from([9]), thisUpdate: "x", nextUpdate: "y" }),
    ).rejects.toThrow("CRL number 1 is signed already");
    await store.certificates.saveCrl({ id: 2, der: Buffer.from([2]), thisUpdate: "c", nextUpdate: "d" });
    expect(await store.certificates.latestCrl()).toEqual({
      id: 2,
      der: Buffer.from([2]),
      thisUpdate: "c",
      nextUpdate: "d",
    });
    expect(await store.certificates.nextCrlNumber()).toBe(3);
  });
});
