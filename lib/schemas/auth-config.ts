// The `auth` section: whether local password accounts may sign in, and single sign-on through an
// OpenID Connect provider whose claims decide each user's role.
import { z } from "zod";

import { ROLES, type Role } from "./auth";
import { flag } from "./config-scalars";
import { resolvedValueSchema, type ValueResolver } from "./config-values";

/** A rule of the ordered mapping: a user whose claim holds `value` gets `role`; the first match wins. */
export interface RoleMapping {
  value: string;
  role: Role;
}

export interface OidcSettings {
  /** The issuer URL; its /.well-known/openid-configuration is read at the first sign-in. */
  issuer: string;
  clientId: string;
  /** Absent: a public client (PKCE only). */
  clientSecret: string | undefined;
  scopes: string[];
  /** The button reads "Sign in with <displayName>". */
  displayName: string;
  /** Where the role is read from: a claim name or a dotted path into nested claims (realm_access.roles). */
  roleClaim: string;
  roleMappings: RoleMapping[];
  /** The role of a user no rule matches; "none" refuses them. */
  defaultRole: Role | "none";
  /** The claim the console's user name is taken from at the first sign-in (then `email`, then `sub`). */
  usernameClaim: string;
}

export interface AuthConfigSettings {
  /** Password sign-in for local accounts; off leaves single sign-on as the only way in. */
  localAccounts: boolean;
  oidc: OidcSettings | undefined;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https, or http on loopback only (a provider on the same machine, as in the tests). */
const issuerCheck = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
};

const CLAIM_PATH = /^[A-Za-z0-9_:/\-.]+$/;

function oidcSettingsSchema(resolve: ValueResolver) {
  return z.strictObject({
    issuer: z
      .string()
      .refine(
        issuerCheck,
        "must be an https URL (http only for localhost), e.g. https://id.example.com/realms/kafka",
      )
      .transform((url) => url.replace(/\/+$/, "")),
    clientId: z.string().min(1, "must not be empty"),
    clientSecret: resolvedValueSchema(resolve).optional(),
    scopes: z
      .array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, "a scope is one word without spaces or quotes"))
      .default(["openid", "profile", "email"])
      .refine((scopes) => scopes.includes("openid"), "must include openid"),
    displayName: z.string().trim().min(1).max(60).default("single sign-on"),
    roleClaim: z
      .string()
      .regex(CLAIM_PATH, "a claim name or dotted path, e.g. groups or realm_access.roles")
      .default("groups"),
    roleMappings: z
      .array(z.strictObject({ value: z.string().min(1), role: z.enum(ROLES) }))
      .max(200)
      .default([]),
    defaultRole: z.enum([...ROLES, "none"]).default("none"),
    usernameClaim: z.string().regex(CLAIM_PATH).default("preferred_username"),
  });
}

export function authConfigSchema(resolve: ValueResolver) {
  return z
    .strictObject({
      localAccounts: flag.default(true),
      oidc: oidcSettingsSchema(resolve).optional(),
    })
    .refine((auth) => auth.localAccounts || auth.oidc !== undefined, {
      path: ["localAccounts"],
      message: "turning local accounts off needs auth.oidc: otherwise nobody can sign in",
    })
    .transform(({ localAccounts, oidc }): AuthConfigSettings => ({
      localAccounts,
      oidc: oidc && { ...oidc, clientSecret: oidc.clientSecret },
    }));
}
