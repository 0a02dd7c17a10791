import type { Role } from "@/lib/schemas/auth";
import type { ApiTokenRecord, UserRecord } from "@/lib/server/store/types";

export type PublicUser = Omit<UserRecord, "passwordHash">;
export type PublicApiToken = Omit<ApiTokenRecord, "secretHash">;

/** Who is asking. Pages need a user; routes and actions accept either. OIDC users will be kind "user" too. */
export type Principal =
  | { kind: "user"; role: Role; actor: string; user: PublicUser; sessionId: string }
  | { kind: "token"; role: Role; actor: string; token: PublicApiToken };

export type UserPrincipal = Extract<Principal, { kind: "user" }>;

/** Without the password hash: what pages, actions and the REST API may hand out. */
export function publicUser(user: UserRecord): PublicUser {
  const { passwordHash, ...rest } = user;
  void passwordHash;
  return rest;
}

/** Without the secret's hash. */
export function publicToken(token: ApiTokenRecord): PublicApiToken {
  const { secretHash, ...rest } = token;
  void secretHash;
  return rest;
}

export const userActor = (username: string) => `user:${username}`;
export const tokenActor = (token: Pick<ApiTokenRecord, "id" | "name">) => `token:${token.id} (${token.name})`;
