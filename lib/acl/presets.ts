// Presets: the exact bindings a typical client needs, previewed before anything is created.
import type { ConsumerPresetInput, ProducerPresetInput, ReadOnlyPresetInput } from "@/lib/schemas/acls";

import {
  CLUSTER_RESOURCE_NAME,
  uniqueBindings,
  type AclBinding,
  type AclOperation,
  type AclPatternType,
  type AclResourceType,
} from "./types";

interface NamePattern {
  name: string;
  patternType?: AclPatternType;
}

type Base = Pick<AclBinding, "principal" | "host">;

function allow(
  base: Base,
  resourceType: AclResourceType,
  patterns: readonly NamePattern[],
  operations: readonly AclOperation[],
): AclBinding[] {
  return patterns.flatMap((pattern) =>
    operations.map((operation) => ({
      principal: base.principal,
      host: base.host || "*",
      resourceType,
      resourceName: pattern.name,
      patternType: pattern.patternType ?? "LITERAL",
      operation,
      permission: "ALLOW" as const,
    })),
  );
}

/** READ + DESCRIBE on the topics, READ on the group (name or prefix). */
export function consumerPreset(input: ConsumerPresetInput): AclBinding[] {
  return uniqueBindings([
    ...allow(input, "TOPIC", input.topics, ["READ", "DESCRIBE"]),
    ...allow(input, "GROUP", [input.group], ["READ"]),
  ]);
}

/** WRITE + DESCRIBE on the topics; optionally IDEMPOTENT_WRITE on the cluster and a transactional id. */
export function producerPreset(input: ProducerPresetInput): AclBinding[] {
  return uniqueBindings([
    ...allow(input, "TOPIC", input.topics, ["WRITE", "DESCRIBE"]),
    ...(input.idempotent
      ? allow(input, "CLUSTER", [{ name: CLUSTER_RESOURCE_NAME }], ["IDEMPOTENT_WRITE"])
      : []),
    ...(input.transactionalId
      ? allow(input, "TRANSACTIONAL_ID", [input.transactionalId], ["WRITE", "DESCRIBE"])
      : []),
  ]);
}

/** Browsing without reading data: DESCRIBE and DESCRIBE_CONFIGS on the topics, DESCRIBE on the groups. */
export function readOnlyPreset(input: ReadOnlyPresetInput): AclBinding[] {
  return uniqueBindings([
    ...allow(input, "TOPIC", input.topics, ["DESCRIBE", "DESCRIBE_CONFIGS"]),
    ...allow(input, "GROUP", input.groups ?? [], ["DESCRIBE"]),
  ]);
}
