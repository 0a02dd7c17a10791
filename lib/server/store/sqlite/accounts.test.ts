// Users, sessions and API tokens against a real SQLite file.
import { describe, expect, it } from "vitest";

import { StoreConflictError } from "../types";
import { tempStores } from "@/test/fixtures/sqlite-stores";

const temp = tempStores();
const HOUR = 3_600_000;
const newUser = (username: string, role: "viewer" | "operator" | "admin" = "viewer") => ({
  username,
  role,
  passwordHash: `scrypt$hash-of-${username}`,
  mustChangePassword: true,
});

describe("users", () => {
  it("creates, finds, lists, updates and deletes", async () => {
    const { store, clock } = temp.open();
    const bob = await store.users.create(newUser("bob"));
    const alice = await store.users.create(newUser("alice", "admin"));
    expect(alice).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      username: "alice",
      role: "admin",
      passwordHash: "scrypt$hash-of-alice",
      mustChangePassword: true,
      createdAt: "2025-03-01T10:00:00.000Z",
      updatedAt: "2025-03-01T10:00:00.000Z",
      disabledAt: null,
      lastSignInAt: null,
      provider: null,
      subject: null,
    });
    expect(await store.users.count()).toBe(2);
    expect((await store.users.list()).map(({ username }) => username)).toEqual(["alice", "bob"]);
    expect(await store.users.findByUsername("bob")).toEqual(bob);
    expect(await store.users.findById(alice.id)).toEqual(alice);
    expect(await store.users.findByUsername("carol")).toBeUndefined();

    clock.advance(HOUR);
    const updated = await store.users.update(bob.id, {
      role: "operator",
      mustChangePassword: false,
      disabledAt: "2025-03-01T11:00:00.000Z",
    });
    expect(updated).toMatchObject({
      role: "operator",
      mustChangePassword: false,
      disabledAt: "2025-03-01T11:00:00.000Z",
      updatedAt: "2025-03-01T11:00:00.000Z",
    });
    expect((await store.users.update(bob.id, { disabledAt: null }))?.disabledAt).toBeNull();
    expect(await store.users.update("no-such-id", { role: "admin" })).toBeUndefined();

    expect(await store.users.delete(bob.id)).toBe(true);
    expect(await store.users.delete(bob.id)).toBe(false);
    expect(await store.users.findById(bob.id)).toBeUndefined();
  });

  it("records a sign-in without counting it as a change to the account", async () => {
    const { store, clock } = temp.open();
    const alice = await store.users.create(newUser("alice"));
    clock.advance(HOUR);
    const signedIn = await store.users.update(alice.id, { lastSignInAt: "2025-03-01T11:00:00.000Z" });
    expect(signedIn).toMatchObject({ lastSignInAt: "2025-03-01T11:00:00.000Z", updatedAt: alice.updatedAt });
  });

  it("refuses a second user with the same name", async () => {
    const { store } = temp.open();
    await store.users.create(newUser("alice"));
    await expect(store.users.create(newUser("alice", "admin"))).rejects.toThrow(StoreConflictError);
    await expect(store.users.create(newUser("alice"))).rejects.toThrow("a user named alice already exists");
    expect(await store.users.count()).toBe(1);
  });

  it("finds single sign-on users by provider and subject, one user per subject", async () => {
    const { store } = temp.open();
    const issuer = "https://id.example.com";
    const sso = await store.users.create({ ...newUser("sam"), provider: issuer, subject: "sub-1" });
    expect(sso).toMatchObject({ provider: issuer, subject: "sub-1" });
    expect(await store.users.findBySubject(issuer, "sub-1")).toEqual(sso);
    expect(await store.users.findBySubject("https://other.example.com", "sub-1")).toBeUndefined();
    await expect(
      store.users.create({ ...newUser("sam2"), provider: issuer, subject: "sub-1" }),
    ).rejects.toThrow(StoreConflictError);
    // Local accounts have neither, and any number of them may.
    await store.users.create(newUser("local-1"));
    await store.users.create(newUser("local-2"));
    expect(await store.users.count()).toBe(3);
  });
});

