import "server-only";

// The CA's private keys are sealed with AES-256-GCM before they reach the store. The key comes from
// ca.keyEncryptionKey, or from <dataDir>/ca-key-encryption-key, generated on first start (mode 0600):
// a copy of the database alone then does not give away the CA. Keep the two in separate backups.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const KEY_ENCRYPTION_KEY_FILE = "ca-key-encryption-key";
const FORMAT = "aes-256-gcm.v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 256-bit key derived from the configured or generated secret text (HKDF-SHA-256). */
export function deriveKeyEncryptionKey(secret: string): Buffer {
  return Buffer.from(
    hkdfSync("sha256", Buffer.from(secret, "utf8"), "kafka-console", "kafka-console/ca-keys/v1", 32),
  );
}

/** The configured secret, else the one in <dataDir>/ca-key-encryption-key (created when missing). */
export function loadKeyEncryptionKey(settings: {
  dataDir: string;
  keyEncryptionKey: string | undefined;
}): Buffer {
  if (settings.keyEncryptionKey !== undefined) return deriveKeyEncryptionKey(settings.keyEncryptionKey);
  const file = join(/* turbopackIgnore: true */ settings.dataDir, KEY_ENCRYPTION_KEY_FILE);
  try {
    mkdirSync(/* turbopackIgnore: true */ settings.dataDir, { recursive: true, mode: 0o700 });
    try {
      // "wx": never overwrite; a lost key file makes the stored CA keys unreadable.
      writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const text = readFileSync(file, "utf8").trim();
    chmodSync(file, 0o600);
    if (text.length < 32) throw new Error("it holds fewer than 32 characters");
    return deriveKeyEncryptionKey(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot read or create the CA key encryption key ${file}: ${reason}`);
  }
}

/** "aes-256-gcm.v1:<base64 iv|tag|ciphertext>"; the label (the CA role) is bound as associated data. */
export function sealPrivateKey(privateKeyPem: string, key: Buffer, label: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(label, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(privateKeyPem, "utf8"), cipher.final()]);
  return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64")}`;
}

export function openPrivateKey(sealed: string, key: Buffer, label: string): string {
  const [format, payload] = sealed.split(":", 2);
  if (format !== FORMAT || !payload) throw new Error(`The stored ${label} CA key is not in a known format`);
  const bytes = Buffer.from(payload, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(label, "utf8"));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new Error(
      `Cannot decrypt the ${label} CA key: ca.keyEncryptionKey (or <dataDir>/${KEY_ENCRYPTION_KEY_FILE}) is not the key it was sealed with`,
    );
  }
}
