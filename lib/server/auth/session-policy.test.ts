import { describe, expect, it } from "vitest";

import { idleCutoff, sessionExpiresAt, sessionState, shouldTouch } from "./session-policy";

const lifetimes = { idleMinutes: 30, absoluteHours: 12 };
const at = (iso: string) => new Date(iso);

describe("sessionState", () => {
  const session = { lastSeenAt: "2026-01-01T10:00:00.000Z", expiresAt: "2026-01-01T20:00:00.000Z" };

  it("is active within both the idle and the absolute limit", () => {
    expect(sessionState(session, at("2026-01-01T10:29:59.000Z"), lifetimes)).toBe("active");
  });

  it("ends after the idle time without a request", () => {
    expect(sessionState(session, at("2026-01-01T10:30:00.000Z"), lifetimes)).toBe("idle-expired");
  });

  it("ends at the absolute expiry however recently it was used", () => {
    const busy = { ...session, lastSeenAt: "2026-01-01T19:59:00.000Z" };
    expect(sessionState(busy, at("2026-01-01T20:00:00.000Z"), lifetimes)).toBe("expired");
  });

  it("ends when a timestamp cannot be read", () => {
    const broken = { ...session, lastSeenAt: "yesterday" };
    expect(sessionState(broken, at("2026-01-01T10:00:01.000Z"), lifetimes)).toBe("idle-expired");
  });
});

describe("shouldTouch", () => {
  it("writes lastSeenAt at most once a minute", () => {
    const session = { lastSeenAt: "2026-01-01T10:00:00.000Z" };
    expect(shouldTouch(session, at("2026-01-01T10:00:59.999Z"))).toBe(false);
    expect(shouldTouch(session, at("2026-01-01T10:01:00.000Z"))).toBe(true);
  });
});

describe("sessionExpiresAt / idleCutoff", () => {
  it("computes the absolute expiry and the idle cut-off", () => {
    const now = at("2026-01-01T10:00:00.000Z");
    expect(sessionExpiresAt(now, lifetimes).toISOString()).toBe("2026-01-01T22:00:00.000Z");
    expect(idleCutoff(now, lifetimes).toISOString()).toBe("2026-01-01T09:30:00.000Z");
  });
});
