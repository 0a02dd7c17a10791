// What the sign-in page says when single sign-on refuses someone: specific enough to act on, with
// nothing from a token in it but the role claim's values, which the user may see anyway.
import type { OidcSettings } from "@/lib/schemas/auth-config";

import type { OidcRefusalReason } from "./protocol";

export type SsoRefusal =
  /** The callback did not pass the checks: stale, replayed or forged. */
  | { kind: "tampering"; reason: OidcRefusalReason | "next-outside-console"; detail?: string }
  /** The provider could not be reached, or answered with an error (the user cancelled, say). */
  | { kind: "unavailable"; reason: OidcRefusalReason; detail?: string }
  /** The sign-in was genuine, but the console's rules keep the user out. */
  | { kind: "policy"; reason: "no-mapped-role"; values: string[] }
  | { kind: "policy"; reason: "user-disabled" }
  | { kind: "policy"; reason: "username-taken"; username: string };

const MAX_SHOWN = 10;

export function refusalMessage(
  refusal: SsoRefusal,
  settings: Pick<OidcSettings, "displayName" | "roleClaim">,
): string {
  const provider = settings.displayName;
  switch (refusal.reason) {
    case "no-mapped-role": {
      const shown = refusal.values.slice(0, MAX_SHOWN).join(", ");
      const more = refusal.values.length > MAX_SHOWN ? `, and ${refusal.values.length - MAX_SHOWN} more` : "";
      const held =
        refusal.values.length === 0
          ? `You have no ${settings.roleClaim}`
          : `Your ${settings.roleClaim} (${shown}${more}) do not map to a console role`;
      return `${held}, so ${provider} cannot sign you in to the console. Ask an administrator for access.`;
    }
    case "user-disabled":
      return "Your console account is disabled. Ask an administrator to enable it.";
    case "username-taken":
      return `The console already has a local account named "${refusal.username}", so your ${provider} sign-in cannot take that name. Ask an administrator.`;
    case "next-outside-console":
      return "The sign-in link pointed outside the console, so it was refused. Start again from the console.";
    case "transaction-missing":
    case "transaction-expired":
    case "transaction-forged":
    case "state-mismatch":
      return `The sign-in with ${provider} could not be matched to one this browser started (it may have expired). Try again.`;
    case "provider-unreachable":
      return `${provider} cannot be reached right now. Try again later, or ask an administrator to check the console's log.`;
    case "provider-error":
      return `${provider} did not sign you in${refusal.detail ? ` (${refusal.detail})` : ""}.`;
    default:
      return `The answer from ${provider} failed the console's checks (${refusal.reason}), so the sign-in was refused and recorded. Try again.`;
  }
}
