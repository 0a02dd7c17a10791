import "server-only";

// Every topic's name, internal flag, partition count and replication factor from ONE Metadata
// request, whatever the number of topics: what Confluent's v3 topic list answers. No sizes, log dirs,
// offsets or configs are read (listTopics reads those for the console's paged list).
import type { ClusterResult } from "./cluster-pool";
import { fetchClusterMetadata, type MetadataSnapshot } from "./cluster-metadata";
import { withClusterAdmin } from "./pooled-clients";

export interface TopicMetadataFacts {
  name: string;
  internal: boolean;
  partitions: number;
  /** The most replicas any partition has (a partition being reassigned may list more for a while). */
  replicationFactor: number;
}

/** The topics of a Metadata response, by name; nameless entries (topic ids without a name) left out. */
export function topicFactsOf(metadata: MetadataSnapshot): TopicMetadataFacts[] {
  const facts: TopicMetadataFacts[] = [];
  for (const topic of metadata.topics) {
    if (typeof topic.name !== "string" || topic.name === "") continue;
    let replicationFactor = 0;
    for (const partition of topic.partitions)
      replicationFactor = Math.max(replicationFactor, partition.replicaNodes.length);
    facts.push({
      name: topic.name,
      internal: topic.isInternal,
      partitions: topic.partitions.length,
      replicationFactor,
    });
  }
  return facts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function listTopicFacts(cluster: string): Promise<ClusterResult<TopicMetadataFacts[]>> {
  return withClusterAdmin(cluster, async (admin) => topicFactsOf(await fetchClusterMetadata(admin)), {
    cluster,
  });
}
