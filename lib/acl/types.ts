// The ACL vocabulary shared by the console, the server and the REST API. Pure: no I/O, safe in client
// components. Names follow Kafka's enums so a binding reads the same here as in kafka-acls.sh.

export const RESOURCE_TYPES = [
  "TOPIC",
  "GROUP",
  "CLUSTER",
  "TRANSACTIONAL_ID",
  "DELEGATION_TOKEN",
  "USER",
] as const;
export type AclResourceType = (typeof RESOURCE_TYPES)[number];

export const PATTERN_TYPES = ["LITERAL", "PREFIXED"] as const;
export type AclPatternType = (typeof PATTERN_TYPES)[number];

export const OPERATIONS = [
  "ALL",
  "READ",
  "WRITE",
  "CREATE",
  "DELETE",
  "ALTER",
  "DESCRIBE",
  "CLUSTER_ACTION",
  "DESCRIBE_CONFIGS",
  "ALTER_CONFIGS",
  "IDEMPOTENT_WRITE",
  "CREATE_TOKENS",
  "DESCRIBE_TOKENS",
] as const;
export type AclOperation = (typeof OPERATIONS)[number];

export const PERMISSIONS = ["ALLOW", "DENY"] as const;
export type AclPermission = (typeof PERMISSIONS)[number];

export interface AclBinding {
  /** "Type:name", e.g. "User:orders-service"; "User:*" matches every principal. */
  principal: string;
  /** "*" or one IP address. */
  host: string;
  resourceType: AclResourceType;
  resourceName: string;
  patternType: AclPatternType;
  operation: AclOperation;
  permission: AclPermission;
}

/** The resource a binding (or a request) is about. */
export interface AclResource {
  resourceType: AclResourceType;
  resourceName: string;
}

/** Kafka names the one cluster resource "kafka-cluster". */
export const CLUSTER_RESOURCE_NAME = "kafka-cluster";

/** A stable identity: two bindings with the same key are the same ACL to Kafka. */
export function bindingKey(binding: AclBinding): string {
  return JSON.stringify([
    binding.principal,
    binding.host,
    binding.resourceType,
    binding.patternType,
    binding.resourceName,
    binding.operation,
    binding.permission,
  ]);
}

/** One readable line, for the audit log and confirmations: "ALLOW User:a READ on TOPIC orders (LITERAL) from *". */
export function describeBinding(binding: AclBinding): string {
  const name = binding.patternType === "PREFIXED" ? `${binding.resourceName}*` : binding.resourceName;
  return (
    `${binding.permission} ${binding.principal} ${binding.operation} on ` +
    `${binding.resourceType} ${name} (${binding.patternType}) from ${binding.host}`
  );
}

/** Removes bindings with the same key, keeping the first. */
export function uniqueBindings(bindings: readonly AclBinding[]): AclBinding[] {
  const seen = new Set<string>();
  return bindings.filter((binding) => {
    const key = bindingKey(binding);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
