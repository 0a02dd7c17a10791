// ACL requests on one admin client, between the console's AclBinding and the protocol's numeric enums.
// No pool, no audit: lib/server/kafka/acls.ts adds those; integration tests call these with any Admin.
import {
  AclOperations,
  AclPermissionTypes,
  ResourcePatternTypes,
  ResourceTypes,
  type Acl,
  type AclFilter,
  type Admin,
} from "@platformatic/kafka";

import type { AclLintFinding } from "@/lib/acl/lint";
import { lintBeforeCreate } from "@/lib/acl/lint-before-create";
import {
  bindingKey,
  OPERATIONS,
  PATTERN_TYPES,
  PERMISSIONS,
  RESOURCE_TYPES,
  type AclBinding,
} from "@/lib/acl/types";

/** Every binding the broker holds: one DescribeAcls request with an ANY filter. */
export async function describeAllAcls(admin: Admin): Promise<AclBinding[]> {
  const resources = await admin.describeAcls({
    filter: {
      resourceType: ResourceTypes.ANY,
      resourceName: null,
      resourcePatternType: ResourcePatternTypes.ANY,
      principal: null,
      host: null,
      operation: AclOperations.ANY,
      permissionType: AclPermissionTypes.ANY,
    },
  });
  return resources.flatMap((resource) =>
    resource.acls.flatMap((acl) => {
      const binding = toBinding({ ...acl, ...resource });
      return binding ? [binding] : [];
    }),
  );
}

/**
 * The linter on bindings about to be created, against the cluster's bindings, topics and groups; a
 * list the console may not read only leaves its checks out (the create itself says what is wrong).
 */
export async function lintAgainstCluster(
  admin: Admin,
  wanted: readonly AclBinding[],
): Promise<AclLintFinding[]> {
  const [existing, topics, groups] = await Promise.all([
    describeAllAcls(admin).catch(() => []),
    admin.listTopics({ includeInternals: true }).catch(() => undefined),
    admin
      .listGroups()
      .then((listed) => [...listed.keys()])
      .catch(() => undefined),
  ]);
  return lintBeforeCreate(wanted, existing, { topics, groups });
}

/**
 * Creates the bindings, then waits (briefly, without failing) until DescribeAcls shows them: the broker
 * answers once the controller committed them, but lists from a cache that follows a moment later, and
 * the page reloads its list right after a change.
 */
export async function createAclBindings(
  admin: Admin,
  bindings: readonly AclBinding[],
  options: { visibleWithinMs?: number } = {},
): Promise<void> {
  if (!bindings.length) return;
  await admin.createAcls({ creations: bindings.map(toAcl) });
  await untilListed(admin, bindings, true, options.visibleWithinMs ?? VISIBLE_WITHIN_MS);
}

/**
 * One EXACT filter per binding (never ANY or MATCH, no null field), so only the chosen bindings go;
 * answers what the broker says it deleted.
 */
export async function deleteAclBindings(
  admin: Admin,
  bindings: readonly AclBinding[],
): Promise<AclBinding[]> {
  if (!bindings.length) return [];
  const filters: AclFilter[] = bindings.map(toAcl);
  const deleted = (await admin.deleteAcls({ filters })).flatMap((acl) => {
    const binding = toBinding(acl);
    return binding ? [binding] : [];
  });
  await untilListed(admin, deleted, false, VISIBLE_WITHIN_MS);
  return deleted;
}

const VISIBLE_WITHIN_MS = 2_000;

async function untilListed(
  admin: Admin,
  bindings: readonly AclBinding[],
  present: boolean,
  withinMs: number,
) {
  const wanted = bindings.map(bindingKey);
  const deadline = Date.now() + withinMs;
  try {
    while (Date.now() < deadline) {
      const listed = new Set((await describeAllAcls(admin)).map(bindingKey));
      if (wanted.every((key) => listed.has(key) === present)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch {
    // The change itself succeeded; a list that cannot be read now is the page's problem to report.
  }
}

export function toAcl(binding: AclBinding): Acl {
  return {
    resourceType: ResourceTypes[binding.resourceType],
    resourceName: binding.resourceName,
    resourcePatternType: ResourcePatternTypes[binding.patternType],
    principal: binding.principal,
    host: binding.host,
    operation: AclOperations[binding.operation],
    permissionType: AclPermissionTypes[binding.permission],
  };
}

/** Undefined for values the console does not model (e.g. an operation added by a newer Kafka). */
export function toBinding(acl: Acl): AclBinding | undefined {
  const resourceType = labelOf(ResourceTypes, RESOURCE_TYPES, acl.resourceType);
  const patternType = labelOf(ResourcePatternTypes, PATTERN_TYPES, acl.resourcePatternType);
  const operation = labelOf(AclOperations, OPERATIONS, acl.operation);
  const permission = labelOf(AclPermissionTypes, PERMISSIONS, acl.permissionType);
  if (!resourceType || !patternType || !operation || !permission) return undefined;
  return {
    principal: acl.principal,
    host: acl.host,
    resourceType,
    resourceName: acl.resourceName,
    patternType,
    operation,
    permission,
  };
}

function labelOf<L extends string>(
  enumeration: Record<string, number>,
  labels: readonly L[],
  value: number,
): L | undefined {
  return labels.find((label) => enumeration[label] === value);
}
