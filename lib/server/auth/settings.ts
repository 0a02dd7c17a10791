import "server-only";

import { createHash } from "node:crypto";

import { getConfig } from "@/lib/server/config";

import { deriveKey, loadServerSecret } from "./server-secret";
import type { SessionLifetimes } from "./session-policy";

export interface AuthSettings extends SessionLifetimes {
  secureCookies: boolean;
  trustProxy: boolean;
}

export function authSettings(): AuthSettings {
  const { sessionIdleMinutes, sessionAbsoluteHours, secureCookies, trustProxy } = getConfig().server;
  return { idleMinutes: sessionIdleMinutes, absoluteHours: sessionAbsoluteHours, secureCookies, trustProxy };
}

interface SessionKeys {
  cookie: Buffer;
  /** Seals the single sign-on login transaction and its refusal notices (oidc/sealed-value.ts). */
  oidc: Buffer;
}

const KEYS = Symbol.for("kafka-console.auth.keys");
type GlobalWithKeys = typeof globalThis & { [KEYS]?: { source: string; keys: SessionKeys } };
const shared = globalThis as GlobalWithKeys;

/**
 * Keys derived from the server secret, read (or generated) once per process. instrumentation.ts
 * calls this at start, so a data directory the console cannot write fails the start, not a sign-in.
 */
export function sessionKeys(): SessionKeys {
  const { dataDir, sessionSecret } = getConfig().server;
  // Tells a changed secret or directory apart without keeping a second copy of the secret around.
  const source = createHash("sha256")
    .update(`${dataDir}\0${sessionSecret ?? ""}`)
    .digest("hex");
  const cached = shared[KEYS];
  if (cached?.source === source) return cached.keys;
  const secret = loadServerSecret({ dataDir, sessionSecret });
  const keys = { cookie: deriveKey(secret, "session-cookie"), oidc: deriveKey(secret, "oidc-transaction") };
  shared[KEYS] = { source, keys };
  return keys;
}
