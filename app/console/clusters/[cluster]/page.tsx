import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/server/auth";
import { Suspense } from "react";
import { throughputQuerySchema } from "@/lib/schemas/throughput";
import type { LagHistoryRange } from "@/lib/schemas/lag-history";
import { getClusterStatus, readOverviewDisk } from "@/lib/server/kafka";
import { readThroughput, readTopTopicRates } from "@/lib/server/throughput/read";
import { OverviewSkeleton } from "@/components/cluster/overview-skeleton";
import { Skeleton } from "@/components/ui/skeleton";
import { ClusterOverviewLive } from "./_components/cluster-overview-live";
import { OverviewFacts } from "./_components/overview-facts";
import { clusterOf, type ClusterParams } from "./_lib/cluster-param";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Overview" };

async function ClusterOverview({ cluster }: { cluster: string }) {
  const status = await getClusterStatus(cluster);
  return <ClusterOverviewLive cluster={cluster} initialStatus={status} />;
}

const TOP_WINDOW_MINUTES = 5;

async function OverviewExtras({ cluster, range }: { cluster: string; range: LagHistoryRange }) {
  const [disk, throughput, rates] = await Promise.all([
    readOverviewDisk(cluster),
    readThroughput(cluster, null, range),
    readTopTopicRates(cluster, { windowSeconds: TOP_WINDOW_MINUTES * 60 }),
  ]);
  return (
    <OverviewFacts
      cluster={cluster}
      throughput={throughput}
      disk={disk.ok ? disk.data : null}
      rates={rates}
      windowMinutes={TOP_WINDOW_MINUTES}
    />
  );
}

export default async function OverviewPage({
  params,
  searchParams,
}: {
  params: ClusterParams;
  searchParams: Promise<{ range?: string | string[] }>;
}) {
  await requirePagePermission("cluster.view");
  const cluster = await clusterOf(params);
  // A hand-edited range falls back to the last hour.
  const { range } = throughputQuerySchema.catch({ range: "1h" }).parse(await searchParams);
  // A down broker can take until its connect timeout to answer; the shell and a skeleton show meanwhile.
  return (
    <>
      <Suspense fallback={<OverviewSkeleton />}>
        <ClusterOverview cluster={cluster} />
      </Suspense>
      <Suspense fallback={<Skeleton className="mt-6 h-72" />}>
        <OverviewExtras cluster={cluster} range={range} />
      </Suspense>
    </>
  );
}
