import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { sealSessionCookie, unsealSessionCookie } from "./session-cookie";

const key = randomBytes(32);

describe("sealSessionCookie / unsealSessionCookie", () => {
  it("round-trips the session id, with a fresh IV each time, hiding the id", () => {
    const sealed = sealSessionCookie("session-123", key);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("session-123");
    expect(Buffer.from(sealed, "base64url").toString()).not.toContain("session-123");
    expect(sealSessionCookie("session-123", key)).not.toBe(sealed);
    expect(unsealSessionCookie(sealed, key)).toEqual({ ok: true, sessionId: "session-123" });
  });

  it("treats a cookie sealed under another key as forged", () => {
    const sealed = sealSessionCookie("session-123", randomBytes(32));
    expect(unsealSessionCookie(sealed, key)).toEqual({ ok: false, reason: "forged" });
  });

  it("treats any flipped bit as forged", () => {
    const bytes = Buffer.from(sealSessionCookie("session-123", key), "base64url");
    for (const index of [0, 12, 20, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[index] = (tampered[index] ?? 0) ^ 0x01;
      expect(unsealSessionCookie(tampered.toString("base64url"), key)).toEqual({
        ok: false,
        reason: "forged",
      });
    }
  });

  it("treats junk as malformed without trying to decrypt it", () => {
    for (const value of ["", "abc", "not base64url!", "a".repeat(600), "eyJzaWQiOiJ4In0"]) {
      expect(unsealSessionCookie(value, key)).toEqual({ ok: false, reason: "malformed" });
    }
  });
});
