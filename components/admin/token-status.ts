import type { Tone } from "@/components/ui/badge";

export type TokenStatus = "active" | "expired" | "revoked" | "creator disabled" | "creator deleted";

/**
 * Revoked wins over expired: it is the stronger, deliberate state. A creator who is disabled or gone
 * stops a token that would otherwise work (lib/server/auth/token-creator.ts), so that comes next.
 */
export function tokenStatus(
  token: { revokedAt: string | null; expiresAt: string | null },
  now: Date,
  creator: "ok" | "disabled" | "deleted" = "ok",
): TokenStatus {
  if (token.revokedAt !== null) return "revoked";
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime()) return "expired";
  if (creator !== "ok") return `creator ${creator}`;
  return "active";
}

export const tokenStatusTone: Record<TokenStatus, Tone> = {
  active: "success",
  expired: "warning",
  revoked: "neutral",
  "creator disabled": "warning",
  "creator deleted": "neutral",
};

/**
 * The two ways a client presents a token: the whole value as a Bearer token, or HTTP Basic with the
 * token's id as user name and the part after `kc_<id>_` as password.
 */
export function tokenCredentials(
  tokenId: string,
  value: string,
): { bearer: string; basicSecret: string | null } {
  const prefix = `kc_${tokenId}_`;
  return { bearer: value, basicSecret: value.startsWith(prefix) ? value.slice(prefix.length) : null };
}
