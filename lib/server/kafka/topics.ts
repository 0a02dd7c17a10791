import "server-only";

// Topics for the console's list and topic page: names from one Metadata request (internal topics and
// topics with an offline partition included), watermarks from ListOffsets for the shown topics only.
import type { Admin } from "@platformatic/kafka";

import { fetchClusterMetadata, type MetadataSnapshot } from "./cluster-metadata";
import type { ClusterResult } from "./cluster-pool";
import { withClusterAdmin } from "./pooled-clients";
import { EARLIEST, LATEST, listPartitionOffsets } from "./partition-offsets";
import { topicSizes } from "./log-dir-sizes";
import { describeLogDirs } from "./log-dirs";
import { readTopicListConfigs, topicHealth, type TopicListConfigs } from "./topic-list-figures";
import {
  matchingTopics,
  messageCount,
  selectTopicPage,
  type PartitionWatermarks,
  type TopicPageQuery,
} from "./topic-pages";

export type { TopicPageQuery } from "./topic-pages";
import type { TopicSort } from "@/lib/schemas/topics";

export interface TopicSummary {
  name: string;
  internal: boolean;
  partitions: number;
  replicationFactor: number;
  /** Σ(high − low) over the partitions, a decimal string; null when some watermarks could not be read. */
  messages: string | null;
  /** Bytes on disk over all replicas (DescribeLogDirs), a decimal string; null when a broker did not answer. */
  sizeBytes: string | null;
  underReplicated: number;
  offline: number;
  cleanupPolicy: string | null;
  retentionMs: string | null;
  retentionBytes: string | null;
}

export interface TopicPage {
  total: number;
  sort: TopicSort;
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

/**
 * One page of topics; fast with 10,000 topics: only the page's partitions are asked for offsets and
 * its topics for configs. Sorting by size reads DescribeLogDirs once per broker for every topic, by
 * messages the watermarks of every matching partition (one ListOffsets per leader), only when asked.
 */
export async function listTopics(
  cluster: string,
  query: TopicPageQuery = {},
): Promise<ClusterResult<TopicPage>> {
  return withClusterAdmin(
    cluster,
    async (admin) => {
      const metadata = await fetchClusterMetadata(admin);
      const all = namedTopics(metadata).map((topic) => ({ ...topic, internal: topic.isInternal }));
      const sort = query.sort ?? "name";
      // Figures read for the sort serve the page too; the others are read for the page only.
      let sizes: Map<string, bigint> | null | undefined;
      let watermarks: Map<string, PartitionWatermarks> | undefined;
      if (sort === "size") sizes = await readSizes(admin, metadata.brokers, null);
      if (sort === "messages")
        watermarks = await readWatermarks(admin, metadata.brokers, matchingTopics(all, query)).catch(
          () => new Map<string, PartitionWatermarks>(),
        );
      const figureOf =
        sort === "size"
          ? (topic: MetadataTopic) => sizes?.get(topic.name) ?? null
          : sort === "messages"
            ? (topic: MetadataTopic) => {
                const messages = messagesOf(topic, watermarks);
                return messages === null ? null : BigInt(messages);
              }
            : sort === "partitions"
              ? (topic: MetadataTopic) => topic.partitions.length
              : undefined;
      const selected = selectTopicPage(all, query, figureOf);
      const names = selected.topics.map((topic) => topic.name);
      // The list stays useful without figures: a failed lookup shows "unknown", not an error page.
      const [pageWatermarks, pageSizes, configs] = await Promise.all([
        watermarks ??
          readWatermarks(admin, metadata.brokers, selected.topics).catch(
            () => new Map<string, PartitionWatermarks>(),
          ),
        sizes !== undefined
          ? sizes
          : readSizes(
              admin,
              metadata.brokers,
              selected.topics.map((topic) => ({
                name: topic.name,
                partitions: topic.partitions.map((partition) => partition.partitionIndex),
              })),
            ),
        readTopicListConfigs(admin, names).catch(() => new Map<string, TopicListConfigs>()),
      ]);
      return {
        total: selected.total,
        page: selected.page,
        pageSize: selected.pageSize,
        sort,
        topics: selected.topics.map((topic) => ({
          name: topic.name,
          internal: topic.isInternal,
          partitions: topic.partitions.length,
          replicationFactor: Math.max(
            0,
            ...topic.partitions.map((partition) => partition.replicaNodes.length),
          ),
          messages: messagesOf(topic, pageWatermarks),
          sizeBytes: pageSizes ? (pageSizes.get(topic.name) ?? 0n).toString() : null,
          ...topicHealth(topic.partitions),
          ...(configs.get(topic.name) ?? { cleanupPolicy: null, retentionMs: null, retentionBytes: null }),
        })),
      };
    },
    { cluster, operation: "DESCRIBE" },
  );
}

function messagesOf(topic: MetadataTopic, watermarks: Map<string, PartitionWatermarks> | undefined) {
  return messageCount(
    topic.partitions.map((partition) => watermarks?.get(keyOf(topic.name, partition.partitionIndex))),
  );
}

/**
 * Bytes on disk per topic (all replicas); null when a broker did not answer, as a partial sum would
 * look exact. `topics` null: every topic.
 */
async function readSizes(
  admin: Admin,
  brokers: MetadataSnapshot["brokers"],
  topics: { name: string; partitions: number[] }[] | null,
): Promise<Map<string, bigint> | null> {
  if (topics && topics.length === 0) return new Map();
  const logDirs = await describeLogDirs(admin, brokers, topics).catch(() => null);
  if (!logDirs || logDirs.some((broker) => broker.error !== null)) return null;
  return topicSizes(logDirs);
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
