import "server-only";

// Who is asking and what they may do: sign-in and sessions, API tokens, roles for pages, server
// actions and route handlers, and the audit trail. Pages and actions use only what is exported here,
// so another way to sign in (OIDC) can be added without touching them.
export type { Principal, PublicApiToken, PublicUser, UserPrincipal } from "./principal-types";
export { getPrincipal } from "./principal";
export { requirePagePermission } from "./page-guard";
export { guardedAction, type ActionSpec } from "./action-guard";
export { guardedRoute, type RouteContext } from "./route-guard";
export { signIn, signOut, changeOwnPassword } from "./sign-in";
export { startOidcSignIn, finishOidcSignIn, oidcSignOutLocation } from "./oidc/sign-in";
export { readSsoNotice } from "./oidc/notice";
export { localAccountsEnabled, oidcSettings } from "./oidc/provider";
export { listUsers, createUser, setUserRole, resetUserPassword, setUserDisabled, deleteUser } from "./users";
export { listApiTokens, apiTokenCreatorStanding, createApiToken, revokeApiToken } from "./tokens";
export type { CreatorStanding } from "./token-creator";
export { recordAudit, queryAudit } from "./audit";
