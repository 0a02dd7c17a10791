// Is the cluster usable, and what does it look like: the check behind the overview page and the header badge.
import type { ClusterStatus } from "@/lib/schemas/cluster";

import { fetchApiVersions } from "./api-versions";
import { fetchClusterMetadata } from "./cluster-metadata";
import { summarizeCluster } from "./cluster-overview";
import type { ClusterPool } from "./cluster-pool";

export async function checkClusterStatus(
  cluster: string,
  withAdmin: ClusterPool["withAdmin"],
): Promise<ClusterStatus> {
  const result = await withAdmin(cluster, async (admin) => {
    // Both go to the same bootstrap connection; fresh answers, nothing kept from an earlier check.
    const [metadata, apiVersions] = await Promise.all([fetchClusterMetadata(admin), fetchApiVersions(admin)]);
    return summarizeCluster(cluster, metadata, apiVersions, new Date());
  });
  return result.ok
    ? { ok: true, overview: result.data }
    : { ok: false, cluster, problem: result.problem, checkedAt: new Date().toISOString() };
}
