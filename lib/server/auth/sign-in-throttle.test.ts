import { describe, expect, it } from "vitest";

import { defaultThrottlePolicy, MAX_ACCOUNT_DELAY_MS, SignInThrottle, signInKeys } from "./sign-in-throttle";

function throttle() {
  const clock = { now: 1_000_000 };
  const policy = { freeFailures: 5, windowMs: 15 * 60_000, maxLockMs: 15 * 60_000 };
  return {
    clock,
    throttle: new SignInThrottle(
      () => policy,
      () => clock.now,
    ),
  };
}

describe("SignInThrottle", () => {
  it("lets the first five failures through, then locks for 1, 2, 4… seconds", () => {
    const { clock, throttle: t } = throttle();
    const keys = ["account:alice"];
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(t.retryAfterMs(keys)).toBe(0);
      t.recordFailure(keys);
    }
    expect(t.retryAfterMs(keys)).toBe(0);
    t.recordFailure(keys); // the sixth
    expect(t.retryAfterMs(keys)).toBe(1000);
    clock.now += 1000;
    expect(t.retryAfterMs(keys)).toBe(0);
    t.recordFailure(keys);
    expect(t.retryAfterMs(keys)).toBe(2000);
    clock.now += 2000;
    t.recordFailure(keys);
    expect(t.retryAfterMs(keys)).toBe(4000);
  });

  it("caps the lock at fifteen minutes", () => {
    const { clock, throttle: t } = throttle();
    for (let attempt = 0; attempt < 40; attempt++) {
      t.recordFailure(["account:alice"]);
      clock.now += 1000;
    }
    t.recordFailure(["account:alice"]);
    expect(t.retryAfterMs(["account:alice"])).toBe(15 * 60_000);
  });

  it("starts over after fifteen quiet minutes, but not while failures keep coming", () => {
    const { clock, throttle: t } = throttle();
    for (let attempt = 0; attempt < 6; attempt++) t.recordFailure(["account:alice"]);
    clock.now += 15 * 60_000;
    t.recordFailure(["account:alice"]);
    expect(t.retryAfterMs(["account:alice"])).toBe(0);
  });

  it("answers for the most locked of several keys, each counted on its own", () => {
    const { throttle: t } = throttle();
    for (let attempt = 0; attempt < 6; attempt++) t.recordFailure(["account:alice", "address:10.0.0.1"]);
    expect(t.retryAfterMs(["account:bob", "address:10.0.0.1"])).toBe(1000);
    expect(t.retryAfterMs(["account:bob", "address:10.0.0.2"])).toBe(0);
  });

  it("forgets an account after a success", () => {
    const { throttle: t } = throttle();
    for (let attempt = 0; attempt < 6; attempt++) t.recordFailure(["account:alice"]);
    t.forget("account:alice");
    expect(t.retryAfterMs(["account:alice"])).toBe(0);
  });

  it("keeps memory bounded when names are sprayed", () => {
    const { throttle: t } = throttle();
    for (let index = 0; index < 30_050; index++) t.recordFailure([`account:user-${index}`]);
    expect(t.size).toBeLessThanOrEqual(30_000);
  });
});

describe("keys and the default policy", () => {
  it("keys an attempt by (account, address), by address and by account, user names normalised", () => {
    expect(signInKeys("  Alice ", "10.0.0.1")).toEqual({
      pair: "pair:alice@address:10.0.0.1",
      address: "address:10.0.0.1",
      account: "account:alice",
    });
    expect(signInKeys("alice", null).address).toBe("address:unknown");
  });

  it("gives addresses more room than pairs, and lets the account only delay, briefly", () => {
    const keys = signInKeys("alice", "10.0.0.1");
    expect(defaultThrottlePolicy(keys.pair).freeFailures).toBe(5);
    expect(defaultThrottlePolicy(keys.address).freeFailures).toBe(20);
    expect(defaultThrottlePolicy(keys.account).maxLockMs).toBe(MAX_ACCOUNT_DELAY_MS);
    expect(MAX_ACCOUNT_DELAY_MS).toBeLessThanOrEqual(2_000);
  });

  it("holds an attacker's pair and address, never the owner's, however long the attack goes on", () => {
    const clock = { now: 1_000_000 };
    const t = new SignInThrottle(defaultThrottlePolicy, () => clock.now);
    const attacker = signInKeys("alice", "203.0.113.66");
    const owner = signInKeys("alice", "10.0.0.1");
    // An hour of guessing, each time the attacker's keys let it.
    for (let minute = 0; minute < 60; minute++) {
      for (let attempt = 0; attempt < 30; attempt++)
        if (t.retryAfterMs([attacker.pair, attacker.address]) === 0)
          t.recordFailure([attacker.pair, attacker.address, attacker.account]);
      clock.now += 60_000;
    }
    expect(t.retryAfterMs([attacker.pair, attacker.address])).toBeGreaterThan(0);
    expect(t.retryAfterMs([owner.pair, owner.address])).toBe(0);
    expect(t.retryAfterMs([owner.account])).toBeLessThanOrEqual(MAX_ACCOUNT_DELAY_MS);
  });
});
