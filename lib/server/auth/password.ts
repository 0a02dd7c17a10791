// Password hashing with scrypt (node:crypto, run on libuv's thread pool). The stored format names
// its own parameters, so they can be raised later without invalidating existing hashes:
//   scrypt$<N>$<r>$<p>$<salt, base64url>$<hash, base64url>
// No "server-only" guard: the user CLI (scripts) imports these two functions too.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

// Parameters read back from a stored hash are bounded, so a corrupt row cannot ask for gigabytes.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

/** scrypt needs 128·N·r bytes (32 MiB here); Node's default ceiling is exactly 32 MiB, so leave room. */
function maxmemFor(n: number, r: number, p: number): number {
  return 128 * n * r * (p + 1) + 1024 * 1024;
}

function scryptAsync(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scryptAsync(password, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: maxmemFor(N, R, P) });
  return ["scrypt", N, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

interface ParsedHash {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

const isPowerOfTwo = (value: number) => value > 1 && (value & (value - 1)) === 0;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function parsePasswordHash(stored: string): ParsedHash | undefined {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return undefined;
  const [n, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : NaN));
  const [salt, key] = parts.slice(4);
  if (n === undefined || r === undefined || p === undefined || salt === undefined || key === undefined)
    return undefined;
  if (!isPowerOfTwo(n) || n > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return undefined;
  if (!BASE64URL.test(salt) || !BASE64URL.test(key)) return undefined;
  const parsed = { n, r, p, salt: Buffer.from(salt, "base64url"), key: Buffer.from(key, "base64url") };
  return parsed.salt.length >= 8 && parsed.key.length >= 16 ? parsed : undefined;
}

/**
 * True when the password matches. Never throws for a malformed hash: it answers false after the
 * same work as a real comparison, so no stored value makes a sign-in measurably faster.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  const target = parsed ?? DUMMY;
  const key = await scryptAsync(password, target.salt, target.key.length, {
    N: target.n,
    r: target.r,
    p: target.p,
    maxmem: maxmemFor(target.n, target.r, target.p),
  });
  return timingSafeEqual(key, target.key) && parsed !== undefined;
}

/**
 * A random salt and key with the current parameters: no known password matches it. Sign-in verifies
 * against it when the user does not exist (or is disabled), so those answers cost what a wrong
 * password costs.
 */
export const DUMMY_PASSWORD_HASH =
  "scrypt$32768$8$1$6Q7q0n2b1tDtR9yVqvI2xw$9u0b0m8-7A3v8h6S5tQv5YzGmV1mLw2c3yYzJQ2qk1Y";

const DUMMY = parsePasswordHash(DUMMY_PASSWORD_HASH) as ParsedHash;

/** Spends the time of one verification and answers false; for unknown and disabled users. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(password, DUMMY_PASSWORD_HASH);
  return false;
}
