// The credential Kafka's AlterUserScramCredentials stores (RFC 5802 §3): a random salt and
// SaltedPassword = Hi(password, salt, i), which is PBKDF2 with HMAC-H and one hash's length. Kafka
// takes the password's UTF-8 bytes as they are (no SASLprep), and so does this. The broker derives
// the stored and server keys itself; the password never leaves this process.
import { pbkdf2Sync, randomBytes } from "node:crypto";

import type { ScramMechanismName } from "@/lib/schemas/scram-users";

export const SCRAM_HASHES: Record<ScramMechanismName, { hash: "sha256" | "sha512"; length: number }> = {
  "SCRAM-SHA-256": { hash: "sha256", length: 32 },
  "SCRAM-SHA-512": { hash: "sha512", length: 64 },
};

/** Kafka's numbers for the mechanisms in DescribeUserScramCredentials and AlterUserScramCredentials. */
export const SCRAM_MECHANISM_CODES: Record<ScramMechanismName, number> = {
  "SCRAM-SHA-256": 1,
  "SCRAM-SHA-512": 2,
};

export function mechanismName(code: number): ScramMechanismName | "UNKNOWN" {
  if (code === 1) return "SCRAM-SHA-256";
  if (code === 2) return "SCRAM-SHA-512";
  return "UNKNOWN";
}

/** Hi(password, salt, i) of RFC 5802 for a hash ("sha1" for the RFC's own test vector). */
export function saltedPassword(
  hash: "sha1" | "sha256" | "sha512",
  password: string,
  salt: Buffer,
  iterations: number,
): Buffer {
  const length = { sha1: 20, sha256: 32, sha512: 64 }[hash];
  return pbkdf2Sync(Buffer.from(password, "utf8"), salt, iterations, length, hash);
}

export interface ScramCredential {
  salt: Buffer;
  saltedPassword: Buffer;
  iterations: number;
}

/** A new credential with a random salt as long as the hash, as Kafka's own tools make it. */
export function scramCredential(
  mechanism: ScramMechanismName,
  password: string,
  iterations: number,
): ScramCredential {
  const { hash, length } = SCRAM_HASHES[mechanism];
  const salt = randomBytes(length);
  return { salt, saltedPassword: saltedPassword(hash, password, salt, iterations), iterations };
}

/** A random password: 24 bytes (192 bits) in base64url, 32 characters that need no quoting anywhere. */
export function generateScramPassword(): string {
  return randomBytes(24).toString("base64url");
}
