import type { ClusterOverview } from "@/lib/schemas/cluster";
import { describeKafkaVersion } from "@/lib/cluster/kafka-version";
import { Stat } from "@/components/ui/stat";

/** The cluster's identity and counts as one description list (terms are the labels). */
export function ClusterSummary({ overview }: { overview: ClusterOverview }) {
  const { underReplicatedPartitions: underReplicated, offlinePartitions: offline } = overview;
  const version = describeKafkaVersion(overview.apiVersions, overview.finalizedFeatures);
  return (
    <dl aria-label="Cluster summary" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      <Stat
        label="Cluster ID"
        value={<span className="font-mono text-base break-all">{overview.clusterId || "—"}</span>}
        className="col-span-2"
      />
      <Stat
        label="Kafka version"
        value={<span className="text-base">{version.label}</span>}
        note={<span className="font-normal text-zinc-500">{version.basis}</span>}
        className="col-span-2"
      />
      <Stat
        label="Controller"
        value={overview.controllerId >= 0 ? `Node ${overview.controllerId}` : "None"}
      />
      <Stat label="Topics" value={overview.topicCount} />
      <Stat label="Internal topics" value={overview.internalTopicCount} />
      <Stat label="Partitions" value={overview.partitionCount} />
      <Stat
        label="Under-replicated partitions"
        value={underReplicated}
        tone={underReplicated > 0 ? "warning" : "default"}
        note={underReplicated > 0 && "Needs attention: replicas are out of sync"}
      />
      <Stat
        label="Offline partitions"
        value={offline}
        tone={offline > 0 ? "danger" : "default"}
        note={offline > 0 && "Needs attention: no leader, unavailable to clients"}
      />
    </dl>
  );
}
