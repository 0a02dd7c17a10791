import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePagePermission } from "@/lib/server/auth";
import { defaultClusterName, getClusterStatusWithin, listClusterConnections } from "@/lib/server/kafka";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableHeaderCell } from "@/components/ui/table";
import { ClusterRow, type ClusterRowIdentity, ClusterRowPending } from "./_components/cluster-row";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Clusters" };

/** No row waits longer than this for its cluster; each row streams in on its own. */
const STATUS_WAIT_MS = 4_000;

async function AskedClusterRow({ cluster }: { cluster: ClusterRowIdentity }) {
  return <ClusterRow cluster={cluster} status={await getClusterStatusWithin(cluster.name, STATUS_WAIT_MS)} />;
}

export default async function ClustersPage() {
  await requirePagePermission("cluster.view");
  const defaultCluster = defaultClusterName();
  const clusters = listClusterConnections().map((connection) => ({
    ...connection,
    isDefault: connection.name === defaultCluster,
  }));
  return (
    <>
      <PageHeader
        title="Clusters"
        description={`${clusters.length} configured; the addresses without a cluster lead to ${defaultCluster}.`}
      />
      <Card>
        <Table aria-label="Clusters">
          <TableHead>
            <tr>
              <TableHeaderCell>Cluster</TableHeaderCell>
              <TableHeaderCell>Authentication</TableHeaderCell>
              <TableHeaderCell>Health</TableHeaderCell>
              <TableHeaderCell>Version</TableHeaderCell>
              <TableHeaderCell className="text-right">Brokers</TableHeaderCell>
              <TableHeaderCell className="text-right">Topics</TableHeaderCell>
              <TableHeaderCell className="text-right">Partitions</TableHeaderCell>
              <TableHeaderCell className="text-right">Under-replicated</TableHeaderCell>
              <TableHeaderCell className="text-right">Offline</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {clusters.map((cluster) => (
              // Every cluster is asked at once; a down one holds back only its own row.
              <Suspense key={cluster.name} fallback={<ClusterRowPending cluster={cluster} />}>
                <AskedClusterRow cluster={cluster} />
              </Suspense>
            ))}
          </TableBody>
        </Table>
      </Card>
    </>
  );
}
