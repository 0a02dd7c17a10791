// Transactions and conflicts inside them: the same cases against SQLite and PostgreSQL. Replicas
// sharing a database: postgres-replicas.test.ts.
import { describe, expect, it } from "vitest";

import { StoreConflictError } from "@/lib/server/store/types";
import { storeImplementations } from "@/test/support/store-implementations";

const newUser = (username: string) => ({
  username,
  role: "viewer" as const,
  passwordHash: "scrypt$x",
  mustChangePassword: false,
});

const certificate = (serialNumber: string) => ({
  serialNumber,
  commonName: `cn-${serialNumber}`,
  subject: `CN=cn-${serialNumber}`,
  subjectAltNames: [],
  keyAlgorithm: "ec-p256",
  serverAuth: false,
  source: "generated" as const,
  issuedBy: "user:admin",
  issuedAt: "2025-03-01T10:00:00.000Z",
  notBefore: "2025-03-01T10:00:00.000Z",
  notAfter: "2026-03-01T10:00:00.000Z",
  certificatePem: "pem",
  fingerprint: "AA",
});

describe.each(storeImplementations())("$name store: transactions", ({ open }) => {
  it("commits when fn resolves and rolls everything back when it rejects", async () => {
    const { store } = await open();
    const created = await store.transaction(async (tx) => {
      const alice = await tx.users.create(newUser("alice"));
      await tx.audit.append({ actor: "system", action: "user.create", target: alice.id, outcome: "success" });
      return alice;
    });
    expect(await store.users.findById(created.id)).toEqual(created);
    await expect(
      store.transaction(async (tx) => {
        await tx.users.create(newUser("bob"));
        await tx.audit.append({ actor: "system", action: "user.create", outcome: "success" });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await store.users.findByUsername("bob")).toBeUndefined();
    expect((await store.audit.query({ limit: 10 })).events).toHaveLength(1);
  });

  it("nests as a savepoint, and goes on after a conflict inside it", async () => {
    const { store } = await open();
    await store.certificates.insert(certificate("01"));
    const serial = await store.transaction(async (tx) => {
      await tx.users.create(newUser("carol"));
      await expect(
        tx.transaction(async (inner) => {
          await inner.users.create(newUser("dave"));
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
      // The caller draws another serial after a conflict, in the same transaction.
      await expect(tx.certificates.insert(certificate("01"))).rejects.toThrow(StoreConflictError);
      return (await tx.certificates.insert(certificate("02"))).serialNumber;
    });
    expect(serial).toBe("02");
    expect(await store.users.findByUsername("carol")).toBeDefined();
    expect(await store.users.findByUsername("dave")).toBeUndefined();
    expect(await store.certificates.serialExists("02")).toBe(true);
  });

  it("refuses the outer store inside fn, and the transaction's store after it ended", async () => {
    const { store } = await open();
    let kept: typeof store | undefined;
    await expect(
      store.transaction(async (tx) => {
        kept = tx;
        return store.users.count();
      }),
    ).rejects.toThrow(/inside store.transaction/);
    await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(
      /inside store.transaction/,
    );
    await expect(kept!.users.count()).rejects.toThrow(/transaction has ended/);
    expect(await store.users.count()).toBe(0);
  });

  it("answers ping, and refuses calls once closed", async () => {
    const { store, openAnother } = await open();
    const another = await openAnother();
    await expect(another.ping()).resolves.toBeUndefined();
    await another.close();
    await another.close();
    await expect(another.users.count()).rejects.toThrow(/closed/);
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
