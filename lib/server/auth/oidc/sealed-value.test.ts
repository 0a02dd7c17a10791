import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { sealValue, unsealValue } from "./sealed-value";

const key = randomBytes(32);
const label = "oidc-transaction/v1" as const;

describe("sealed values", () => {
  it("opens what it sealed until it expires", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const sealed = sealValue({ state: "s" }, { key, label, ttlMs: 600_000, now });
    expect(unsealValue(sealed, { key, label, now })).toEqual({ ok: true, value: { state: "s" } });
    const later = new Date(now.getTime() + 600_000);
    expect(unsealValue(sealed, { key, label, now: later })).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses another key, another use, a changed byte and garbage", () => {
    const sealed = sealValue("x", { key, label, ttlMs: 60_000 });
    expect(unsealValue(sealed, { key: randomBytes(32), label })).toEqual({ ok: false, reason: "forged" });
    expect(unsealValue(sealed, { key, label: "oidc-notice/v1" })).toEqual({ ok: false, reason: "forged" });
    const bytes = Buffer.from(sealed, "base64url");
    bytes[14] = (bytes[14] ?? 0) ^ 1;
    expect(unsealValue(bytes.toString("base64url"), { key, label })).toEqual({ ok: false, reason: "forged" });
    expect(unsealValue("not sealed!", { key, label })).toEqual({ ok: false, reason: "malformed" });
    expect(unsealValue("abc", { key, label })).toEqual({ ok: false, reason: "malformed" });
  });

  it("does not show its content", () => {
    const sealed = sealValue({ codeVerifier: "verifier-secret" }, { key, label, ttlMs: 60_000 });
    expect(Buffer.from(sealed, "base64url").toString("latin1")).not.toContain("verifier-secret");
  });
});
