// Schema registry queries: the health fetcher and its polling hook.
import { useQuery } from "@tanstack/react-query";

import type { RegistryHealth } from "@/lib/schemas/schema-registry";

/** The header asks this often; the server reuses an answer for 5 s. */
export const REGISTRY_HEALTH_POLL_MS = 15_000;

export const registryKeys = {
  health: (cluster: string) => ["clusters", cluster, "schema-registry", "health"] as const,
};

export function registryHealthPath(cluster: string): string {
  return `/api/v1/clusters/${encodeURIComponent(cluster)}/schema-registry/health`;
}

/** A down registry is not an error: the route answers 200 with its state. Throws when the console server fails. */
export async function fetchRegistryHealth(cluster: string, signal?: AbortSignal): Promise<RegistryHealth> {
  const response = await fetch(registryHealthPath(cluster), {
    signal,
    cache: "no-store",
    headers: { accept: "application/json" },
  });
  if (!response.ok) throw new Error(`The console server answered ${response.status}.`);
  // Our own route's JSON, typed by the same RegistryHealth the handler returns.
  return (await response.json()) as RegistryHealth;
}

export function useRegistryHealth(cluster: string) {
  return useQuery({
    queryKey: registryKeys.health(cluster),
    queryFn: ({ signal }) => fetchRegistryHealth(cluster, signal),
    staleTime: REGISTRY_HEALTH_POLL_MS,
    refetchInterval: REGISTRY_HEALTH_POLL_MS,
    retry: false,
  });
}
