// The throughput sampler's read of a cluster: every topic's partitions with their high watermark
// (ListOffsets latest, one request per leader) and their leader's log size (DescribeLogDirs, one
// request per broker). Three kinds of request per round however many topics; internal topics
// (__consumer_offsets, transactions) are left out: they are the cluster's bookkeeping, not produce.
import type { CountersSnapshot, PartitionCounters, TopicCounters } from "@/lib/throughput/rates";

import type { ClusterResult } from "./cluster-pool";
import { fetchClusterMetadata } from "./cluster-metadata";
import { describeLogDirs } from "./log-dirs";
import { LATEST, listPartitionOffsets, type PartitionRef } from "./partition-offsets";
import { withClusterAdmin } from "./pooled-clients";

const key = (topic: string, partition: number) => `${partition}:${topic}`;

export interface ClusterCounters {
  snapshot: CountersSnapshot;
  /** Partitions whose high watermark could not be read (no leader, an error). */
  unread: number;
  /** Brokers whose log sizes could not be read: bytes on their leaders' partitions are unknown. */
  brokersWithoutSizes: number[];
}

export async function readClusterCounters(
  cluster: string,
  now: () => number = Date.now,
): Promise<ClusterResult<ClusterCounters>> {
  return withClusterAdmin(
    cluster,
    async (admin) => {
      const metadata = await fetchClusterMetadata(admin);
      const topics = metadata.topics.filter(
        (topic): topic is typeof topic & { name: string } => topic.name !== null && !topic.isInternal,
      );
      const refs: PartitionRef[] = topics.flatMap((topic) =>
        topic.partitions.map((partition) => ({
          topic: topic.name,
          partition: partition.partitionIndex,
          leader: partition.leaderId,
        })),
      );
      const [offsets, logDirs] = await Promise.all([
        listPartitionOffsets(admin, metadata.brokers, refs, LATEST, key),
        describeLogDirs(admin, metadata.brokers),
      ]);
      // Taken when the offsets are in: the interval's end is when the counters were read.
      const atMs = now();
      const sizes = new Map<string, bigint>();
      for (const broker of logDirs)
        for (const replica of broker.replicas)
          sizes.set(`${broker.broker}/${key(replica.topic, replica.partition)}`, replica.bytes);
      const snapshot: CountersSnapshot = { atMs, topics: new Map() };
      let unread = 0;
      for (const topic of topics) {
        const partitions = new Map<number, PartitionCounters>();
        for (const { partitionIndex, leaderId } of topic.partitions) {
          const highWatermark = offsets.get(key(topic.name, partitionIndex)) ?? null;
          if (highWatermark === null) unread += 1;
          partitions.set(partitionIndex, {
            highWatermark,
            bytes: sizes.get(`${leaderId}/${key(topic.name, partitionIndex)}`) ?? null,
          });
        }
        // Metadata v10+ names the topic's id; an older broker leaves it out (no recreation check then).
        const topicId = (topic as { topicId?: string }).topicId ?? "";
        snapshot.topics.set(topic.name, { topicId, partitions } satisfies TopicCounters);
      }
      const brokersWithoutSizes = logDirs
        .filter((broker) => broker.error !== null)
        .map((broker) => broker.broker);
      return { snapshot, unread, brokersWithoutSizes };
    },
    { cluster, operation: "DESCRIBE" },
  );
}
