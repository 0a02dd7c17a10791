import { describe, expect, it } from "vitest";

import type { SearchEvent } from "@/lib/messages/events";

import { acquireSearchSlot, releasingAtEnd, runningSearches, type SearchHolder } from "./search-slots";

const limits = { perUser: 2, perToken: 1 };
const holder = (kind: SearchHolder["kind"], actor: string): SearchHolder => ({ kind, actor });

describe("acquireSearchSlot", () => {
  it("refuses the search past the limit, saying how many run and which setting caps them", () => {
    const alice = holder("user", "user:slots-alice");
    const first = acquireSearchSlot(alice, limits);
    const second = acquireSearchSlot(alice, limits);
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(acquireSearchSlot(alice, limits)).toEqual({ ok: false, running: 2, limit: 2, setting: "perUser" });
    if (first.ok) first.release();
    const third = acquireSearchSlot(alice, limits);
    expect(third.ok).toBe(true);
    if (second.ok) second.release();
    if (third.ok) third.release();
    expect(runningSearches(alice)).toBe(0);
  });

  it("counts users and tokens apart, each with its own limit", () => {
    const token = holder("token", "token:t1 (ci)");
    const sameActorAsUser = holder("user", "token:t1 (ci)");
    const slot = acquireSearchSlot(token, limits);
    expect(slot.ok).toBe(true);
    expect(acquireSearchSlot(token, limits)).toMatchObject({ ok: false, limit: 1, setting: "perToken" });
    const other = acquireSearchSlot(holder("token", "token:t2 (ci)"), limits);
    expect(other.ok).toBe(true);
    const user = acquireSearchSlot(sameActorAsUser, limits);
    expect(user.ok).toBe(true);
    for (const answer of [slot, other, user]) if (answer.ok) answer.release();
  });

  it("gives a slot back once, however often release is called", () => {
    const bob = holder("user", "user:slots-bob");
    const first = acquireSearchSlot(bob, limits);
    const second = acquireSearchSlot(bob, limits);
    if (!first.ok || !second.ok) throw new Error("expected two slots");
    first.release();
    first.release();
    expect(runningSearches(bob)).toBe(1);
    second.release();
    expect(runningSearches(bob)).toBe(0);
  });
});

describe("releasingAtEnd", () => {
  const notice: SearchEvent = { type: "notice", message: "n" };

  it("releases when the events end, when the reader returns early, and when they throw", async () => {
    const released: string[] = [];
    async function* ending() {
      yield notice;
    }
    for await (const event of releasingAtEnd(ending(), () => released.push("end"))) void event;

    const early = releasingAtEnd(ending(), () => released.push("early"));
    await early.next();
    await early.return(undefined);

    async function* failing(): AsyncGenerator<SearchEvent> {
      yield notice;
      throw new Error("broken");
    }
    const failed = releasingAtEnd(failing(), () => released.push("error"));
    await failed.next();
    await expect(failed.next()).rejects.toThrow("broken");
    expect(released).toEqual(["end", "early", "error"]);
  });
});
