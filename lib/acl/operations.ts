// Which operations Kafka defines for each resource type (AclEntry.supportedOperations), and which
// operations an ALLOW implies. Used by the form (only valid combinations are offered), the schemas and
// the matcher.
import type { AclOperation, AclResourceType } from "./types";

export const OPERATIONS_BY_RESOURCE: Record<AclResourceType, readonly AclOperation[]> = {
  TOPIC: [
    "ALL",
    "READ",
    "WRITE",
    "CREATE",
    "DELETE",
    "ALTER",
    "DESCRIBE",
    "DESCRIBE_CONFIGS",
    "ALTER_CONFIGS",
  ],
  GROUP: ["ALL", "READ", "DELETE", "DESCRIBE"],
  CLUSTER: [
    "ALL",
    "CREATE",
    "CLUSTER_ACTION",
    "DESCRIBE_CONFIGS",
    "ALTER_CONFIGS",
    "IDEMPOTENT_WRITE",
    "ALTER",
    "DESCRIBE",
  ],
  TRANSACTIONAL_ID: ["ALL", "DESCRIBE", "WRITE"],
  DELEGATION_TOKEN: ["ALL", "DESCRIBE"],
  USER: ["ALL", "CREATE_TOKENS", "DESCRIBE_TOKENS"],
};

export function isOperationValidFor(resourceType: AclResourceType, operation: AclOperation): boolean {
  return OPERATIONS_BY_RESOURCE[resourceType].includes(operation);
}

/** Kafka's implications: READ, WRITE, DELETE and ALTER imply DESCRIBE; ALTER_CONFIGS implies DESCRIBE_CONFIGS. */
const IMPLIED: Partial<Record<AclOperation, readonly AclOperation[]>> = {
  DESCRIBE: ["READ", "WRITE", "DELETE", "ALTER"],
  DESCRIBE_CONFIGS: ["ALTER_CONFIGS"],
};

/**
 * The operations whose ALLOW grants `operation`: itself, ALL, and those that imply it. A DENY only
 * blocks its own operation or ALL: DENY READ does not deny DESCRIBE.
 */
export function impliedOperations(operation: AclOperation): AclOperation[] {
  const candidates: AclOperation[] = [operation, "ALL", ...(IMPLIED[operation] ?? [])];
  return candidates.filter((candidate, index, all) => all.indexOf(candidate) === index);
}
