"use client";

import { usePathname, useRouter } from "next/navigation";
import { ClusterHealthIndicator } from "@/components/cluster/cluster-health-indicator";
import { RegistryHealthIndicator } from "@/components/schema-registry/registry-health-indicator";
import { sameKindOfPage } from "@/lib/paths";
import { type ShellClusters, useCurrentCluster } from "./use-current-cluster";

/**
 * The header's cluster: its health, and with more than one cluster a choice that keeps the kind of
 * page (a topic leads to the other cluster's topic list; a list keeps its search).
 */
export function ClusterSwitcher({ clusters }: { clusters: ShellClusters }) {
  const current = useCurrentCluster(clusters);
  const pathname = usePathname();
  const router = useRouter();
  if (current === undefined) return null;
  return (
    <div className="flex min-w-0 items-center gap-2">
      {clusters.names.length > 1 && (
        <select
          aria-label="Cluster"
          value={current}
          onChange={(event) =>
            router.push(sameKindOfPage(pathname, event.target.value, window.location.search))
          }
          className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          {clusters.names.map((name) => (
            <option key={name} value={name}>
              {name}
              {name === clusters.defaultCluster ? " (default)" : ""}
            </option>
          ))}
        </select>
      )}
      {/* Keyed: another cluster's light starts from its own state, not the last one's. */}
      <ClusterHealthIndicator key={current} cluster={current} />
      <RegistryHealthIndicator key={`${current}-registry`} cluster={current} />
    </div>
  );
}
