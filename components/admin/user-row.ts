import type { Role } from "@/lib/schemas/auth";

/** What the users table shows of a user; the password hash never reaches the browser. */
export interface UserRow {
  id: string;
  username: string;
  role: Role;
  mustChangePassword: boolean;
  createdAt: string;
  disabledAt: string | null;
  lastSignInAt: string | null;
  /** The OpenID issuer of a single sign-on user (who has no console password); null for local accounts. */
  provider: string | null;
}
