import "server-only";

// Single sign-on: the start (redirect to the provider) and the callback (validate, decide the role,
// create or update the user, open a session like a password sign-in). Each returns where the browser
// goes next; every refusal is audited as auth.sso.refused with its reason and lands on the sign-in page
// with a message that says why. No token is stored or logged: only the ID token's claims are read.
import { safeNextPath } from "@/lib/safe-next-path";
import type { OidcSettings } from "@/lib/schemas/auth-config";
import { getStore } from "@/lib/server/store";
import type { ConsoleStore, UserRecord } from "@/lib/server/store/types";

import { appendAudit } from "../audit";
import { currentRequestFacts } from "../request-context";
import type { RequestFacts } from "../request-facts";
import { createSession, sessionIdFromCookie, setSessionCookie, sweepExpiredSessions } from "../sessions";
import { loginPathWithNotice } from "./notice";
import { beginLogin, completeLogin, endSessionUrl } from "./protocol";
import { oidcSettings, postLogoutRedirectUri, providerConfiguration, redirectUri } from "./provider";
import { refusalMessage, type SsoRefusal } from "./refusal-messages";
import { claimValues, decideRole } from "./role-mapping";
import { setTransactionCookie, takeTransactionCookie } from "./transaction-cookie";

/** Not a scrypt hash, so no password ever matches it; password sign-in refuses SSO users before that. */
export const SSO_PASSWORD_HASH = "sso$no-password";

type Details = Record<string, string | number | boolean | null>;
const MAX_LISTED = 500;
const listed = (values: string[]) => values.join(", ").slice(0, MAX_LISTED);

async function refuse(
  refusal: SsoRefusal,
  facts: RequestFacts,
  settings: OidcSettings,
  details: Details = {},
): Promise<string> {
  await appendAudit(
    getStore(),
    {
      actor: details.subject ? `sso:${String(details.subject)}` : "anonymous",
      action: "auth.sso.refused",
      target: null,
      outcome: refusal.kind === "policy" ? "denied" : "failure",
      details: { reason: refusal.reason, provider: settings.issuer, ...details },
    },
    facts,
  );
  return loginPathWithNotice(refusalMessage(refusal, settings));
}

/** GET /auth/oidc/start?next=…: a new transaction in its cookie, and the provider's login page. */
export async function startOidcSignIn(rawNext: string | null): Promise<string> {
  const settings = oidcSettings();
  if (!settings) return "/login";
  const facts = await currentRequestFacts();
  const next = safeNextPath(rawNext);
  // A `next` the console would not follow is refused, not quietly replaced: someone crafted the link.
  if (rawNext !== null && rawNext !== "" && next !== rawNext)
    return refuse({ kind: "tampering", reason: "next-outside-console" }, facts, settings);
  try {
    const configuration = await providerConfiguration(settings);
    const { url, transaction } = await beginLogin(configuration, settings, redirectUri(), next);
    await setTransactionCookie(transaction);
    return url.href;
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : "unknown";
    return refuse({ kind: "unavailable", reason: "provider-unreachable" }, facts, settings, { detail });
  }
}

