import type { Role } from "@/lib/schemas/auth";
import type { TokenStatus } from "./token-status";

/** What the tokens table shows; the secret's hash never reaches the browser. */
export interface TokenRow {
  id: string;
  name: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Worked out on the server at render time, so server and browser agree. */
  status: TokenStatus;
}
