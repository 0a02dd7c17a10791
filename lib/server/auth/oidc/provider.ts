import "server-only";

// Single sign-on's settings as the running console sees them: the configured provider, the URLs the
// provider sends browsers back to, and its discovered metadata, cached per process.
import type { Configuration } from "openid-client";

import type { OidcSettings } from "@/lib/schemas/auth-config";
import { getConfig } from "@/lib/server/config";

import { discoverProvider } from "./protocol";

export const OIDC_START_PATH = "/auth/oidc/start";
export const OIDC_CALLBACK_PATH = "/auth/oidc/callback";
export const POST_LOGOUT_PATH = "/login?reason=signed-out";

export function oidcSettings(): OidcSettings | undefined {
  return getConfig().auth.oidc;
}

export function localAccountsEnabled(): boolean {
  return getConfig().auth.localAccounts;
}

/**
 * The console's external base URL: restProxy.publicUrl, else CONSOLE_PUBLIC_URL (as the REST links),
 * else ca.publicUrl. Never the request's Host: the redirect URL is registered at the provider.
 */
export function consolePublicUrl(): string {
  const config = getConfig();
  const fromEnv = process.env.CONSOLE_PUBLIC_URL?.trim().replace(/\/+$/, "");
  return config.restProxy.publicUrl ?? (fromEnv || config.ca.publicUrl);
}

export const redirectUri = () => `${consolePublicUrl()}${OIDC_CALLBACK_PATH}`;
export const postLogoutRedirectUri = () => `${consolePublicUrl()}${POST_LOGOUT_PATH}`;

// Discovery once an hour at most; a failed one is forgotten at once, so the next sign-in tries again.
// Per module, not on globalThis: Next bundles openid-client once per layer (route handlers, server
// actions), and a Configuration made by one copy fails the other's instanceof check.
const DISCOVERY_TTL_MS = 3_600_000;
let cached: { key: string; at: number; configuration: Promise<Configuration> } | undefined;

export function providerConfiguration(settings: OidcSettings, now = Date.now()): Promise<Configuration> {
  const key = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret ?? ""]);
  if (cached && cached.key === key && now - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
  const configuration = discoverProvider(settings);
  const entry = { key, at: now, configuration };
  cached = entry;
  configuration.catch(() => {
    if (cached === entry) cached = undefined;
  });
  return configuration;
}
