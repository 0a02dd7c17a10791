// The OpenID Connect protocol, all of it done by openid-client: discovery, the authorization request
// with PKCE, state and nonce, and the code exchange that checks the ID token (signature, issuer,
// audience, expiry, nonce). This module only turns the library's answers into the console's refusal
// reasons. It knows nothing of Next, cookies or the store, so tests drive it against a real provider.
import * as client from "openid-client";

import type { OidcSettings } from "@/lib/schemas/auth-config";

/** What the browser carries (sealed) between the redirect to the provider and the callback. */
export interface LoginTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A console path, already checked when the sign-in began. */
  next: string;
}

export type OidcRefusalReason =
  | "state-mismatch"
  | "transaction-missing"
  | "transaction-expired"
  | "transaction-forged"
  | "provider-error"
  | "code-rejected"
  | "nonce-mismatch"
  | "issuer-mismatch"
  | "audience-mismatch"
  | "id-token-expired"
  | "id-token-invalid"
  | "provider-unreachable";

export type CallbackResult =
  | { ok: true; claims: Record<string, unknown>; subject: string }
  | { ok: false; reason: OidcRefusalReason; detail?: string };

export interface DiscoveryOptions {
  /** Tests put a forged ID token into the token response through this; production uses fetch. */
  customFetch?: client.CustomFetch;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The provider's metadata (from its discovery document) with this console's client registration. */
export async function discoverProvider(
  settings: Pick<OidcSettings, "issuer" | "clientId" | "clientSecret">,
  options: DiscoveryOptions = {},
): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  // Plain http only for a provider on this machine (the configuration refuses it elsewhere).
  const insecure = issuer.protocol === "http:" && LOOPBACK.has(issuer.hostname);
  const auth = settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None();
  return client.discovery(issuer, settings.clientId, undefined, auth, {
    execute: insecure ? [client.allowInsecureRequests] : [],
    ...(options.customFetch ? { [client.customFetch]: options.customFetch } : {}),
  });
}

/** A fresh transaction and the provider's authorization URL for it. */
export async function beginLogin(
  config: client.Configuration,
  settings: Pick<OidcSettings, "scopes">,
  redirectUri: string,
  next: string,
): Promise<{ url: URL; transaction: LoginTransaction }> {
  const transaction = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    next,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: settings.scopes.join(" "),
    response_type: "code",
    state: transaction.state,
    nonce: transaction.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(transaction.codeVerifier),
    code_challenge_method: "S256",
  });
  return { url, transaction };
}

/**
 * Exchanges the code and validates the ID token against the transaction. The state is compared here
 * first only to name the refusal; the library checks it again, with everything else.
 */
export async function completeLogin(
  config: client.Configuration,
  callbackUrl: URL,
  transaction: LoginTransaction,
): Promise<CallbackResult> {
  if (callbackUrl.searchParams.get("state") !== transaction.state)
    return { ok: false, reason: "state-mismatch" };
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: transaction.codeVerifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
    // Only the claims leave this function; the tokens themselves are dropped here, never stored.
    const claims = tokens.claims();
    if (!claims) return { ok: false, reason: "id-token-invalid", detail: "no ID token" };
    return { ok: true, claims: { ...claims }, subject: claims.sub };
  } catch (error) {
    return { ok: false, ...classify(error) };
  }
}

/** The library's error, as a reason and a short detail without any token or secret in it. */
function classify(error: unknown): { reason: OidcRefusalReason; detail?: string } {
  if (error instanceof client.AuthorizationResponseError)
    return { reason: "provider-error", detail: error.error };
  if (error instanceof client.ResponseBodyError)
    return error.error === "invalid_grant"
      ? { reason: "code-rejected", detail: error.error }
      : { reason: "provider-error", detail: error.error };
  const code = (error as { code?: unknown }).code;
  const claim = failedClaim(error);
  if (code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED") {
    if (claim === "nonce") return { reason: "nonce-mismatch" };
    if (claim === "iss") return { reason: "issuer-mismatch" };
    if (claim === "aud" || claim === "azp") return { reason: "audience-mismatch" };
  }
  if (code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED")
    return claim === "exp"
      ? { reason: "id-token-expired" }
      : { reason: "id-token-invalid", detail: String(claim) };
  if (error instanceof TypeError && /fetch failed/i.test(error.message))
    return { reason: "provider-unreachable" };
  // The library's messages describe the check that failed, never the token.
  return {
    reason: "id-token-invalid",
    detail: error instanceof Error ? error.message.slice(0, 200) : undefined,
  };
}

/** openid-client wraps oauth4webapi's error, whose cause names the claim that failed. */
function failedClaim(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && typeof current === "object" && current !== null; depth += 1) {
    const cause = (current as { cause?: unknown }).cause;
    if (typeof cause === "object" && cause !== null && "claim" in cause) return cause.claim;
    current = cause;
  }
  return undefined;
}

/**
 * RP-initiated logout at the provider, when its discovery names an end_session_endpoint. Without the
 * ID token (never kept) the request names the client instead, which the specification allows.
 */
export function endSessionUrl(config: client.Configuration, postLogoutRedirectUri: string): URL | null {
  if (!config.serverMetadata().end_session_endpoint) return null;
  return client.buildEndSessionUrl(config, {
    client_id: config.clientMetadata().client_id,
    post_logout_redirect_uri: postLogoutRedirectUri,
  });
}
