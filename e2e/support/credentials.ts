// Who the e2e suite signs in as. global-setup creates the users; the setup project signs them in.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

import type { Role } from "../../lib/schemas/auth";

export const AUTH_DIR = join(import.meta.dirname, "..", ".auth");

export interface E2eCredentials {
  /** The first admin's password as printed once at first start; replaced by the setup project. */
  adminInitialPassword: string;
  adminPassword: string;
  users: Record<Exclude<Role, "admin">, { username: string; password: string }>;
  /**
   * Accounts the specs spoil: viewers whose sessions expire, that get locked, or that an attacker
   * elsewhere tries to lock; an admin whose tokens must die with them.
   */
  spareUsers: Record<
    "idle" | "throttled" | "targeted" | "tokenCreator",
    { username: string; password: string }
  >;
  storePath: string;
}

const FILE = join(AUTH_DIR, "credentials.json");

export function writeCredentials(credentials: E2eCredentials): void {
  mkdirSync(dirname(FILE), { recursive: true, mode: 0o700 });
  writeFileSync(FILE, JSON.stringify(credentials, null, 2), { mode: 0o600 });
}

export function readCredentials(): E2eCredentials {
  return JSON.parse(readFileSync(FILE, "utf8")) as E2eCredentials;
}

/** Saved signed-in browser state per role, written by e2e/auth.setup.ts. */
export function storageStateFor(role: Role): string {
  return join(AUTH_DIR, `${role}.json`);
}
