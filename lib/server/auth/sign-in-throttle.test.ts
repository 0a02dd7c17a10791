// The throttle's policy on the store's counts, against a real SQLite store (in memory, or one file
// opened twice for two replicas).
import { describe, expect, it } from "vitest";

import type { ConsoleStore } from "@/lib/server/store/types";
import { tempStores } from "@/test/fixtures/sqlite-stores";

import {
  defaultThrottlePolicy,
  lockMs,
  MAX_ACCOUNT_DELAY_MS,
  SignInThrottle,
  signInKeys,
  type ThrottlePolicy,
} from "./sign-in-throttle";

const temp = tempStores();
const POLICY = { freeFailures: 5, windowMs: 15 * 60_000, maxLockMs: 15 * 60_000 };

function throttle(
  store: ConsoleStore = temp.open().store,
  clock = { now: 1_000_000 },
  policy: (key: string) => ThrottlePolicy = () => POLICY,
) {
  return {
    clock,
    store,
    throttle: new SignInThrottle(
      () => store.throttle,
      policy,
      () => clock.now,
    ),
  };
}

describe("SignInThrottle", () => {
  it("lets the first five failures through, then locks for 1, 2, 4… seconds", async () => {
    const { clock, throttle: t } = throttle();
    const keys = ["account:alice"];
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await t.retryAfterMs(keys)).toBe(0);
      await t.recordFailure(keys);
    }
    expect(await t.retryAfterMs(keys)).toBe(0);
    await t.recordFailure(keys); // the sixth
    expect(await t.retryAfterMs(keys)).toBe(1000);
    clock.now += 1000;
    expect(await t.retryAfterMs(keys)).toBe(0);
    await t.recordFailure(keys);
    expect(await t.retryAfterMs(keys)).toBe(2000);
    clock.now += 2000;
    await t.recordFailure(keys);
    expect(await t.retryAfterMs(keys)).toBe(4000);
  });

  it("caps the lock at fifteen minutes", async () => {
    const { clock, throttle: t } = throttle();
    for (let attempt = 0; attempt < 40; attempt++) {
      await t.recordFailure(["account:alice"]);
      clock.now += 1000;
    }
    await t.recordFailure(["account:alice"]);
    expect(await t.retryAfterMs(["account:alice"])).toBe(15 * 60_000);
  });

  it("starts over after fifteen quiet minutes, but not while failures keep coming", async () => {
    const { clock, throttle: t } = throttle();
    for (let attempt = 0; attempt < 6; attempt++) await t.recordFailure(["account:alice"]);
    clock.now += 15 * 60_000;
    await t.recordFailure(["account:alice"]);
    expect(await t.retryAfterMs(["account:alice"])).toBe(0);
  });

  it("answers for the most locked of several keys, each counted on its own", async () => {
    const { throttle: t } = throttle();
    for (let attempt = 0; attempt < 6; attempt++)
      await t.recordFailure(["account:alice", "address:10.0.0.1"]);
    expect(await t.retryAfterMs(["account:bob", "address:10.0.0.1"])).toBe(1000);
    expect(await t.retryAfterMs(["account:bob", "address:10.0.0.2"])).toBe(0);
  });

  it("forgets an account after a success", async () => {
    const { throttle: t } = throttle();
    for (let attempt = 0; attempt < 6; attempt++) await t.recordFailure(["account:alice"]);
    await t.forget("account:alice");
    expect(await t.retryAfterMs(["account:alice"])).toBe(0);
  });

  it("deletes keys quiet for longer than any window, so sprayed names do not pile up", async () => {
    const { clock, store, throttle: t } = throttle();
    for (let index = 0; index < 50; index++) await t.recordFailure([`account:user-${index}`]);
    clock.now += 15 * 60_000 + 60_000;
    await t.recordFailure(["account:latest"]);
    const names = ["account:user-0", "account:user-49", "account:latest"];
    expect((await store.throttle.counts(names)).map(({ key }) => key)).toEqual(["account:latest"]);
  });

  it("counts across replicas: failures spread over two processes on one store lock alike", async () => {
    const { path, store } = temp.open();
    const other = temp.open(path).store;
    const clock = { now: 1_000_000 };
    const [a, b] = [throttle(store, clock).throttle, throttle(other, clock).throttle];
    // Six failures, alternating: each replica saw three, the store counts six.
    for (let attempt = 0; attempt < 6; attempt++) await (attempt % 2 ? a : b).recordFailure(["pair:x"]);
    expect(await a.retryAfterMs(["pair:x"])).toBe(1000);
    expect(await b.retryAfterMs(["pair:x"])).toBe(1000);
    // Counted at once from both: none of them is lost.
    await Promise.all([a.recordFailure(["pair:x"]), b.recordFailure(["pair:x"])]);
    expect(await store.throttle.counts(["pair:x"])).toEqual([
      { key: "pair:x", failures: 8, lastFailureAt: 1_000_000 },
    ]);
  });

  it("backs off 1, 2, 4… seconds after the free failures, within the cap", () => {
    expect([5, 6, 7, 8, 40].map((failures) => lockMs(POLICY, failures))).toEqual([
      0,
      1000,
      2000,
      4000,
      15 * 60_000,
    ]);
  });
});

describe("keys and the default policy", () => {
  it("keys an attempt by (account, address), by address and by account, user names normalised", async () => {
    expect(signInKeys("  Alice ", "10.0.0.1")).toEqual({
      pair: "pair:alice@address:10.0.0.1",
      address: "address:10.0.0.1",
      account: "account:alice",
    });
    expect(signInKeys("alice", null).address).toBe("address:unknown");
  });

  it("gives addresses more room than pairs, and lets the account only delay, briefly", async () => {
    const keys = signInKeys("alice", "10.0.0.1");
    expect(defaultThrottlePolicy(keys.pair).freeFailures).toBe(5);
    expect(defaultThrottlePolicy(keys.address).freeFailures).toBe(20);
    expect(defaultThrottlePolicy(keys.account).maxLockMs).toBe(MAX_ACCOUNT_DELAY_MS);
    expect(MAX_ACCOUNT_DELAY_MS).toBeLessThanOrEqual(2_000);
  });

  it("holds an attacker's pair and address, never the owner's, however long the attack goes on", async () => {
    const clock = { now: 1_000_000 };
    const { throttle: t } = throttle(temp.open().store, clock, defaultThrottlePolicy);
    const attacker = signInKeys("alice", "203.0.113.66");
    const owner = signInKeys("alice", "10.0.0.1");
    // An hour of guessing, each time the attacker's keys let it.
    for (let minute = 0; minute < 60; minute++) {
      for (let attempt = 0; attempt < 30; attempt++)
        if ((await t.retryAfterMs([attacker.pair, attacker.address])) === 0)
          await t.recordFailure([attacker.pair, attacker.address, attacker.account]);
      clock.now += 60_000;
    }
    expect(await t.retryAfterMs([attacker.pair, attacker.address])).toBeGreaterThan(0);
    expect(await t.retryAfterMs([owner.pair, owner.address])).toBe(0);
    expect(await t.retryAfterMs([owner.account])).toBeLessThanOrEqual(MAX_ACCOUNT_DELAY_MS);
  });
});
