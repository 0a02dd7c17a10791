// Counts for the cluster overview, from one Metadata and one ApiVersions answer.
import { protocolAPIsById } from "@platformatic/kafka";

import type { ApiVersionRange, ClusterOverview } from "@/lib/schemas/cluster";

import type { ApiVersionsAnswer, ApiVersionsWithFeatures } from "./api-versions";
import type { MetadataSnapshot } from "./cluster-metadata";

export function summarizeCluster(
  cluster: string,
  metadata: MetadataSnapshot,
  { apis, finalizedFeatures }: ApiVersionsWithFeatures,
  fetchedAt: Date,
): ClusterOverview {
  const liveBrokers = new Set(metadata.brokers.map((broker) => broker.nodeId));
  let partitionCount = 0;
  let underReplicatedPartitions = 0;
  let offlinePartitions = 0;
  for (const topic of metadata.topics) {
    for (const partition of topic.partitions) {
      partitionCount++;
      if (partition.isrNodes.length < partition.replicaNodes.length) underReplicatedPartitions++;
      // A leader that is not among the live brokers is as good as none.
      if (partition.leaderId < 0 || !liveBrokers.has(partition.leaderId)) offlinePartitions++;
    }
  }
  return {
    cluster,
    clusterId: metadata.clusterId ?? "",
    controllerId: metadata.controllerId,
    brokers: metadata.brokers
      .map(({ nodeId, host, port, rack }) => ({
        nodeId,
        host,
        port,
        rack: rack ?? null,
        isController: nodeId === metadata.controllerId,
      }))
      .sort((a, b) => a.nodeId - b.nodeId),
    topicCount: metadata.topics.length,
    internalTopicCount: metadata.topics.filter((topic) => topic.isInternal).length,
    partitionCount,
    underReplicatedPartitions,
    offlinePartitions,
    apiVersions: apis.map(toApiVersionRange).sort((a, b) => a.apiKey - b.apiKey),
    finalizedFeatures,
    fetchedAt: fetchedAt.toISOString(),
  };
}

function toApiVersionRange({ apiKey, name, minVersion, maxVersion }: ApiVersionsAnswer): ApiVersionRange {
  // The library names the keys it knows; a newer broker may advertise keys it does not.
  return { apiKey, name: name ?? protocolAPIsById[apiKey] ?? `Unknown(${apiKey})`, minVersion, maxVersion };
}
