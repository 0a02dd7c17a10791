// Sign-in throttling with exponential back-off. After `freeFailures` failures (with no quiet spell
// of `windowMs` between them), each further failure holds the key for 2^(n - freeFailures) seconds,
// capped at `maxLockMs`.
//
// Which keys refuse, and which only slow down, is the point. A lock on the account alone let anyone,
// anywhere, keep its owner out for good (six wrong guesses every fifteen minutes). So:
// - (account, address) refuses: five guesses at one account from one address, then back-off. The
//   owner's own address has its own pair and stays open.
// - the address refuses: twenty failures across all accounts, then back-off, so one machine cannot
//   spray guesses over many accounts. Several people may share one (a NAT), hence the room.
// - the account only slows down: failures from every address add a wait of at most a couple of
//   seconds before its password is checked, never a refusal, so it cannot lock anyone out. It costs a
//   guesser working through addresses one by one; a botnet guessing in parallel is bounded by the
//   two refusing keys instead (each address: 5 guesses per account, ~30 in the first hour, then
//   about 4 an hour), and the answer to that is a password that ~thousands of guesses do not find.
// A held key is refused without checking the password: guessing costs the attacker time, not us scrypt.
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

/**
 * Bounds memory when someone sprays made-up user names or addresses. Dropping the stalest first, an
 * attacker must fill all of it to wash out a hold; a held address adds no keys, so that takes
 * over a thousand addresses.
 */
const MAX_KEYS = 30_000;

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

  /** After a successful sign-in, the (account, address) pair: the address's other attempts and the account's failures elsewhere still count. */
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

/** The keys of one attempt: the two that refuse, and the account's, which only slows down. */
export interface SignInKeys {
  pair: string;
  address: string;
  account: string;
}

export function signInKeys(username: string, clientAddress: string | null): SignInKeys {
  // Without a socket address (a request that did not come through server.mjs) all such attempts share one.
  const address = `address:${clientAddress ?? "unknown"}`;
  const name = username.trim().toLowerCase();
  return { pair: `pair:${name}@${address}`, address, account: `account:${name}` };
}

const FIFTEEN_MINUTES = 15 * 60_000;
/** The longest the account-wide count delays an attempt: a nuisance for the owner, not a lockout. */
export const MAX_ACCOUNT_DELAY_MS = 2_000;

export function defaultThrottlePolicy(key: string): ThrottlePolicy {
  if (key.startsWith("account:"))
    return { freeFailures: 10, windowMs: FIFTEEN_MINUTES, maxLockMs: MAX_ACCOUNT_DELAY_MS };
  return {
    freeFailures: key.startsWith("address:") ? 20 : 5,
    windowMs: FIFTEEN_MINUTES,
    maxLockMs: FIFTEEN_MINUTES,
  };
}
