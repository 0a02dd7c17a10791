import "server-only";

// The process's one v2 consumer registry, built from the configuration (restProxy) on first use. It
// lives on globalThis (a dev reload must not forget open instances) and closes them on SIGTERM/SIGINT.
import { authSettings } from "@/lib/server/auth/settings";
import { getConfig } from "@/lib/server/config";
import { publicBaseUrl } from "@/lib/server/confluent";
import { openV2GroupConsumer } from "@/lib/server/kafka";

import { ConsumerRegistry } from "./consumer-registry";

const REGISTRY = Symbol.for("kafka-console.confluent-v2.consumers");
type GlobalWithRegistry = typeof globalThis & { [REGISTRY]?: ConsumerRegistry };
const shared = globalThis as GlobalWithRegistry;

/** The cluster v2 paths (which carry none) work on: the configured default cluster, else the first. */
export function v2Cluster(): string {
  const { defaultCluster, clusters } = getConfig();
  return defaultCluster ?? clusters[0]?.name ?? "";
}

export function consumerRegistry(): ConsumerRegistry {
  const existing = shared[REGISTRY];
  if (existing) return existing;
  const { restProxy } = getConfig();
  const cluster = v2Cluster();
  const registry = new ConsumerRegistry({
    idleMs: restProxy.consumerIdleSeconds * 1000,
    maxPerHolder: restProxy.maxConsumersPerToken,
    open: (group, options) => {
      const consumer = openV2GroupConsumer(cluster, group, options);
      if (!consumer) throw new Error(`The v2 consumer API's cluster ${cluster} is not configured.`);
      return consumer;
    },
  });
  shared[REGISTRY] = registry;
  for (const signal of ["SIGTERM", "SIGINT"] as const)
    process.once(signal, () => void registry.closeAll().catch(() => {}));
  return registry;
}

/**
 * The base_uri of an instance: restProxy.publicUrl, else CONSOLE_PUBLIC_URL (as the v3 links), else the
 * address the client called (X-Forwarded-Host/-Proto behind a trusted proxy).
 */
export function instanceBaseUri(request: Request, group: string, name: string): string {
  const base = publicBaseUrl(request, {
    publicUrl: getConfig().restProxy.publicUrl,
    trustProxy: authSettings().trustProxy,
  });
  return `${base}/consumers/${encodeURIComponent(group)}/instances/${encodeURIComponent(name)}`;
}
