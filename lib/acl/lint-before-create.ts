// The linter on bindings about to be created, against those the cluster already holds, so a
// principal that never matches, an ALLOW an existing DENY makes useless, or a binding that already
// exists is said in the preview (and in the REST answer) rather than afterwards. Pure: the create
// form runs it in the browser, the server before creating.
import { lintAcls, type AclLintContext, type AclLintFinding, type AclLintSeverity } from "./lint";
import { bindingKey, describeBinding, type AclBinding } from "./types";

/** Findings that concern at least one of `wanted`; `existing` only as what they are compared with. */
export function lintBeforeCreate(
  wanted: readonly AclBinding[],
  existing: readonly AclBinding[],
  context: Pick<AclLintContext, "topics" | "groups"> = {},
): AclLintFinding[] {
  const existingKeys = new Set(existing.map(bindingKey));
  const already = wanted.filter((binding) => existingKeys.has(bindingKey(binding)));
  const fresh = wanted.filter((binding) => !existingKeys.has(bindingKey(binding)));
  const freshKeys = new Set(fresh.map(bindingKey));
  const concernsFresh = (finding: AclLintFinding) =>
    finding.bindings.some((binding) => freshKeys.has(bindingKey(binding)));
  const findings = lintAcls([...existing, ...fresh], context).filter(concernsFresh);
  // Scoped to the new bindings: a principal finding lists only those, not the existing ones too.
  const scoped = findings.map((finding) =>
    finding.code === "wildcard-principal" || finding.code === "principal-type"
      ? { ...finding, bindings: finding.bindings.filter((binding) => freshKeys.has(bindingKey(binding))) }
      : finding,
  );
  const duplicates: AclLintFinding[] = already.map((binding) => ({
    severity: "warning",
    code: "duplicate",
    message: `${describeBinding(binding)} already exists; creating it again changes nothing`,
    bindings: [binding],
  }));
  return sortBySeverity([...scoped, ...duplicates]);
}

const SEVERITY_ORDER: Record<AclLintSeverity, number> = { error: 0, warning: 1, info: 2 };

function sortBySeverity(findings: AclLintFinding[]): AclLintFinding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index,
    )
    .map(({ finding }) => finding);
}

export interface BindingFlags {
  /** The findings about this binding, worst first; undefined when there are none. */
  get(binding: AclBinding): AclLintFinding[] | undefined;
}

/** Findings by the bindings they concern, so a table row or an access entry can show its flag. */
export function flagsByBinding(findings: readonly AclLintFinding[]): BindingFlags {
  const byKey = new Map<string, AclLintFinding[]>();
  for (const finding of sortBySeverity([...findings])) {
    for (const binding of finding.bindings) {
      const key = bindingKey(binding);
      const list = byKey.get(key);
      if (!list) byKey.set(key, [finding]);
      else if (!list.includes(finding)) list.push(finding);
    }
  }
  return { get: (binding) => byKey.get(bindingKey(binding)) };
}

/** Findings about a principal itself (it never matches, or is not a User:), by principal. */
export function flagsByPrincipal(findings: readonly AclLintFinding[]): Map<string, AclLintFinding[]> {
  const byPrincipal = new Map<string, AclLintFinding[]>();
  for (const finding of sortBySeverity([...findings])) {
    if (finding.code !== "wildcard-principal" && finding.code !== "principal-type") continue;
    const principal = finding.bindings[0]?.principal;
    if (principal === undefined) continue;
    byPrincipal.set(principal, [...(byPrincipal.get(principal) ?? []), finding]);
  }
  return byPrincipal;
}
