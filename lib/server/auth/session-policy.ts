// When a session ends and when its lastSeenAt is worth writing: pure, so the rules are tested alone.
import type { SessionRecord } from "@/lib/server/store/types";

export interface SessionLifetimes {
  idleMinutes: number;
  absoluteHours: number;
}

/** Writes to lastSeenAt at most this often: idle expiry is measured in minutes, not requests. */
export const TOUCH_INTERVAL_MS = 60_000;

export type SessionState = "active" | "idle-expired" | "expired";

export function sessionState(
  session: Pick<SessionRecord, "lastSeenAt" | "expiresAt">,
  now: Date,
  lifetimes: SessionLifetimes,
): SessionState {
  if (Date.parse(session.expiresAt) <= now.getTime()) return "expired";
  const idleUntil = Date.parse(session.lastSeenAt) + lifetimes.idleMinutes * 60_000;
  // An unreadable timestamp never keeps a session alive.
  if (!(idleUntil > now.getTime())) return "idle-expired";
  return "active";
}

export function shouldTouch(session: Pick<SessionRecord, "lastSeenAt">, now: Date): boolean {
  return now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS;
}

/** A new session's absolute expiry. */
export function sessionExpiresAt(now: Date, lifetimes: SessionLifetimes): Date {
  return new Date(now.getTime() + lifetimes.absoluteHours * 3_600_000);
}

/** For the store's sweep: sessions last seen before this are idle-expired. */
export function idleCutoff(now: Date, lifetimes: SessionLifetimes): Date {
  return new Date(now.getTime() - lifetimes.idleMinutes * 60_000);
}
