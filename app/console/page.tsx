import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/server/auth";
import { Suspense } from "react";
import { getClusterStatus, listClusterNames } from "@/lib/server/kafka";
import { OverviewSkeleton } from "@/components/cluster/overview-skeleton";
import { PageHeader } from "@/components/shell/page-header";
import { NoClusterConfigured } from "@/components/cluster/no-cluster-configured";
import { ClusterOverviewLive } from "./_components/cluster-overview-live";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Overview" };

async function ClusterOverview({ cluster }: { cluster: string }) {
  const status = await getClusterStatus(cluster);
  return <ClusterOverviewLive cluster={cluster} initialStatus={status} />;
}

export default async function OverviewPage() {
  await requirePagePermission("cluster.view");
  const cluster = listClusterNames()[0];
  if (cluster === undefined) {
    return (
      <>
        <PageHeader title="Overview" />
        <NoClusterConfigured />
      </>
    );
  }
  // A down broker can take until its connect timeout to answer; the shell and a skeleton show meanwhile.
  return (
    <Suspense fallback={<OverviewSkeleton />}>
      <ClusterOverview cluster={cluster} />
    </Suspense>
  );
}
