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
// The counts live in the store (SignInThrottleStore), so replicas count together: an attacker cannot
// multiply its guesses by the number of replicas behind the load balancer. A key's lock follows from
// its count and its last failure's time, so the store keeps only those two.
import type { SignInFailureCount, SignInThrottleStore } from "@/lib/server/store/types";

export interface ThrottlePolicy {
  freeFailures: number;
  /** A key with no failure for this long starts over. */
  windowMs: number;
  maxLockMs: number;
}

/** After `freeFailures`, 1, 2, 4… seconds, capped at maxLockMs. */
export function lockMs(policy: ThrottlePolicy, failures: number): number {
  const excess = failures - policy.freeFailures;
  // Past 2^30 s every cap has long been reached; the exponent stays small.
  return excess > 0 ? Math.min(2 ** Math.min(excess - 1, 30) * 1000, policy.maxLockMs) : 0;
}

const FIFTEEN_MINUTES = 15 * 60_000;

/** How often a process deletes keys quiet for longer than any window: the table stays small. */
const PRUNE_EVERY_MS = 60_000;

export class SignInThrottle {
  private lastPruneMs = 0;

  constructor(
    private readonly counts: () => SignInThrottleStore,
    private readonly policyFor: (key: string) => ThrottlePolicy,
    private readonly now: () => number = Date.now,
    /** Keys quiet for this long are deleted: at least every policy's window and longest lock. */
    private readonly keepMs: number = FIFTEEN_MINUTES,
  ) {}

  private lockedUntil({ key, failures, lastFailureAt }: SignInFailureCount): number {
    return lastFailureAt + lockMs(this.policyFor(key), failures);
  }

  /** Milliseconds until every given key may try again; 0 when none is locked. */
  async retryAfterMs(keys: readonly string[]): Promise<number> {
    const now = this.now();
    const counts = await this.counts().counts(keys);
    return Math.max(0, ...counts.map((count) => this.lockedUntil(count) - now));
  }

  async recordFailure(keys: readonly string[]): Promise<void> {
    const now = this.now();
    const store = this.counts();
    for (const key of keys) await store.hit(key, now, this.policyFor(key).windowMs);
    if (now - this.lastPruneMs >= PRUNE_EVERY_MS) {
      this.lastPruneMs = now;
      await store.prune(now - this.keepMs);
    }
  }

  /** After a successful sign-in, the (account, address) pair: the address's other attempts and the account's failures elsewhere still count. */
  async forget(key: string): Promise<void> {
    await this.counts().forget(key);
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
