// Confluent REST v3 ACLs, the pure parts: the query filter (ANY and MATCH as Kafka's AclBindingFilter
// reads them), the create body as the console's binding, and the KafkaAcl shapes. Creating goes
// through aclBindingSchema (the page's validation); deleting resolves the filter to the bindings the
// broker lists and deletes exactly those, as the ACL page does.
import { z } from "zod";

import { OPERATIONS, PATTERN_TYPES, PERMISSIONS, RESOURCE_TYPES, type AclBinding } from "@/lib/acl/types";

const anyOf = <T extends readonly string[]>(values: T, what: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && value !== "" ? value.toUpperCase() : undefined),
    z
      .enum(["ANY", ...values] as [string, ...string[]], {
        error: `${what} is one of ANY, ${values.join(", ")}`,
      })
      .optional(),
  );

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const aclQuerySchema = z.object({
  resource_type: anyOf(RESOURCE_TYPES, "resource_type"),
  resource_name: z.preprocess(emptyToUndefined, z.string().max(1_000).optional()),
  pattern_type: anyOf([...PATTERN_TYPES, "MATCH"] as const, "pattern_type"),
  principal: z.preprocess(emptyToUndefined, z.string().max(1_000).optional()),
  host: z.preprocess(emptyToUndefined, z.string().max(1_000).optional()),
  operation: anyOf(OPERATIONS, "operation"),
  permission: anyOf(PERMISSIONS, "permission"),
});
export type AclQuery = z.infer<typeof aclQuerySchema>;

/** Whether a binding falls under the filter, as Kafka's AclBindingFilter matches. */
export function matchesAclQuery(binding: AclBinding, query: AclQuery): boolean {
  const any = (value: string | undefined) => value === undefined || value === "ANY";
  if (!any(query.resource_type) && binding.resourceType !== query.resource_type) return false;
  if (!any(query.operation) && binding.operation !== query.operation) return false;
  if (!any(query.permission) && binding.permission !== query.permission) return false;
  if (query.principal !== undefined && binding.principal !== query.principal) return false;
  if (query.host !== undefined && binding.host !== query.host) return false;
  const name = query.resource_name;
  switch (query.pattern_type) {
    case "MATCH":
      if (name === undefined) return true;
      return binding.patternType === "PREFIXED"
        ? name.startsWith(binding.resourceName)
        : binding.resourceName === name || binding.resourceName === "*";
    case "LITERAL":
    case "PREFIXED":
      return (
        binding.patternType === query.pattern_type && (name === undefined || binding.resourceName === name)
      );
    default:
      return name === undefined || binding.resourceName === name;
  }
}

/** The create body in Confluent's names; the console's schema checks it further (operation per type, host). */
export const createAclBodySchema = z.object({
  resource_type: z.string({ error: "resource_type is required" }),
  resource_name: z.string({ error: "resource_name is required" }),
  pattern_type: z.string({ error: "pattern_type is LITERAL or PREFIXED" }),
  principal: z.string({ error: "principal is required, e.g. User:alice" }),
  host: z.string().optional(),
  operation: z.string({ error: "operation is required" }),
  permission: z.string({ error: "permission is ALLOW or DENY" }),
});

export function bindingOfBody(body: z.infer<typeof createAclBodySchema>): AclBinding {
  return {
    principal: body.principal,
    host: body.host ?? "*",
    resourceType: body.resource_type.toUpperCase() as AclBinding["resourceType"],
    resourceName: body.resource_name,
    patternType: body.pattern_type.toUpperCase() as AclBinding["patternType"],
    operation: body.operation.toUpperCase() as AclBinding["operation"],
    permission: body.permission.toUpperCase() as AclBinding["permission"],
  };
}

/** The list's address for exactly this binding (its self link). */
function bindingQuery(binding: AclBinding): string {
  return new URLSearchParams({
    resource_type: binding.resourceType,
    resource_name: binding.resourceName,
    pattern_type: binding.patternType,
    principal: binding.principal,
    host: binding.host,
    operation: binding.operation,
    permission: binding.permission,
  }).toString();
}

export function aclData(clusterId: string, base: string, binding: AclBinding) {
  return {
    kind: "KafkaAcl",
    metadata: { self: `${base}/acls?${bindingQuery(binding)}` },
    cluster_id: clusterId,
    resource_type: binding.resourceType,
    resource_name: binding.resourceName,
    pattern_type: binding.patternType,
    principal: binding.principal,
    host: binding.host,
    operation: binding.operation,
    permission: binding.permission,
  };
}

export function aclList(clusterId: string, base: string, self: string, bindings: readonly AclBinding[]) {
  return {
    kind: "KafkaAclList",
    metadata: { self, next: null },
    data: bindings.map((binding) => aclData(clusterId, base, binding)),
  };
}
