// The session cookie holds only the session's id, sealed with AES-256-GCM under a key derived from
// the server secret: clients can neither read nor forge it, and the session itself lives in the
// store, so signing out or resetting a password ends it at once.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export const SESSION_COOKIE = "kc_session";

const VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
// Binds the ciphertext to this cookie and format: a value sealed for another use will not open here.
const ASSOCIATED_DATA = Buffer.from(`${SESSION_COOKIE}/v${VERSION}`);
// A sealed id is ~100 characters; anything far longer is not ours and not worth decrypting.
const MAX_COOKIE_LENGTH = 512;

interface SessionCookiePayload {
  v: typeof VERSION;
  sid: string;
}

export function sealSessionCookie(sessionId: string, key: Buffer): string {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(ASSOCIATED_DATA);
  const payload: SessionCookiePayload = { v: VERSION, sid: sessionId };
  const sealed = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url");
}

export type UnsealResult =
  | { ok: true; sessionId: string }
  /** malformed: not even our shape; forged: our shape, but the key or the content does not match. */
  | { ok: false; reason: "malformed" | "forged" };

export function unsealSessionCookie(value: string, key: Buffer): UnsealResult {
  if (value.length > MAX_COOKIE_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value))
    return { ok: false, reason: "malformed" };
  const bytes = Buffer.from(value, "base64url");
  if (bytes.length <= IV_LENGTH + TAG_LENGTH) return { ok: false, reason: "malformed" };
  let plaintext: string;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_LENGTH), {
      authTagLength: TAG_LENGTH,
    });
    decipher.setAAD(ASSOCIATED_DATA);
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_LENGTH));
    plaintext = Buffer.concat([
      decipher.update(bytes.subarray(IV_LENGTH, bytes.length - TAG_LENGTH)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    // GCM's tag check failed: tampered, sealed under another secret, or made up.
    return { ok: false, reason: "forged" };
  }
  const payload = parsePayload(plaintext);
  return payload ? { ok: true, sessionId: payload.sid } : { ok: false, reason: "forged" };
}

function parsePayload(text: string): SessionCookiePayload | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { v, sid } = parsed as Record<string, unknown>;
    return v === VERSION && typeof sid === "string" && sid.length > 0 && sid.length <= 128
      ? { v, sid }
      : undefined;
  } catch {
    return undefined;
  }
}
