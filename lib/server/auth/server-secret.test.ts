import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { deriveKey, loadServerSecret, SECRET_FILE_NAME } from "./server-secret";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "console-secret-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("loadServerSecret", () => {
  it("uses the configured secret and writes no file", () => {
    const secret = loadServerSecret({ dataDir: join(root, "data"), sessionSecret: "x".repeat(40) });
    expect(secret.toString()).toBe("x".repeat(40));
    expect(() => statSync(join(root, "data", SECRET_FILE_NAME))).toThrow();
  });

  it("generates a secret file with mode 0600 on first start and reuses it after", () => {
    const dataDir = join(root, "nested", "data");
    const first = loadServerSecret({ dataDir, sessionSecret: undefined });
    const file = join(dataDir, SECRET_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(loadServerSecret({ dataDir, sessionSecret: undefined }).equals(first)).toBe(true);
    expect(readFileSync(file, "utf8").trim()).toBe(first.toString());
  });

  it("refuses a secret file that is too short, naming the file", () => {
    writeFileSync(join(root, SECRET_FILE_NAME), "short\n");
    expect(() => loadServerSecret({ dataDir: root, sessionSecret: undefined })).toThrow(
      new RegExp(`${SECRET_FILE_NAME}.*shorter than 32`),
    );
  });
});

describe("deriveKey", () => {
  it("derives stable, 32-byte keys that differ per purpose and per secret", () => {
    const secret = Buffer.from("a".repeat(32));
    const cookie = deriveKey(secret, "session-cookie");
    expect(cookie).toHaveLength(32);
    expect(deriveKey(secret, "session-cookie").equals(cookie)).toBe(true);
    expect(deriveKey(secret, "general").equals(cookie)).toBe(false);
    expect(deriveKey(Buffer.from("b".repeat(32)), "session-cookie").equals(cookie)).toBe(false);
  });
});
