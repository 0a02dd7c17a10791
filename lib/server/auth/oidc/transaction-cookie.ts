import "server-only";

// The login transaction between the redirect to the provider and the callback: sealed into a cookie
// (HttpOnly, SameSite=Lax so the provider's redirect back carries it, ten minutes, only sent to
// /auth/oidc). Sealed with the server secret, so the callback may land on any replica.
import { cookies } from "next/headers";

import { safeNextPath } from "@/lib/safe-next-path";

import { authSettings, sessionKeys } from "../settings";
import type { LoginTransaction } from "./protocol";
import { sealValue, unsealValue } from "./sealed-value";

export const TRANSACTION_COOKIE = "kc_oidc_transaction";
const TRANSACTION_TTL_MS = 10 * 60_000;
const COOKIE_PATH = "/auth/oidc";

export async function setTransactionCookie(transaction: LoginTransaction): Promise<void> {
  const sealed = sealValue(transaction, {
    key: sessionKeys().oidc,
    label: "oidc-transaction/v1",
    ttlMs: TRANSACTION_TTL_MS,
  });
  (await cookies()).set(TRANSACTION_COOKIE, sealed, {
    httpOnly: true,
    sameSite: "lax",
    secure: authSettings().secureCookies,
    path: COOKIE_PATH,
    maxAge: TRANSACTION_TTL_MS / 1000,
  });
}

export type TakenTransaction =
  | { ok: true; transaction: LoginTransaction }
  | { ok: false; reason: "transaction-missing" | "transaction-expired" | "transaction-forged" };

/** Reads and removes the cookie: a transaction serves one callback, whatever its outcome. */
export async function takeTransactionCookie(): Promise<TakenTransaction> {
  const jar = await cookies();
  const value = jar.get(TRANSACTION_COOKIE)?.value;
  if (!value) return { ok: false, reason: "transaction-missing" };
  jar.set(TRANSACTION_COOKIE, "", { path: COOKIE_PATH, maxAge: 0, httpOnly: true, sameSite: "lax" });
  const opened = unsealValue(value, { key: sessionKeys().oidc, label: "oidc-transaction/v1" });
  if (!opened.ok)
    return { ok: false, reason: opened.reason === "expired" ? "transaction-expired" : "transaction-forged" };
  const transaction = parseTransaction(opened.value);
  return transaction ? { ok: true, transaction } : { ok: false, reason: "transaction-forged" };
}

function parseTransaction(value: unknown): LoginTransaction | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { state, nonce, codeVerifier, next } = value as Record<string, unknown>;
  if (![state, nonce, codeVerifier, next].every((field) => typeof field === "string")) return undefined;
  // Checked when the sign-in began; checked again, as every reader of a `next` does.
  return { state, nonce, codeVerifier, next: safeNextPath(next as string) } as LoginTransaction;
}
