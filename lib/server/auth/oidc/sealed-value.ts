// Small JSON values the browser carries for us and must neither read nor change: the login transaction
// (state, nonce, PKCE verifier, next) between the redirect to the provider and the callback, and the
// reason of a refusal on its way to the sign-in page. AES-256-GCM under a key derived from the server
// secret, so any replica opens what another sealed; the label binds a value to its one use, and the
// expiry inside makes an old value worthless even if a browser keeps it.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const MAX_SEALED_LENGTH = 4096;

export type SealLabel = "oidc-transaction/v1" | "oidc-notice/v1";

export function sealValue(
  value: unknown,
  options: { key: Buffer; label: SealLabel; ttlMs: number; now?: Date },
): string {
  const expiresAt = (options.now ?? new Date()).getTime() + options.ttlMs;
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv("aes-256-gcm", options.key, iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(Buffer.from(options.label));
  const plaintext = JSON.stringify({ exp: expiresAt, value });
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url");
}

export type UnsealedValue =
  { ok: true; value: unknown } | { ok: false; reason: "malformed" | "forged" | "expired" };

export function unsealValue(
  sealed: string,
  options: { key: Buffer; label: SealLabel; now?: Date },
): UnsealedValue {
  if (sealed.length > MAX_SEALED_LENGTH || !/^[A-Za-z0-9_-]+$/.test(sealed))
    return { ok: false, reason: "malformed" };
  const bytes = Buffer.from(sealed, "base64url");
  if (bytes.length <= IV_LENGTH + TAG_LENGTH) return { ok: false, reason: "malformed" };
  let parsed: unknown;
  try {
    const decipher = createDecipheriv("aes-256-gcm", options.key, bytes.subarray(0, IV_LENGTH), {
      authTagLength: TAG_LENGTH,
    });
    decipher.setAAD(Buffer.from(options.label));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_LENGTH));
    const plaintext = Buffer.concat([
      decipher.update(bytes.subarray(IV_LENGTH, bytes.length - TAG_LENGTH)),
      decipher.final(),
    ]);
    parsed = JSON.parse(plaintext.toString("utf8"));
  } catch {
    return { ok: false, reason: "forged" };
  }
  const { exp, value } = (parsed ?? {}) as { exp?: unknown; value?: unknown };
  if (typeof exp !== "number") return { ok: false, reason: "forged" };
  if (exp <= (options.now ?? new Date()).getTime()) return { ok: false, reason: "expired" };
  return { ok: true, value };
}
