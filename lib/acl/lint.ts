// Findings about a set of bindings: mistakes that make an ACL useless (never matching principals,
// shadowed ALLOWs, duplicates) and loose ends (ACLs on missing topics, certificates without ACLs).
import { WILDCARD_PRINCIPAL, WILDCARD_RESOURCE } from "./matcher";
import { bindingKey, describeBinding, type AclBinding } from "./types";

export type AclLintSeverity = "error" | "warning" | "info";

export type AclLintCode =
  | "wildcard-principal"
  | "principal-type"
  | "shadowed-by-deny"
  | "duplicate"
  | "unknown-topic"
  | "unknown-group"
  | "certificate-without-acls";

export interface AclLintFinding {
  severity: AclLintSeverity;
  code: AclLintCode;
  message: string;
  /** The bindings concerned; for a shadowed ALLOW, the ALLOW first and then the DENYs. */
  bindings: AclBinding[];
  /** For findings about a principal without bindings (a certificate's CN). */
  principal?: string;
}

export interface AclLintContext {
  /** Existing topic names; without them the topic check is skipped. */
  topics?: readonly string[];
  groups?: readonly string[];
  /** CNs of the certificates in the CA inventory (one CA for every cluster). */
  certificateCommonNames?: readonly string[];
  /** The cluster whose bindings these are: a certificate without bindings is so on this cluster only. */
  cluster?: string;
}

export function lintAcls(bindings: readonly AclBinding[], context: AclLintContext = {}): AclLintFinding[] {
  return [
    ...wildcardPrincipals(bindings),
    ...principalTypes(bindings),
    ...shadowedByDeny(bindings),
    ...duplicates(bindings),
    ...unknownResources(bindings, "TOPIC", context.topics),
    ...unknownResources(bindings, "GROUP", context.groups),
    ...certificatesWithoutAcls(bindings, context.certificateCommonNames, context.cluster),
  ];
}

function wildcardPrincipals(bindings: readonly AclBinding[]): AclLintFinding[] {
  return groupBy(
    bindings.filter((binding) => binding.principal.includes("*") && binding.principal !== WILDCARD_PRINCIPAL),
    (binding) => binding.principal,
  ).map(([principal, concerned]) => ({
    severity: "error",
    code: "wildcard-principal",
    message: `${principal} never matches anyone: Kafka has no wildcards inside principal names, only exactly ${WILDCARD_PRINCIPAL}`,
    bindings: concerned,
  }));
}

function principalTypes(bindings: readonly AclBinding[]): AclLintFinding[] {
  return groupBy(
    bindings.filter((binding) => !binding.principal.startsWith("User:")),
    (binding) => binding.principal,
  ).map(([principal, concerned]) => ({
    severity: "warning",
    code: "principal-type",
    message: `${principal} is not a User: principal; clients authenticated by certificate or SASL are User:<name>, so it likely never matches`,
    bindings: concerned,
  }));
}

/** Whether every request the ALLOW grants is also blocked by the DENY. */
function denyCovers(deny: AclBinding, allow: AclBinding): boolean {
  if (deny.principal !== allow.principal && deny.principal !== WILDCARD_PRINCIPAL) return false;
  if (deny.host !== "*" && deny.host !== allow.host) return false;
  if (deny.resourceType !== allow.resourceType) return false;
  if (deny.operation !== "ALL" && deny.operation !== allow.operation) return false;
  if (deny.patternType === "LITERAL") {
    if (deny.resourceName === WILDCARD_RESOURCE) return true;
    return allow.patternType === "LITERAL" && allow.resourceName === deny.resourceName;
  }
  return allow.resourceName.startsWith(deny.resourceName) && allow.resourceName !== WILDCARD_RESOURCE;
}

function shadowedByDeny(bindings: readonly AclBinding[]): AclLintFinding[] {
  // Only a DENY of the same principal (or User:*) and resource type can cover an ALLOW.
  const denies = new Map(
    groupBy(
      bindings.filter((binding) => binding.permission === "DENY"),
      (deny) => `${deny.resourceType} ${deny.principal}`,
    ),
  );
  return bindings.flatMap((allow): AclLintFinding[] => {
    if (allow.permission !== "ALLOW") return [];
    const candidates = [
      ...(denies.get(`${allow.resourceType} ${allow.principal}`) ?? []),
      ...(allow.principal === WILDCARD_PRINCIPAL
        ? []
        : (denies.get(`${allow.resourceType} ${WILDCARD_PRINCIPAL}`) ?? [])),
    ];
    const shadowing = candidates.filter((deny) => denyCovers(deny, allow));
    if (!shadowing.length) return [];
    return [
      {
        severity: "warning",
        code: "shadowed-by-deny",
        message: `${describeBinding(allow)} has no effect: ${describeBinding(shadowing[0]!)} wins`,
        bindings: [allow, ...shadowing],
      },
    ];
  });
}

function duplicates(bindings: readonly AclBinding[]): AclLintFinding[] {
  return groupBy(bindings, bindingKey)
    .filter(([, same]) => same.length > 1)
    .map(([, same]) => ({
      severity: "warning",
      code: "duplicate",
      message: `${describeBinding(same[0]!)} appears ${same.length} times`,
      bindings: same,
    }));
}

function unknownResources(
  bindings: readonly AclBinding[],
  resourceType: "TOPIC" | "GROUP",
  existing: readonly string[] | undefined,
): AclLintFinding[] {
  if (!existing) return [];
  const names = new Set(existing);
  const noun = resourceType === "TOPIC" ? "topic" : "group";
  return bindings.flatMap((binding): AclLintFinding[] => {
    if (binding.resourceType !== resourceType || binding.resourceName === WILDCARD_RESOURCE) return [];
    const found =
      binding.patternType === "LITERAL"
        ? names.has(binding.resourceName)
        : existing.some((name) => name.startsWith(binding.resourceName));
    if (found) return [];
    return [
      {
        severity: "info",
        code: resourceType === "TOPIC" ? "unknown-topic" : "unknown-group",
        message:
          binding.patternType === "LITERAL"
            ? `No ${noun} named ${binding.resourceName} exists (yet)`
            : `No ${noun} starts with ${binding.resourceName} (yet)`,
        bindings: [binding],
      },
    ];
  });
}

function certificatesWithoutAcls(
  bindings: readonly AclBinding[],
  commonNames: readonly string[] | undefined,
  cluster: string | undefined,
): AclLintFinding[] {
  if (!commonNames) return [];
  const where = cluster === undefined ? "" : ` on ${cluster}`;
  const principals = new Set(bindings.map((binding) => binding.principal));
  return [...new Set(commonNames)]
    .filter((cn) => !principals.has(`User:${cn}`))
    .map((cn) => ({
      severity: "info",
      code: "certificate-without-acls",
      message: `The certificate for CN ${cn} has no ACLs of its own${where}: User:${cn} can only do what User:* may`,
      bindings: [],
      principal: `User:${cn}`,
    }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return [...groups.entries()];
}
