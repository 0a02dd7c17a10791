// Users, sessions and API tokens: the same cases against SQLite and PostgreSQL.
import { describe, expect, it } from "vitest";

import { StoreConflictError } from "@/lib/server/store/types";
import { storeImplementations } from "@/test/support/store-implementations";

const HOUR = 3_600_000;
const newUser = (username: string, role: "viewer" | "operator" | "admin" = "viewer") => ({
  username,
  role,
  passwordHash: `scrypt$hash-of-${username}`,
  mustChangePassword: true,
});
const sessionOf = (userId: string, lastSeenAt: string, expiresAt: string) => ({
  userId,
  createdAt: "2025-03-01T10:00:00.000Z",
  lastSeenAt,
  expiresAt,
  clientAddress: "192.0.2.7",
  userAgent: null,
});

describe.each(storeImplementations())("$name store: accounts", ({ open }) => {
  it("creates, finds, lists (byte order), updates and deletes users", async () => {
    const { store, clock } = await open();
    const bob = await store.users.create(newUser("bob"));
    const alice = await store.users.create(newUser("alice", "admin"));
    await store.users.create(newUser("Zed"));
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
    expect(await store.users.count()).toBe(3);
    expect((await store.users.list()).map(({ username }) => username)).toEqual(["Zed", "alice", "bob"]);
    expect(await store.users.findByUsername("bob")).toEqual(bob);
    expect(await store.users.findById(alice.id)).toEqual(alice);
    expect(await store.users.findByUsername("carol")).toBeUndefined();

    clock.advance(HOUR);
    expect(
      await store.users.update(bob.id, {
        role: "operator",
        mustChangePassword: false,
        disabledAt: "2025-03-01T11:00:00.000Z",
      }),
    ).toMatchObject({
      role: "operator",
      mustChangePassword: false,
      disabledAt: "2025-03-01T11:00:00.000Z",
      updatedAt: "2025-03-01T11:00:00.000Z",
    });
    expect((await store.users.update(bob.id, { disabledAt: null }))?.disabledAt).toBeNull();
    expect(await store.users.update(bob.id, {})).toMatchObject({ id: bob.id, role: "operator" });
    expect(await store.users.update("no-such-id", { role: "admin" })).toBeUndefined();
    const signedIn = await store.users.update(alice.id, { lastSignInAt: "2025-03-01T11:00:00.000Z" });
    expect(signedIn).toMatchObject({ lastSignInAt: "2025-03-01T11:00:00.000Z", updatedAt: alice.updatedAt });

    expect(await store.users.delete(bob.id)).toBe(true);
    expect(await store.users.delete(bob.id)).toBe(false);
    expect(await store.users.findById(bob.id)).toBeUndefined();
  });

  it("refuses a second user with the same name or the same provider and subject", async () => {
    const { store } = await open();
    await store.users.create(newUser("alice"));
    await expect(store.users.create(newUser("alice", "admin"))).rejects.toThrow(StoreConflictError);
    await expect(store.users.create(newUser("alice"))).rejects.toThrow("a user named alice already exists");
    const issuer = "https://id.example.com";
    const sso = await store.users.create({ ...newUser("sam"), provider: issuer, subject: "sub-1" });
    expect(await store.users.findBySubject(issuer, "sub-1")).toEqual(sso);
    expect(await store.users.findBySubject("https://other.example.com", "sub-1")).toBeUndefined();
    await expect(
      store.users.create({ ...newUser("sam2"), provider: issuer, subject: "sub-1" }),
    ).rejects.toThrow(StoreConflictError);
    await store.users.create(newUser("local-2"));
    expect(await store.users.count()).toBe(3);
  });

  it("creates, finds, touches and deletes sessions; a user's go with the user", async () => {
    const { store } = await open();
    const alice = await store.users.create(newUser("alice"));
    const bob = await store.users.create(newUser("bob"));
    const session = await store.sessions.create(
      sessionOf(alice.id, "2025-03-01T10:00:00.000Z", "2025-03-01T22:00:00.000Z"),
    );
    expect(session).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ...sessionOf(alice.id, "2025-03-01T10:00:00.000Z", "2025-03-01T22:00:00.000Z"),
    });
    expect(await store.sessions.find(session.id)).toEqual(session);
    await store.sessions.touch(session.id, "2025-03-01T10:05:00.000Z");
    expect((await store.sessions.find(session.id))?.lastSeenAt).toBe("2025-03-01T10:05:00.000Z");
    await expect(store.sessions.create({ ...sessionOf(bob.id, "a", "b"), id: session.id })).rejects.toThrow(
      "a session with this id already exists",
    );
    await store.sessions.delete(session.id);
    expect(await store.sessions.find(session.id)).toBeUndefined();

    const times = ["2025-03-01T10:00:00.000Z", "2025-03-01T22:00:00.000Z"] as const;
    await store.sessions.create(sessionOf(alice.id, ...times));
    await store.sessions.create(sessionOf(alice.id, ...times));
    const bobs = await store.sessions.create(sessionOf(bob.id, ...times));
    expect(await store.sessions.deleteForUser(alice.id)).toBe(2);
    await store.users.delete(bob.id);
    expect(await store.sessions.find(bobs.id)).toBeUndefined();
  });

  it("deletes sessions past their absolute or idle expiry", async () => {
    const { store } = await open();
    const alice = await store.users.create(newUser("alice"));
    const fresh = await store.sessions.create(
      sessionOf(alice.id, "2025-03-01T11:50:00.000Z", "2025-03-01T22:00:00.000Z"),
    );
    await store.sessions.create(sessionOf(alice.id, "2025-03-01T11:00:00.000Z", "2025-03-01T22:00:00.000Z"));
    await store.sessions.create(sessionOf(alice.id, "2025-03-01T11:55:00.000Z", "2025-03-01T12:00:00.000Z"));
    expect(await store.sessions.deleteExpired("2025-03-01T12:00:00.000Z", "2025-03-01T11:30:00.000Z")).toBe(
      2,
    );
    expect(await store.sessions.find(fresh.id)).toEqual(fresh);
  });

  it("creates, lists (newest first), revokes once and touches API tokens", async () => {
    const { store, clock } = await open();
    const token = {
      name: "ci",
      role: "viewer" as const,
      secretHash: "sha256-of-secret",
      createdBy: "user:alice",
      expiresAt: null,
    };
    const first = await store.tokens.create(token);
    expect(first).toEqual({
      ...token,
      id: expect.stringMatching(/^[0-9A-Za-z]{12}$/),
      createdAt: "2025-03-01T10:00:00.000Z",
      revokedAt: null,
      lastUsedAt: null,
    });
    clock.advance(HOUR);
    const second = await store.tokens.create({
      ...token,
      id: "fixedid00001",
      expiresAt: "2026-01-01T00:00:00.000Z",
    });
    await expect(store.tokens.create({ ...token, id: "fixedid00001" })).rejects.toThrow(StoreConflictError);
    expect((await store.tokens.list()).map(({ id }) => id)).toEqual([second.id, first.id]);
    expect(await store.tokens.find(first.id)).toEqual(first);
    expect((await store.tokens.revoke(first.id, "2025-03-02T00:00:00.000Z"))?.revokedAt).toBe(
      "2025-03-02T00:00:00.000Z",
    );
    expect((await store.tokens.revoke(first.id, "2025-03-03T00:00:00.000Z"))?.revokedAt).toBe(
      "2025-03-02T00:00:00.000Z",
    );
    expect(await store.tokens.revoke("missing", "2025-03-03T00:00:00.000Z")).toBeUndefined();
    await store.tokens.touch(second.id, "2025-03-01T12:00:00.000Z");
    expect((await store.tokens.find(second.id))?.lastUsedAt).toBe("2025-03-01T12:00:00.000Z");
  });
});
