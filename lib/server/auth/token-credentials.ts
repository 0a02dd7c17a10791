// API token values and how clients present them. A token is `kc_<id>_<secret>`: the id (base62, made
// by the store) finds
// the record, the secret (32 random bytes, base64url) proves possession; the store keeps only the
// secret's SHA-256 (a slow hash adds nothing to 256 random bits). Clients send it as
// `Authorization: Bearer kc_<id>_<secret>`, or as HTTP Basic with the id as user and the secret as
// password (for tools that only speak Basic).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const PREFIX = "kc_";
// The store makes 12 base62 characters; accept a little either side, never '_' or ':'.
const ID_PATTERN = /^[0-9A-Za-z]{8,32}$/;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface TokenCredentials {
  id: string;
  secret: string;
}

export type PresentedCredentials =
  | { kind: "none" }
  | { kind: "token"; scheme: "bearer" | "basic"; credentials: TokenCredentials }
  /** An Authorization header we cannot read: answered 401, never ignored in favour of a cookie. */
  | { kind: "malformed"; scheme: "bearer" | "basic" | "other" };

/** 32 random bytes, base64url (43 characters). */
export function generateTokenSecret(): string {
  return randomBytes(32).toString("base64url");
}

export const formatToken = ({ id, secret }: TokenCredentials) => `${PREFIX}${id}_${secret}`;

/** `kc_<id>_<secret>`; the secret may itself contain "_", the id never does. */
export function parseToken(value: string): TokenCredentials | undefined {
  if (!value.startsWith(PREFIX)) return undefined;
  const rest = value.slice(PREFIX.length);
  const separator = rest.indexOf("_");
  if (separator < 0) return undefined;
  return validCredentials(rest.slice(0, separator), rest.slice(separator + 1));
}

function validCredentials(id: string, secret: string): TokenCredentials | undefined {
  return ID_PATTERN.test(id) && SECRET_PATTERN.test(secret) ? { id, secret } : undefined;
}

export function readAuthorizationHeader(header: string | null): PresentedCredentials {
  if (header === null || header.trim() === "") return { kind: "none" };
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  const scheme = match?.[1]?.toLowerCase();
  const value = match?.[2] ?? "";
  if (scheme === "bearer") {
    const credentials = parseToken(value);
    return credentials
      ? { kind: "token", scheme: "bearer", credentials }
      : { kind: "malformed", scheme: "bearer" };
  }
  if (scheme === "basic") {
    const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, "base64").toString("utf8") : "";
    const colon = decoded.indexOf(":");
    const id = decoded.slice(0, colon);
    let password = colon < 0 ? "" : decoded.slice(colon + 1);
    // Also accept the whole token as the password, as long as it names the same id.
    const whole = parseToken(password);
    if (whole && whole.id === id) password = whole.secret;
    const credentials = colon < 0 ? undefined : validCredentials(id, password);
    return credentials
      ? { kind: "token", scheme: "basic", credentials }
      : { kind: "malformed", scheme: "basic" };
  }
  return { kind: "malformed", scheme: "other" };
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function tokenSecretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashTokenSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
