// The audit trail against a real SQLite file: append-only in the database itself, filters, paging.
import { DatabaseSync } from "node:sqlite";

import { describe, expect, it } from "vitest";

import type { AuditEventInput } from "../types";
import { tempStores } from "@/test/fixtures/sqlite-stores";

const temp = tempStores();
const MINUTE = 60_000;

const signIn = (actor: string, outcome: AuditEventInput["outcome"] = "success"): AuditEventInput => ({
  actor,
  action: "auth.sign-in",
  outcome,
});

describe("audit trail", () => {
  it("appends events with an id, a time and every field", async () => {
    const { store } = temp.open();
    const event = await store.audit.append({
      actor: "user:alice",
      action: "token.create",
      target: "token:AbC123xyz890 (ci)",
      outcome: "success",
      clientAddress: "192.0.2.7",
      requestId: "0b8f3d1e-1111-4222-8333-444455556666",
      details: { role: "operator", expiresInDays: 30, renewable: false, note: null },
    });
    expect(event).toEqual({
      id: 1,
      at: "2025-03-01T10:00:00.000Z",
      actor: "user:alice",
      action: "token.create",
      target: "token:AbC123xyz890 (ci)",
      outcome: "success",
      clientAddress: "192.0.2.7",
      requestId: "0b8f3d1e-1111-4222-8333-444455556666",
      details: { role: "operator", expiresInDays: 30, renewable: false, note: null },
      count: 1,
      firstAt: null,
      lastAt: null,
    });
    expect(await store.audit.append(signIn("anonymous", "failure"))).toMatchObject({
      id: 2,
      target: null,
      clientAddress: null,
      requestId: null,
      details: {},
      count: 1,
    });
  });

  it("keeps a summary's count and period, and refuses a count below one", async () => {
    const { store } = temp.open();
    const summary = {
      ...signIn("anonymous", "denied"),
      count: 999,
      firstAt: "2025-03-01T09:59:00.100Z",
      lastAt: "2025-03-01T09:59:59.900Z",
    };
    expect(await store.audit.append(summary)).toMatchObject(summary);
    await expect(store.audit.append({ ...summary, count: 0 })).rejects.toThrow(/CHECK constraint/);
  });

  it("is append-only in the database: UPDATE and DELETE fail whoever runs them", async () => {
    const { store, path } = temp.open();
    await store.audit.append(signIn("user:alice"));
    const db = new DatabaseSync(path);
    expect(() => db.exec("UPDATE audit_events SET outcome = 'failure'")).toThrow(/append-only/);
    expect(() => db.exec("DELETE FROM audit_events")).toThrow(/append-only/);
    db.close();
    expect((await store.audit.query({ limit: 10 })).events).toEqual([
      expect.objectContaining({ outcome: "success" }),
    ]);
  });

  it("filters by actor, action prefix, target, outcome and time, newest first", async () => {
    const { store, clock } = temp.open();
    const append = async (event: AuditEventInput) => {
      const appended = await store.audit.append(event);
      clock.advance(MINUTE);
      return appended;
    };
    await append(signIn("user:alice")); // 10:00
    await append(signIn("user:bob", "failure")); // 10:01
    await append({ actor: "user:alice", action: "auth.sign-out", outcome: "success" }); // 10:02
    await append({ actor: "user:alice", action: "user.create", target: "user:carol", outcome: "success" }); // 10:03
    await append({ actor: "user:bob", action: "user.create", target: "user:dave", outcome: "denied" }); // 10:04
    await append({ actor: "system", action: "auth_x.other", outcome: "success" }); // 10:05

    const ids = async (query: Parameters<typeof store.audit.query>[0]) =>
      (await store.audit.query(query)).events.map(({ id }) => id);
    expect(await ids({ limit: 50 })).toEqual([6, 5, 4, 3, 2, 1]);
    expect(await ids({ limit: 50, actor: "user:alice" })).toEqual([4, 3, 1]);
    expect(await ids({ limit: 50, action: "auth." })).toEqual([3, 2, 1]);
    expect(await ids({ limit: 50, action: "auth.sign-in" })).toEqual([2, 1]);
    // "_" and "%" in the prefix are literal characters, not LIKE wildcards.
    expect(await ids({ limit: 50, action: "auth_" })).toEqual([6]);
    expect(await ids({ limit: 50, action: "%" })).toEqual([]);
    expect(await ids({ limit: 50, target: "user:carol" })).toEqual([4]);
    expect(await ids({ limit: 50, outcome: "failure" })).toEqual([2]);
    expect(await ids({ limit: 50, actor: "user:bob", action: "user." })).toEqual([5]);
    // since is inclusive, until exclusive; any date the Date constructor reads is accepted.
    expect(
      await ids({ limit: 50, since: "2025-03-01T10:02:00.000Z", until: "2025-03-01T10:04:00.000Z" }),
    ).toEqual([4, 3]);
    expect(await ids({ limit: 50, since: "2025-03-01T11:02:00+01:00" })).toEqual([6, 5, 4, 3]);
    await expect(ids({ limit: 50, until: "yesterday-ish" })).rejects.toThrow(/until is not a timestamp/);
  });

  it("pages newest first with a keyset cursor until the oldest event", async () => {
    const { store } = temp.open();
    for (let index = 0; index < 7; index += 1) await store.audit.append(signIn(`user:u${index}`));
    const first = await store.audit.query({ limit: 3 });
    expect(first.events.map(({ id }) => id)).toEqual([7, 6, 5]);
    expect(first.nextBefore).toBe(5);
    // Events appended meanwhile do not shift the pages already being read.
    await store.audit.append(signIn("user:late"));
    const second = await store.audit.query({ limit: 3, before: first.nextBefore! });
    expect(second).toMatchObject({ nextBefore: 2, events: [{ id: 4 }, { id: 3 }, { id: 2 }] });
    const last = await store.audit.query({ limit: 3, before: second.nextBefore! });
    expect(last).toMatchObject({ nextBefore: null, events: [{ id: 1 }] });
    expect((await store.audit.query({ limit: 1, before: 9 })).nextBefore).toBe(8);
    expect((await store.audit.query({ limit: 8 })).nextBefore).toBeNull();
    expect((await store.audit.query({ limit: 0 })).events).toHaveLength(1);
  });
});