/** GET /auth/oidc/callback?code=…&state=…: the query of the request, checked against the transaction. */
export async function finishOidcSignIn(requestUrl: URL): Promise<string> {
  const settings = oidcSettings();
  if (!settings) return "/login";
  const facts = await currentRequestFacts();
  const taken = await takeTransactionCookie();
  if (!taken.ok) return refuse({ kind: "tampering", reason: taken.reason }, facts, settings);
  const { transaction } = taken;

  // The registered redirect URL with the provider's parameters: behind a proxy the request's own host
  // may differ, and the token request must name the URL the provider knows.
  const callbackUrl = new URL(redirectUri());
  requestUrl.searchParams.forEach((value, name) => callbackUrl.searchParams.append(name, value));
  let configuration;
  try {
    configuration = await providerConfiguration(settings);
  } catch {
    return refuse({ kind: "unavailable", reason: "provider-unreachable" }, facts, settings);
  }
  const result = await completeLogin(configuration, callbackUrl, transaction);
  if (!result.ok) {
    const kind =
      result.reason === "provider-error" || result.reason === "provider-unreachable"
        ? "unavailable"
        : "tampering";
    return refuse({ kind, reason: result.reason, detail: result.detail }, facts, settings, {
      ...(result.detail ? { detail: result.detail } : {}),
    });
  }

  const decision = decideRole(result.claims, settings);
  const who = { subject: result.subject, claim: settings.roleClaim };
  if (!decision.ok)
    return refuse({ kind: "policy", reason: "no-mapped-role", values: decision.values }, facts, settings, {
      ...who,
      values: listed(decision.values),
    });

  const store = getStore();
  const previousSessionId = await sessionIdFromCookie();
  const outcome = await store.transaction(async (tx) => {
    const user = await upsertUser(tx, settings, result.subject, result.claims, decision.role);
    if (!user.ok) return user;
    if (previousSessionId) await tx.sessions.delete(previousSessionId);
    await appendAudit(
      tx,
      {
        actor: `user:${user.user.username}`,
        action: "auth.sso.sign-in",
        target: `user:${user.user.username}`,
        outcome: "success",
        details: {
          provider: settings.issuer,
          ...who,
          // The rule that decided the role; null when the default role applied.
          matched: decision.rule?.value ?? null,
          role: decision.role,
          created: user.created,
        },
      },
      facts,
    );
    return { ok: true as const, session: await createSession(tx, user.user.id, facts) };
  });
  if (!outcome.ok) return refuse(outcome.refusal, facts, settings, { ...who, ...outcome.details });
  await setSessionCookie(outcome.session);
  await sweepExpiredSessions(store);
  return transaction.next;
}

type Upserted =
  { ok: true; user: UserRecord; created: boolean } | { ok: false; refusal: SsoRefusal; details: Details };

/** The user this provider and subject name, created at the first sign-in; the role follows the claims. */
async function upsertUser(
  store: ConsoleStore,
  settings: OidcSettings,
  subject: string,
  claims: Record<string, unknown>,
  role: UserRecord["role"],
): Promise<Upserted> {
  const now = new Date().toISOString();
  const existing = await store.users.findBySubject(settings.issuer, subject);
  if (existing) {
    if (existing.disabledAt !== null)
      return {
        ok: false,
        refusal: { kind: "policy", reason: "user-disabled" },
        details: { username: existing.username },
      };
    const user = (await store.users.update(existing.id, { role, lastSignInAt: now })) ?? existing;
    return { ok: true, user, created: false };
  }
  const username = usernameFrom(claims, settings, subject);
  // Never joined to a local account by name: that would let the provider take the account over.
  if (await store.users.findByUsername(username))
    return {
      ok: false,
      refusal: { kind: "policy", reason: "username-taken", username },
      details: { username },
    };
  const user = await store.users.create({
    username,
    role,
    passwordHash: SSO_PASSWORD_HASH,
    mustChangePassword: false,
    provider: settings.issuer,
    subject,
  });
  return {
    ok: true,
    user: (await store.users.update(user.id, { lastSignInAt: now })) ?? user,
    created: true,
  };
}

function usernameFrom(claims: Record<string, unknown>, settings: OidcSettings, subject: string): string {
  for (const claim of [settings.usernameClaim, "email"]) {
    const value = claimValues(claims, claim)[0]?.trim().toLowerCase();
    if (value && value.length <= 128) return value;
  }
  return subject.slice(0, 128);
}

/**
 * Where a single sign-on user goes after the console's session ended: the provider's end-session
 * endpoint (RP-initiated logout) when its discovery names one, else nowhere special (null).
 */
export async function oidcSignOutLocation(): Promise<string | null> {
  const settings = oidcSettings();
  if (!settings) return null;
  try {
    return endSessionUrl(await providerConfiguration(settings), postLogoutRedirectUri())?.href ?? null;
  } catch (error) {
    // The console's session has ended either way; the provider's may outlive it.
    console.warn(
      `Single sign-on: no provider sign-out (${error instanceof Error ? error.message : "unknown error"})`,
    );
    return null;
  }
}
