// The overview's parts read apart from the live status: the cluster's throughput and the busiest
// topics (the console's store, filled by the sampler), disk per broker and the largest topics
// (DescribeLogDirs, once per page load; null when the cluster could not answer).
import type { OverviewDisk } from "@/lib/schemas/overview";
import type { Throughput, TopicRate } from "@/lib/schemas/throughput";
import { clusterOverviewPath } from "@/lib/paths";
import { BrokerDiskCard } from "@/components/cluster/broker-disk-card";
import { TopTopicsCard } from "@/components/cluster/top-topics-card";
import { ThroughputCard } from "@/components/throughput/throughput-card";

export function OverviewFacts({
  cluster,
  throughput,
  disk,
  rates,
  windowMinutes,
}: {
  cluster: string;
  throughput: Throughput;
  disk: OverviewDisk | null;
  rates: TopicRate[];
  windowMinutes: number;
}) {
  return (
    <div className="mt-6 space-y-6">
      <ThroughputCard
        throughput={throughput}
        rangeHref={(option) => `${clusterOverviewPath(cluster)}?range=${option}`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        {disk && <BrokerDiskCard disk={disk} />}
        <TopTopicsCard cluster={cluster} disk={disk} rates={rates} windowMinutes={windowMinutes} />
      </div>
    </div>
  );
}
