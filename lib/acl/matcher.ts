// Kafka's authorizer (StandardAuthorizer) as a pure function: super users bypass, a matching DENY wins,
// otherwise a matching ALLOW (or one implying the operation) allows, and no match denies
// (allow.everyone.if.no.acl.found=false). Cross-checked against a real broker in test/integration/acls.test.ts.
import { impliedOperations, OPERATIONS_BY_RESOURCE } from "./operations";
import type { AclBinding, AclOperation, AclResource } from "./types";

export const WILDCARD_PRINCIPAL = "User:*";
export const WILDCARD_RESOURCE = "*";
export const WILDCARD_HOST = "*";

export interface AccessRequest extends AclResource {
  principal: string;
  /** The client's IP address. */
  host: string;
  operation: AclOperation;
}

export type AccessReason = "super-user" | "deny" | "allow" | "no-match";

export interface AccessDecision {
  decision: "ALLOWED" | "DENIED";
  reason: AccessReason;
  /** The DENY bindings that block, or the ALLOW bindings that grant; empty for super users and no match. */
  deciding: AclBinding[];
}

export interface CheckAccessOptions {
  /** Principals in the broker's super.users; the console can only assume these. */
  superUsers?: readonly string[];
}

/** Whether the binding's resource pattern covers the named resource. */
export function patternMatches(binding: AclBinding, resource: AclResource): boolean {
  if (binding.resourceType !== resource.resourceType) return false;
  if (binding.patternType === "PREFIXED") return resource.resourceName.startsWith(binding.resourceName);
  return binding.resourceName === WILDCARD_RESOURCE || binding.resourceName === resource.resourceName;
}

export function principalMatches(binding: AclBinding, principal: string): boolean {
  return binding.principal === principal || binding.principal === WILDCARD_PRINCIPAL;
}

export function hostMatches(binding: AclBinding, host: string): boolean {
  return binding.host === WILDCARD_HOST || binding.host === host;
}

export function checkAccess(
  bindings: readonly AclBinding[],
  request: AccessRequest,
  options: CheckAccessOptions = {},
): AccessDecision {
  if (options.superUsers?.includes(request.principal)) {
    return { decision: "ALLOWED", reason: "super-user", deciding: [] };
  }
  const matching = bindings.filter(
    (binding) =>
      principalMatches(binding, request.principal) &&
      hostMatches(binding, request.host) &&
      patternMatches(binding, request),
  );
  // A DENY blocks only its own operation or ALL: DENY READ leaves DESCRIBE alone.
  const denies = matching.filter(
    (binding) =>
      binding.permission === "DENY" &&
      (binding.operation === request.operation || binding.operation === "ALL"),
  );
  if (denies.length) return { decision: "DENIED", reason: "deny", deciding: denies };
  const granting = impliedOperations(request.operation);
  const allows = matching.filter(
    (binding) => binding.permission === "ALLOW" && granting.includes(binding.operation),
  );
  if (allows.length) return { decision: "ALLOWED", reason: "allow", deciding: allows };
  return { decision: "DENIED", reason: "no-match", deciding: [] };
}

export interface PrincipalAccess {
  principal: string;
  /** Operations explicitly allowed or denied on the resource, in Kafka's order. */
  operations: ({ operation: AclOperation } & AccessDecision)[];
}

/**
 * Who may do what on one resource: each principal with a binding covering it, and each operation of the
 * resource type that bindings allow or deny. Without a host, a binding for any host counts (the
 * answer is "from some host"; the deciding bindings show which).
 */
export function whoCan(
  bindings: readonly AclBinding[],
  resource: AclResource,
  options: CheckAccessOptions & { host?: string } = {},
): PrincipalAccess[] {
  const covering = bindings.filter((binding) => patternMatches(binding, resource));
  // Without a host every binding counts as if for any host; the answer still shows the original.
  const relevant = covering.map((binding) =>
    options.host === undefined ? { ...binding, host: WILDCARD_HOST } : binding,
  );
  const originals = new Map(relevant.map((binding, index) => [binding, covering[index]!]));
  const principals = [...new Set(relevant.map((binding) => binding.principal))].sort();
  const operations = OPERATIONS_BY_RESOURCE[resource.resourceType].filter((operation) => operation !== "ALL");
  return principals.map((principal) => ({
    principal,
    operations: operations.flatMap((operation) => {
      const decision = checkAccess(
        relevant,
        { ...resource, principal, operation, host: options.host ?? WILDCARD_HOST },
        { superUsers: options.superUsers },
      );
      if (decision.reason === "no-match") return [];
      return [
        {
          operation,
          ...decision,
          deciding: decision.deciding.map((binding) => originals.get(binding) ?? binding),
        },
      ];
    }),
  }));
}
