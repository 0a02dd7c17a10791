// The server secret seals session cookies. It comes from the configuration (server.sessionSecret) or
// from <dataDir>/session-secret, generated on first start with mode 0600 and reused after, so a
// restart keeps everyone signed in. Purpose-specific keys are derived from it with HKDF, so no key
// serves two uses and rotating the secret rotates them all.
import { hkdfSync, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SECRET_FILE_NAME = "session-secret";
const GENERATED_BYTES = 32;
const MIN_SECRET_LENGTH = 32;

/** What each derived key is for; a new use gets a new label, never a shared key. */
export type KeyPurpose = "session-cookie" | "oidc-transaction" | "general";

/**
 * The configured secret, or the one in <dataDir>/session-secret (created when missing). Throws
 * with the file's path when the file cannot be read or written, or holds too short a value.
 */
export function loadServerSecret(settings: { dataDir: string; sessionSecret: string | undefined }): Buffer {
  if (settings.sessionSecret !== undefined) return Buffer.from(settings.sessionSecret, "utf8");
  const file = join(/* turbopackIgnore: true */ settings.dataDir, SECRET_FILE_NAME);
  mkdirSync(/* turbopackIgnore: true */ settings.dataDir, { recursive: true, mode: 0o700 });
  try {
    // "wx": never overwrite, so two processes starting at once end up with the same secret.
    writeFileSync(file, `${randomBytes(GENERATED_BYTES).toString("base64url")}\n`, {
      flag: "wx",
      mode: 0o600,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw secretFileError(file, error);
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
    // A secret copied in by hand may have been created with a looser mode.
    chmodSync(file, 0o600);
  } catch (error) {
    throw secretFileError(file, error);
  }
  if (text.length < MIN_SECRET_LENGTH)
    throw new Error(
      `The session secret in ${file} is shorter than ${MIN_SECRET_LENGTH} characters; delete the file to generate a new one (everyone will be signed out).`,
    );
  return Buffer.from(text, "utf8");
}

function secretFileError(file: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`Cannot read or create the session secret ${file}: ${reason}`);
}

/** A 256-bit key for one purpose (HKDF-SHA-256; the label keeps the keys independent). */
export function deriveKey(secret: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "kafka-console", `kafka-console/${purpose}/v1`, 32));
}
