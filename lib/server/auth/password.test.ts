import { describe, expect, it } from "vitest";

import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  parsePasswordHash,
  verifyAgainstDummy,
  verifyPassword,
} from "./password";

describe("hashPassword / verifyPassword", () => {
  it("stores scrypt with its parameters, a fresh salt each time, and verifies only the right password", async () => {
    const first = await hashPassword("correct horse battery staple");
    const second = await hashPassword("correct horse battery staple");
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword("correct horse battery staple", first)).toBe(true);
    expect(await verifyPassword("correct horse battery staple", second)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", first)).toBe(false);
    expect(await verifyPassword("", first)).toBe(false);
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const stored = await hashPassword("caf\u00e9-au-lait-123");
    expect(await verifyPassword("cafe\u0301-au-lait-123", stored)).toBe(true);
  });

  it("answers false, without throwing, for malformed or out-of-bounds hashes", async () => {
    for (const stored of [
      "",
      "plaintext",
      "bcrypt$2b$10$abc",
      "scrypt$32768$8$1$salt",
      "scrypt$1000$8$1$6Q7q0n2b1tDtR9yVqvI2xw$9u0b0m8-7A3v8h6S5tQv5YzGmV1mLw2c3yYzJQ2qk1Y",
      "scrypt$2147483648$8$1$6Q7q0n2b1tDtR9yVqvI2xw$9u0b0m8-7A3v8h6S5tQv5YzGmV1mLw2c3yYzJQ2qk1Y",
      "scrypt$32768$8$1$not+base64/$9u0b0m8-7A3v8h6S5tQv5YzGmV1mLw2c3yYzJQ2qk1Y",
    ]) {
      expect(parsePasswordHash(stored)).toBeUndefined();
      expect(await verifyPassword("anything", stored)).toBe(false);
    }
  });

  it("keeps a dummy hash with the current parameters for unknown users", async () => {
    const dummy = parsePasswordHash(DUMMY_PASSWORD_HASH);
    const real = parsePasswordHash(await hashPassword("x"));
    expect(dummy).toMatchObject({ n: real?.n, r: real?.r, p: real?.p });
    expect(dummy?.key.length).toBe(real?.key.length);
    expect(await verifyAgainstDummy("anything")).toBe(false);
  });
});
