// Cluster queries: keys, the status fetcher and its polling hook.
import { useQuery } from "@tanstack/react-query";
import type { ClusterStatus } from "@/lib/schemas/cluster";

/** How often the console asks for a cluster's status; also how soon it notices a recovery. */
export const CLUSTER_STATUS_POLL_MS = 5_000;

export const clusterKeys = {
  all: ["clusters"] as const,
  detail: (cluster: string) => [...clusterKeys.all, cluster] as const,
  status: (cluster: string) => [...clusterKeys.detail(cluster), "status"] as const,
};

export function clusterStatusPath(cluster: string): string {
  return `/api/v1/clusters/${encodeURIComponent(cluster)}/status`;
}

interface RestError {
  error?: { code?: string; message?: string };
}

/**
 * A down cluster is not an error here: the route answers 200 with `ok: false` and a problem.
 * Throws only when the console server itself fails to answer.
 */
export async function fetchClusterStatus(cluster: string, signal?: AbortSignal): Promise<ClusterStatus> {
  const response = await fetch(clusterStatusPath(cluster), {
    signal,
    cache: "no-store",
    headers: { accept: "application/json" },
  });
  if (response.status === 404) {
    const body = (await response.json().catch(() => ({}))) as RestError;
    return {
      ok: false,
      cluster,
      checkedAt: new Date().toISOString(),
      problem: {
        kind: "unknown-cluster",
        title: body.error?.message ?? `No cluster named "${cluster}" is configured.`,
        hint: "Check the cluster name, or add the cluster to the console's configuration.",
        code: body.error?.code ?? "UNKNOWN_CLUSTER",
      },
    };
  }
  if (!response.ok) {
    throw new Error(`The console server answered ${response.status} when asked for ${cluster}'s status.`);
  }
  // Our own route's JSON, typed by the same ClusterStatus the handler returns.
  return (await response.json()) as ClusterStatus;
}

/**
 * Polls the cluster's status. Polling continues while the cluster is down, so the page recovers
 * on its own when the broker comes back; polling is the retry, hence `retry: false`.
 */
export function useClusterStatus(cluster: string, initialData?: ClusterStatus) {
  return useQuery({
    queryKey: clusterKeys.status(cluster),
    queryFn: ({ signal }) => fetchClusterStatus(cluster, signal),
    initialData,
    staleTime: CLUSTER_STATUS_POLL_MS,
    refetchInterval: CLUSTER_STATUS_POLL_MS,
    retry: false,
  });
}
