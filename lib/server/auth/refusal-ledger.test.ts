import { describe, expect, it } from "vitest";

import type { AuditEventInput } from "@/lib/server/store/types";

import { RefusalLedger } from "./refusal-ledger";

const T0 = Date.parse("2025-03-01T10:00:00.000Z");
const SECOND = 1_000;
const rejected = (overrides: Partial<AuditEventInput> = {}): AuditEventInput => ({
  actor: "anonymous",
  action: "auth.token-rejected",
  target: "token:AAAAbogus123",
  outcome: "failure",
  clientAddress: "192.0.2.7",
  requestId: "req-1",
  details: { reason: "unknown-token", scheme: "bearer" },
  ...overrides,
});

describe("RefusalLedger", () => {
  it("keeps a row for the first of each kind of another action while one action floods", () => {
    const ledger = new RefusalLedger({ windowMs: 60 * SECOND, maxTallies: 3 });
    for (let i = 0; i < 5; i++)
      ledger.record(rejected({ action: "access.denied", target: `/route/${i}` }), T0 + i);
    const earlier = ledger.record(rejected({ target: "token:first" }), T0 + 10);
    const forged = ledger.record(rejected({ target: "token:forged" }), T0 + 11);
    expect(earlier).toEqual([expect.objectContaining({ target: "token:first", count: 1 })]);
    expect(forged).toEqual([expect.objectContaining({ target: "token:forged", count: 1 })]);
  });

  it("writes the first refusal of a kind at once and the rest of its window as one summary", () => {
    const ledger = new RefusalLedger({ windowMs: 60 * SECOND, maxTallies: 10 });
    expect(ledger.record(rejected(), T0 + SECOND)).toEqual([{ ...rejected(), count: 1 }]);
    for (let second = 2; second < 60; second++)
      expect(ledger.record(rejected(), T0 + second * SECOND)).toEqual([]);
    expect(ledger.closesAt()).toBe(T0 + 60 * SECOND);
    expect(ledger.closeWindow(T0 + 59 * SECOND)).toEqual([]);
    expect(ledger.closeWindow(T0 + 60 * SECOND)).toEqual([
      {
        ...rejected(),
        requestId: null,
        count: 58,
        firstAt: "2025-03-01T10:00:02.000Z",
        lastAt: "2025-03-01T10:00:59.000Z",
      },
    ]);
    expect(ledger.size).toBe(0);
    expect(ledger.closesAt()).toBeNull();
  });

  it("closes an ended window at the next refusal, before recording it", () => {
    const ledger = new RefusalLedger({ windowMs: 60 * SECOND, maxTallies: 10 });
    ledger.record(rejected(), T0);
    ledger.record(rejected(), T0 + SECOND);
    const rows = ledger.record(rejected(), T0 + 61 * SECOND);
    expect(rows.map((row) => [row.count, row.firstAt ?? null])).toEqual([
      [1, "2025-03-01T10:00:01.000Z"],
      [1, null],
    ]);
  });

  it("tells kinds apart by source, actor, target, outcome and details", () => {
    const ledger = new RefusalLedger({ windowMs: 60 * SECOND, maxTallies: 10 });
    const kinds = [
      rejected(),
      rejected({ clientAddress: "192.0.2.8" }),
      rejected({ target: "token:BBBBbogus123" }),
      rejected({ details: { reason: "wrong-secret", scheme: "bearer" } }),
      rejected({ action: "auth.sign-in", outcome: "denied" }),
    ];
    for (const kind of kinds) expect(ledger.record(kind, T0)).toHaveLength(1);
    for (const kind of kinds) expect(ledger.record({ ...kind, requestId: "req-2" }, T0)).toEqual([]);
    expect(ledger.closeWindow(T0, true).map((row) => row.count)).toEqual([1, 1, 1, 1, 1]);
  });

  it("folds kinds beyond maxTallies into one tally per action and outcome, counting every one", () => {
    const ledger = new RefusalLedger({ windowMs: 60 * SECOND, maxTallies: 3 });
    const written: AuditEventInput[] = [];
    for (let source = 0; source < 1_000; source++) {
      const event = rejected({ clientAddress: `198.51.100.${source % 250}`, target: `token:id${source}` });
      written.push(...ledger.record(event, T0 + source));
      expect(ledger.size).toBeLessThanOrEqual(4);
    }
    written.push(...ledger.record(rejected({ actor: "user:alice", outcome: "denied" }), T0 + 1_000));
    written.push(...ledger.closeWindow(T0, true));
    expect(written.reduce((sum, row) => sum + (row.count ?? 1), 0)).toBe(1_001);
    expect(written).toHaveLength(3 + 2 + 1);
    expect(written.at(-1)).toMatchObject({
      actor: "anonymous",
      target: null,
      details: { otherSources: true },
      count: 996,
      firstAt: "2025-03-01T10:00:00.004Z",
      lastAt: "2025-03-01T10:00:00.999Z",
    });
    expect(written.at(-1)).not.toHaveProperty("clientAddress");
  });

  it("keeps the actor and target of a folded tally only when they are all the same", () => {
    const ledger = new RefusalLedger({ windowMs: 60 * SECOND, maxTallies: 1 });
    ledger.record(rejected(), T0);
    ledger.record(rejected({ clientAddress: "a" }), T0);
    ledger.record(rejected({ clientAddress: "b" }), T0);
    ledger.record(rejected({ clientAddress: "c", actor: "user:alice", target: "token:other" }), T0);
    expect(ledger.closeWindow(T0, true)).toEqual([
      expect.objectContaining({ actor: "various", target: null, count: 2 }),
    ]);
  });
});
