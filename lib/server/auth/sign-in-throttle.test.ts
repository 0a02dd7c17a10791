import { describe, expect, it } from "vitest";

import { accountKey, addressKey, defaultThrottlePolicy, SignInThrottle } from "./sign-in-throttle";

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
    for (let index = 0; index < 10_050; index++) t.recordFailure([`account:user-${index}`]);
    expect(t.size).toBeLessThanOrEqual(10_000);
  });
});

describe("keys and the default policy", () => {
  it("normalises user names and gives addresses more room than accounts", () => {
    expect(accountKey("  Alice ")).toBe("account:alice");
    expect(defaultThrottlePolicy(accountKey("alice")).freeFailures).toBe(5);
    expect(defaultThrottlePolicy(addressKey("10.0.0.1")).freeFailures).toBe(20);
  });
});
