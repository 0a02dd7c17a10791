import "server-only";

import { forbidden, redirect } from "next/navigation";

import { safeNextPath } from "@/lib/safe-next-path";
import { can, type Permission, requiredRole } from "@/lib/permissions";

import { recordDenial } from "./denials";
import { authenticateRequest } from "./principal";
import type { UserPrincipal } from "./principal-types";
import { currentPath } from "./request-context";
import { loginPath, passwordChangePath } from "@/lib/paths";

/**
 * For pages and layouts: anonymous → /login?next=<this page>, a forced password change →
 * /account/password, a role without the permission (lib/permissions.ts) → forbidden() (403, app/forbidden.tsx). Call it in every page
 * that shows data, not only in its layout: a client-side navigation renders the page without
 * re-running the layout.
 */
export async function requirePagePermission(
  permission: Permission,
  options: { allowPasswordChange?: boolean } = {},
): Promise<UserPrincipal> {
  const { principal } = await authenticateRequest();
  const path = safeNextPath(await currentPath());
  // API tokens are for /api; a page needs a person signed in.
  if (principal?.kind !== "user") redirect(loginPath({ next: path }));
  if (principal.user.mustChangePassword && !options.allowPasswordChange) redirect(passwordChangePath(path));
  if (!can(principal.role, permission)) {
    const required = requiredRole(permission);
    await recordDenial(principal, `page ${path}`, { status: 403, reason: "role", required });
    forbidden();
  }
  return principal;
}