describe("sessions", () => {
  const sessionOf = (userId: string, lastSeenAt: string, expiresAt: string) => ({
    userId,
    createdAt: "2025-03-01T10:00:00.000Z",
    lastSeenAt,
    expiresAt,
    clientAddress: "192.0.2.7",
    userAgent: null,
  });

  it("creates with a random id, finds, touches and deletes", async () => {
    const { store } = temp.open();
    const alice = await store.users.create(newUser("alice"));
    const session = await store.sessions.create(
      sessionOf(alice.id, "2025-03-01T10:00:00.000Z", "2025-03-01T22:00:00.000Z"),
    );
    expect(session.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await store.sessions.find(session.id)).toEqual(session);
    await store.sessions.touch(session.id, "2025-03-01T10:05:00.000Z");
    expect((await store.sessions.find(session.id))?.lastSeenAt).toBe("2025-03-01T10:05:00.000Z");
    await store.sessions.delete(session.id);
    expect(await store.sessions.find(session.id)).toBeUndefined();
  });

  it("ends every session of a user, and all of them when the user is deleted", async () => {
    const { store } = temp.open();
    const alice = await store.users.create(newUser("alice"));
    const bob = await store.users.create(newUser("bob"));
    const times = ["2025-03-01T10:00:00.000Z", "2025-03-01T22:00:00.000Z"] as const;
    const first = await store.sessions.create(sessionOf(alice.id, ...times));
    const second = await store.sessions.create(sessionOf(alice.id, ...times));
    const bobs = await store.sessions.create(sessionOf(bob.id, ...times));
    expect(await store.sessions.deleteForUser(alice.id)).toBe(2);
    expect((await store.sessions.find(first.id)) ?? (await store.sessions.find(second.id))).toBeUndefined();

    const again = await store.sessions.create({ ...sessionOf(alice.id, ...times), id: "chosen-id" });
    expect(again.id).toBe("chosen-id");
    await store.users.delete(alice.id);
    expect(await store.sessions.find("chosen-id")).toBeUndefined();
    expect(await store.sessions.find(bobs.id)).toEqual(bobs);
  });

  it("refuses a session for a user who does not exist", async () => {
    const { store } = temp.open();
    await expect(
      store.sessions.create(sessionOf("ghost", "2025-03-01T10:00:00.000Z", "2025-03-01T22:00:00.000Z")),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it("deletes sessions past their absolute expiry or idle too long", async () => {
    const { store } = temp.open();
    const alice = await store.users.create(newUser("alice"));
    const active = await store.sessions.create(
      sessionOf(alice.id, "2025-03-01T11:50:00.000Z", "2025-03-01T22:00:00.000Z"),
    );
    await store.sessions.create(sessionOf(alice.id, "2025-03-01T11:10:00.000Z", "2025-03-01T22:00:00.000Z")); // idle
    await store.sessions.create(sessionOf(alice.id, "2025-03-01T11:55:00.000Z", "2025-03-01T12:00:00.000Z")); // expired
    expect(await store.sessions.deleteExpired("2025-03-01T12:00:00.000Z", "2025-03-01T11:30:00.000Z")).toBe(
      2,
    );
    expect(await store.sessions.find(active.id)).toEqual(active);
  });
});

describe("API tokens", () => {
  const tokenOf = (name: string) => ({
    name,
    role: "operator" as const,
    secretHash: `sha256-of-${name}`,
    createdBy: "user:alice",
    expiresAt: null,
  });

  it("creates with a short base62 id, lists newest first, touches and revokes once", async () => {
    const { store, clock } = temp.open();
    const ci = await store.tokens.create(tokenOf("ci"));
    expect(ci).toEqual({
      id: expect.stringMatching(/^[0-9A-Za-z]{12}$/),
      name: "ci",
      role: "operator",
      secretHash: "sha256-of-ci",
      createdBy: "user:alice",
      createdAt: "2025-03-01T10:00:00.000Z",
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
    });
    clock.advance(HOUR);
    const backup = await store.tokens.create({
      ...tokenOf("backup"),
      id: "backup000001",
      expiresAt: "2026-03-01T00:00:00.000Z",
    });
    expect((await store.tokens.list()).map(({ name }) => name)).toEqual(["backup", "ci"]);
    await expect(store.tokens.create({ ...tokenOf("dup"), id: backup.id })).rejects.toThrow(
      StoreConflictError,
    );

    await store.tokens.touch(ci.id, "2025-03-01T11:30:00.000Z");
    expect((await store.tokens.find(ci.id))?.lastUsedAt).toBe("2025-03-01T11:30:00.000Z");
    expect((await store.tokens.revoke(ci.id, "2025-03-01T12:00:00.000Z"))?.revokedAt).toBe(
      "2025-03-01T12:00:00.000Z",
    );
    expect((await store.tokens.revoke(ci.id, "2025-03-01T13:00:00.000Z"))?.revokedAt).toBe(
      "2025-03-01T12:00:00.000Z",
    );
    expect(await store.tokens.revoke("nope", "2025-03-01T13:00:00.000Z")).toBeUndefined();
    expect(await store.tokens.find("nope")).toBeUndefined();
  });
});
