// The console role of a single sign-on user, from the provider's claims: the values at the configured
// claim (a name, or a dotted path into nested claims), matched against the ordered rules. Pure, so the
// rules are tested without a provider.
import type { Role } from "@/lib/schemas/auth";
import type { OidcSettings, RoleMapping } from "@/lib/schemas/auth-config";

/** The most values read from one claim: a user in thousands of groups is read, but not endlessly. */
const MAX_VALUES = 1000;

/**
 * The strings at `path` in the claims. A key that itself contains dots (Auth0's namespaced
 * "https://example.com/roles") is tried whole before the path is followed segment by segment.
 */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  const value = Object.hasOwn(claims, path) ? claims[path] : followPath(claims, path.split("."));
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list
    .filter((item): item is string | number | boolean =>
      ["string", "number", "boolean"].includes(typeof item),
    )
    .map(String)
    .slice(0, MAX_VALUES);
}

function followPath(value: unknown, segments: string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

export type RoleDecision =
  /** rule: the mapping that matched; null when the default role applied. */
  { ok: true; role: Role; rule: RoleMapping | null; values: string[] } | { ok: false; values: string[] };

/** The first rule (in the configured order) whose value the claim holds; else the default role, if any. */
export function decideRole(
  claims: Record<string, unknown>,
  settings: Pick<OidcSettings, "roleClaim" | "roleMappings" | "defaultRole">,
): RoleDecision {
  const values = claimValues(claims, settings.roleClaim);
  const held = new Set(values);
  const rule = settings.roleMappings.find((mapping) => held.has(mapping.value));
  if (rule) return { ok: true, role: rule.role, rule, values };
  if (settings.defaultRole !== "none") return { ok: true, role: settings.defaultRole, rule: null, values };
  return { ok: false, values };
}
