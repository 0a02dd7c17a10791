import "server-only";

// Topics for the console's list and topic page: names from one Metadata request (internal topics and
// topics with an offline partition included), watermarks from ListOffsets for the shown topics only.
import type { Admin } from "@platformatic/kafka";

import { fetchClusterMetadata, type MetadataSnapshot } from "./cluster-metadata";
import type { ClusterResult } from "./cluster-pool";
import { withClusterAdmin } from "./pooled-clients";
import { EARLIEST, LATEST, listPartitionOffsets } from "./partition-offsets";
import { messageCount, selectTopicPage, type PartitionWatermarks, type TopicPageQuery } from "./topic-pages";

export type { TopicPageQuery } from "./topic-pages";

export interface TopicSummary {
  name: string;
  internal: boolean;
  partitions: number;
  replicationFactor: number;
  /** Σ(high − low) over the partitions, a decimal string; null when some watermarks could not be read. */
  messages: string | null;
}

export interface TopicPage {
  total: number;
  page: number;
  pageSize: number;
  topics: TopicSummary[];
}

export interface TopicPartitionDetails {
  partition: number;
  /** -1 when the partition has no leader. */
  leader: number;
  replicas: number[];
  isr: number[];
  /** Watermarks as decimal strings; null for a partition without a leader (nobody can answer). */
  low: string | null;
  high: string | null;
}

export interface TopicDetails {
  name: string;
  internal: boolean;
  partitions: TopicPartitionDetails[];
}

type MetadataTopic = MetadataSnapshot["topics"][number] & { name: string };

/** One page of topics; fast with 10,000 topics: only the page's partitions are asked for offsets. */
export async function listTopics(
  cluster: string,
  query: TopicPageQuery = {},
): Promise<ClusterResult<TopicPage>> {
  return withClusterAdmin(
    cluster,
    async (admin) => {
      const metadata = await fetchClusterMetadata(admin);
      const selected = selectTopicPage(
        namedTopics(metadata).map((topic) => ({ ...topic, internal: topic.isInternal })),
        query,
      );
      // The list stays useful without counts: a failed lookup shows "unknown", not an error page.
      const watermarks = await readWatermarks(admin, metadata.brokers, selected.topics).catch(
        () => new Map<string, PartitionWatermarks>(),
      );
      return {
        total: selected.total,
        page: selected.page,
        pageSize: selected.pageSize,
        topics: selected.topics.map((topic) => ({
          name: topic.name,
          internal: topic.isInternal,
          partitions: topic.partitions.length,
          replicationFactor: Math.max(
            0,
            ...topic.partitions.map((partition) => partition.replicaNodes.length),
          ),
          messages: messageCount(
            topic.partitions.map((partition) => watermarks.get(keyOf(topic.name, partition.partitionIndex))),
          ),
        })),
      };
    },
    { cluster, operation: "DESCRIBE" },
  );
}

/** The topic's partitions with leaders, replicas and watermarks; null when the topic does not exist (or may not be described). */
export async function describeTopic(
  cluster: string,
  topic: string,
): Promise<ClusterResult<TopicDetails | null>> {
  return withClusterAdmin(
    cluster,
    async (admin) => {
      const metadata = await fetchClusterMetadata(admin);
      const found = namedTopics(metadata).find((candidate) => candidate.name === topic);
      if (!found) return null;
      // Leaders and replicas are worth showing even when the offsets cannot be had (a partition offline).
      const watermarks = await readWatermarks(admin, metadata.brokers, [found]).catch(
        () => new Map<string, PartitionWatermarks>(),
      );
      const partitions = [...found.partitions].sort((a, b) => a.partitionIndex - b.partitionIndex);
      return {
        name: found.name,
        internal: found.isInternal,
        partitions: partitions.map((partition) => {
          const marks = watermarks.get(keyOf(found.name, partition.partitionIndex));
          return {
            partition: partition.partitionIndex,
            leader: partition.leaderId,
            replicas: partition.replicaNodes,
            isr: partition.isrNodes,
            low: marks ? marks.low.toString() : null,
            high: marks ? marks.high.toString() : null,
          };
        }),
      };
    },
    { cluster, operation: "DESCRIBE", resourceName: topic },
  );
}

function namedTopics(metadata: MetadataSnapshot): MetadataTopic[] {
  return metadata.topics.filter(
    (topic): topic is MetadataTopic => typeof topic.name === "string" && topic.name !== "",
  );
}

const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/**
 * Earliest and latest offsets (read_uncommitted: the high watermark) of every partition with a leader,
 * asked of the leaders directly; partitions that could not answer are missing from the map.
 */
async function readWatermarks(
  admin: Admin,
  brokers: MetadataSnapshot["brokers"],
  topics: readonly MetadataTopic[],
) {
  const partitions = topics.flatMap((topic) =>
    topic.partitions.map((partition) => ({
      topic: topic.name,
      partition: partition.partitionIndex,
      leader: partition.leaderId,
    })),
  );
  const [lows, highs] = await Promise.all([
    listPartitionOffsets(admin, brokers, partitions, EARLIEST, keyOf),
    listPartitionOffsets(admin, brokers, partitions, LATEST, keyOf),
  ]);
  const watermarks = new Map<string, PartitionWatermarks>();
  for (const [key, low] of lows) {
    const high = highs.get(key);
    if (high !== undefined) watermarks.set(key, { low, high });
  }
  return watermarks;
}
