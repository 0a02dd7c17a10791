import "server-only";

// Why a single sign-on attempt was refused, carried to the sign-in page in its address, sealed: the
// page shows only what the console wrote, never text a crafted link put there.
import { loginPath } from "@/lib/paths";

import { sessionKeys } from "../settings";
import { sealValue, unsealValue } from "./sealed-value";

const NOTICE_TTL_MS = 5 * 60_000;

export function loginPathWithNotice(message: string): string {
  const sealed = sealValue(
    { message },
    { key: sessionKeys().oidc, label: "oidc-notice/v1", ttlMs: NOTICE_TTL_MS },
  );
  return `${loginPath()}?sso=${sealed}`;
}

/** The refusal's message, or undefined when the value is missing, expired or not the console's. */
export function readSsoNotice(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const opened = unsealValue(value, { key: sessionKeys().oidc, label: "oidc-notice/v1" });
  if (!opened.ok) return undefined;
  const message = (opened.value as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : undefined;
}
