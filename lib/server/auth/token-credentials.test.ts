import { describe, expect, it } from "vitest";

import { newApiTokenId } from "@/lib/server/store/ids";

import {
  formatToken,
  generateTokenSecret,
  hashTokenSecret,
  parseToken,
  readAuthorizationHeader,
  tokenSecretMatches,
} from "./token-credentials";

const basic = (text: string) => `Basic ${Buffer.from(text).toString("base64")}`;

function generateToken() {
  const id = newApiTokenId();
  const secret = generateTokenSecret();
  return { id, secret, value: formatToken({ id, secret }) };
}

describe("formatToken / parseToken", () => {
  it("makes kc_<id>_<secret> values that parse back, even when the secret contains '_'", () => {
    for (let round = 0; round < 50; round++) {
      const token = generateToken();
      expect(token.value).toMatch(/^kc_[0-9A-Za-z]{12}_[A-Za-z0-9_-]{43}$/);
      expect(parseToken(token.value)).toEqual({ id: token.id, secret: token.secret });
    }
    const secret = `_${"a".repeat(41)}_`;
    expect(parseToken(`kc_0123456789abcdef_${secret}`)).toEqual({ id: "0123456789abcdef", secret });
  });

  it("rejects values of the wrong shape", () => {
    for (const value of [
      "",
      "kc_",
      "kc_0123456789abcdef",
      "xx_0123456789abcdef_" + "a".repeat(43),
      "kc_a-b_" + "a".repeat(43),
      "kc_0123456789abcdef_short",
    ]) {
      expect(parseToken(value)).toBeUndefined();
    }
  });
});

describe("readAuthorizationHeader", () => {
  const token = generateToken();

  it("finds no credentials without a header", () => {
    expect(readAuthorizationHeader(null)).toEqual({ kind: "none" });
    expect(readAuthorizationHeader("  ")).toEqual({ kind: "none" });
  });

  it("reads Bearer tokens, whatever the scheme's case", () => {
    const expected = { kind: "token", scheme: "bearer", credentials: { id: token.id, secret: token.secret } };
    expect(readAuthorizationHeader(`Bearer ${token.value}`)).toEqual(expected);
    expect(readAuthorizationHeader(`bearer ${token.value}`)).toEqual(expected);
  });

  it("reads Basic with the id and the secret, or the id and the whole token", () => {
    const expected = { kind: "token", scheme: "basic", credentials: { id: token.id, secret: token.secret } };
    expect(readAuthorizationHeader(basic(`${token.id}:${token.secret}`))).toEqual(expected);
    expect(readAuthorizationHeader(basic(`${token.id}:${token.value}`))).toEqual(expected);
  });

  it("calls anything else malformed, so it is refused rather than ignored", () => {
    expect(readAuthorizationHeader("Bearer nonsense")).toEqual({ kind: "malformed", scheme: "bearer" });
    expect(readAuthorizationHeader(basic("alice:password"))).toEqual({ kind: "malformed", scheme: "basic" });
    expect(readAuthorizationHeader(basic(`Zzzzzzzzzzzz:${token.value}`))).toEqual({
      kind: "malformed",
      scheme: "basic",
    });
    expect(readAuthorizationHeader("Basic !!!")).toEqual({ kind: "malformed", scheme: "basic" });
    expect(readAuthorizationHeader(`Digest ${token.value}`)).toEqual({ kind: "malformed", scheme: "other" });
  });
});

describe("tokenSecretMatches", () => {
  it("compares the presented secret with the stored SHA-256", () => {
    const { secret } = generateToken();
    const stored = hashTokenSecret(secret);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenSecretMatches(secret, stored)).toBe(true);
    expect(tokenSecretMatches(secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A"), stored)).toBe(false);
    expect(tokenSecretMatches(secret, "not-a-hash")).toBe(false);
  });
});
