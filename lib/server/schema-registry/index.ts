import "server-only";

// Each cluster's schema registry client, built from the configuration once, and its health check.
import { getConfig } from "@/lib/server/config";
import type { RegistryHealth } from "@/lib/schemas/schema-registry";
import type { SchemaRegistryConnection } from "@/lib/schemas/schema-registry-config";

import { SchemaRegistryClient } from "./client";

export { SchemaRegistryClient } from "./client";
export type {
  CompatibilityCheck,
  CompatibilityLevel,
  NewSchema,
  RegisteredSchema,
  SchemaReference,
  SchemaType,
  SubjectVersion,
  VersionSelector,
} from "./client";
export type { RegistryProblem, RegistryProblemKind, RegistryResult } from "./problems";

/** A health check waits this long; the header polls it, so it must not hang. */
export const HEALTH_TIMEOUT_MS = 3_000;
/** A health answer is reused this long: every open console page polls it. */
export const HEALTH_CACHE_MS = 5_000;

interface Slot {
  connection: SchemaRegistryConnection;
  client: SchemaRegistryClient;
  health?: { at: number; answer: Promise<RegistryHealth> };
}

const slots = new Map<string, Slot>();

/** The cluster's registry connection: undefined when the cluster has none (or is unknown). */
export function registryConnection(cluster: string): SchemaRegistryConnection | undefined {
  return getConfig().clusters.find((candidate) => candidate.name === cluster)?.schemaRegistry;
}

function slotFor(cluster: string): Slot | undefined {
  const connection = registryConnection(cluster);
  if (!connection) return undefined;
  const slot = slots.get(cluster);
  if (slot && slot.connection === connection) return slot;
  slot?.client.close();
  const fresh: Slot = { connection, client: new SchemaRegistryClient(connection) };
  slots.set(cluster, fresh);
  return fresh;
}

/** The cluster's registry client, or undefined when it has no registry configured. */
export function registryClient(cluster: string): SchemaRegistryClient | undefined {
  return slotFor(cluster)?.client;
}

/** Asks the registry for its global compatibility level: a light call every Confluent-API registry answers. */
export async function probeRegistry(
  connection: SchemaRegistryConnection,
  timeoutMs = HEALTH_TIMEOUT_MS,
): Promise<RegistryHealth> {
  const client = new SchemaRegistryClient(connection, timeoutMs);
  const began = performance.now();
  try {
    const result = await client.getCompatibility();
    const checkedAt = new Date().toISOString();
    if (result.ok) return { state: "reachable", checkedAt, latencyMs: Math.round(performance.now() - began) };
    const { title, hint, code } = result.problem;
    return { state: "unreachable", checkedAt, problem: { title, hint, ...(code && { code }) } };
  } finally {
    client.close();
  }
}

/** The cluster's registry health, reused for HEALTH_CACHE_MS. */
export function registryHealth(cluster: string): Promise<RegistryHealth> {
  const slot = slotFor(cluster);
  if (!slot) return Promise.resolve({ state: "not-configured" });
  const now = Date.now();
  if (slot.health && now - slot.health.at < HEALTH_CACHE_MS) return slot.health.answer;
  const answer = probeRegistry(slot.connection);
  slot.health = { at: now, answer };
  return answer;
}
