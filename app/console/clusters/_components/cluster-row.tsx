import Link from "next/link";
import type { ReactNode } from "react";
import type { ClusterStatus } from "@/lib/schemas/cluster";
import { describeKafkaVersion } from "@/lib/cluster/kafka-version";
import { clusterOverviewPath } from "@/lib/paths";
import { describeClusterHealth } from "@/components/cluster/cluster-health";
import { Badge, toneDot } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { TableCell } from "@/components/ui/table";

export interface ClusterRowIdentity {
  name: string;
  isDefault: boolean;
  authentication: string;
  tls: boolean;
}

/** The columns known without asking the cluster. */
function IdentityCells({ cluster }: { cluster: ClusterRowIdentity }) {
  return (
    <>
      <TableCell className="font-medium">
        <span className="flex items-center gap-2">
          <Link
            href={clusterOverviewPath(cluster.name)}
            className="text-sky-700 hover:underline dark:text-sky-400"
          >
            {cluster.name}
          </Link>
          {cluster.isDefault && <Badge>default</Badge>}
        </span>
      </TableCell>
      <TableCell>
        {cluster.authentication}
        {cluster.tls && cluster.authentication !== "mTLS" && cluster.authentication !== "TLS only" && (
          <span className="text-zinc-500"> over TLS</span>
        )}
      </TableCell>
    </>
  );
}

const numberCell = (value: ReactNode) => <TableCell className="text-right tabular-nums">{value}</TableCell>;

export function ClusterRow({ cluster, status }: { cluster: ClusterRowIdentity; status: ClusterStatus }) {
  const health = describeClusterHealth(status);
  const overview = status.ok ? status.overview : undefined;
  const version = overview && describeKafkaVersion(overview.apiVersions, overview.finalizedFeatures);
  return (
    <tr>
      <IdentityCells cluster={cluster} />
      <TableCell>
        <span className="flex items-center gap-2" title={health.detail}>
          <span aria-hidden="true" className={cn("size-2.5 shrink-0 rounded-full", toneDot[health.tone])} />
          <span>{health.label}</span>
        </span>
        {health.detail && <span className="block text-xs text-zinc-500">{health.detail}</span>}
      </TableCell>
      <TableCell title={version?.basis}>{version?.label ?? "–"}</TableCell>
      {numberCell(overview?.brokers.length ?? "–")}
      {numberCell(overview?.topicCount ?? "–")}
      {numberCell(overview?.partitionCount ?? "–")}
      {numberCell(overview?.underReplicatedPartitions ?? "–")}
      {numberCell(overview?.offlinePartitions ?? "–")}
    </tr>
  );
}

/** While the cluster is asked: its name and authentication already, "Checking…" for the rest. */
export function ClusterRowPending({ cluster }: { cluster: ClusterRowIdentity }) {
  return (
    <tr>
      <IdentityCells cluster={cluster} />
      <TableCell colSpan={7} className="text-zinc-500">
        Checking…
      </TableCell>
    </tr>
  );
}
