// Sign-in throttling, per account and per client address, with exponential back-off. After
// `freeFailures` failures (with no quiet spell of `windowMs` between them), each further failure
// locks the key for 2^(n - freeFailures) seconds, capped at `maxLockMs`. A locked key is refused
// without checking the password, so guessing costs the attacker time, not us scrypt work.
//
// The state is in memory (on globalThis, see sign-in.ts): right for the single replica the console
// runs as today; several replicas would each keep their own counts, so they would need the store.

export interface ThrottlePolicy {
  freeFailures: number;
  /** A key with no failure for this long starts over. */
  windowMs: number;
  maxLockMs: number;
}

interface KeyState {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

/** Bounds memory when someone sprays made-up user names or addresses. */
const MAX_KEYS = 10_000;

export class SignInThrottle {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly policyFor: (key: string) => ThrottlePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until every given key may try again; 0 when none is locked. */
  retryAfterMs(keys: readonly string[]): number {
    const now = this.now();
    return Math.max(0, ...keys.map((key) => (this.keys.get(key)?.lockedUntil ?? 0) - now));
  }

  recordFailure(keys: readonly string[]): void {
    const now = this.now();
    for (const key of keys) {
      const policy = this.policyFor(key);
      const previous = this.keys.get(key);
      const quiet = !previous || now - previous.lastFailureAt >= policy.windowMs;
      const failures = quiet ? 1 : previous.failures + 1;
      const excess = failures - policy.freeFailures;
      const lockMs = excess > 0 ? Math.min(2 ** (excess - 1) * 1000, policy.maxLockMs) : 0;
      // Re-inserting moves the key to the end of the Map's order, which prune() relies on.
      this.keys.delete(key);
      this.keys.set(key, { failures, lastFailureAt: now, lockedUntil: now + lockMs });
    }
    this.prune(now);
  }

  /** After a successful sign-in. Only forget the account: a good password for one account says nothing about an address's other attempts. */
  forget(key: string): void {
    this.keys.delete(key);
  }

  get size(): number {
    return this.keys.size;
  }

  private prune(now: number) {
    if (this.keys.size <= MAX_KEYS) return;
    for (const [key, state] of this.keys) {
      if (state.lockedUntil <= now && now - state.lastFailureAt >= this.policyFor(key).windowMs)
        this.keys.delete(key);
    }
    // Still too many: drop the least recently failed first (Map keeps insertion order).
    for (const key of this.keys.keys()) {
      if (this.keys.size <= MAX_KEYS) break;
      this.keys.delete(key);
    }
  }
}

export const accountKey = (username: string) => `account:${username.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * Accounts: 5 free failures. Addresses get more room (20) because several people may share one
 * (an office NAT, a jump host) and a locked address refuses its good passwords too.
 */
export function defaultThrottlePolicy(key: string): ThrottlePolicy {
  return {
    freeFailures: key.startsWith("address:") ? 20 : 5,
    windowMs: FIFTEEN_MINUTES,
    maxLockMs: FIFTEEN_MINUTES,
  };
}
