import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/server/auth";
import { Suspense } from "react";
import { getClusterStatus } from "@/lib/server/kafka";
import { OverviewSkeleton } from "@/components/cluster/overview-skeleton";
import { ClusterOverviewLive } from "./_components/cluster-overview-live";
import { clusterOf, type ClusterParams } from "./_lib/cluster-param";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Overview" };

async function ClusterOverview({ cluster }: { cluster: string }) {
  const status = await getClusterStatus(cluster);
  return <ClusterOverviewLive cluster={cluster} initialStatus={status} />;
}

export default async function OverviewPage({ params }: { params: ClusterParams }) {
  await requirePagePermission("cluster.view");
  const cluster = await clusterOf(params);
  // A down broker can take until its connect timeout to answer; the shell and a skeleton show meanwhile.
  return (
    <Suspense fallback={<OverviewSkeleton />}>
      <ClusterOverview cluster={cluster} />
    </Suspense>
  );
}
