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
const DISCOVERY_TTL_MS = 3_600_000;
const CACHE = Symbol.for("kafka-console.auth.oidc-discovery");
type CachedDiscovery = { key: string; at: number; configuration: Promise<Configuration> };
type GlobalWithDiscovery = typeof globalThis & { [CACHE]?: CachedDiscovery };
const shared = globalThis as GlobalWithDiscovery;

export function providerConfiguration(settings: OidcSettings, now = Date.now()): Promise<Configuration> {
  const key = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret ?? ""]);
  const cached = shared[CACHE];
  if (cached && cached.key === key && now - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
  const configuration = discoverProvider(settings);
  const entry = { key, at: now, configuration };
  shared[CACHE] = entry;
  configuration.catch(() => {
    if (shared[CACHE] === entry) delete shared[CACHE];
  });
  return configuration;
}
