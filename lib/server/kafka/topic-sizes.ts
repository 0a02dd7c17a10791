import "server-only";

// One topic's size on disk for its page and REST answer: DescribeLogDirs of its partitions only,
// asked of every broker, summed per partition (leader's replica, all replicas) and per broker.
import type { ClusterResult } from "./cluster-pool";
import { fetchClusterMetadata } from "./cluster-metadata";
import { brokerSizes, partitionSizes } from "./log-dir-sizes";
import { describeLogDirs } from "./log-dirs";
import { withClusterAdmin } from "./pooled-clients";

export interface TopicSizes {
  /** Decimal strings; leaderBytes null where the leader did not report its replica. */
  partitions: { partition: number; leaderBytes: string | null; replicaBytes: string }[];
  brokers: { broker: number; bytes: string; replicas: number; error: string | null }[];
  /** Σ over all replicas; null when a broker did not answer (a partial sum would look exact). */
  totalBytes: string | null;
}

export async function readTopicSizes(
  cluster: string,
  topic: string,
): Promise<ClusterResult<TopicSizes | null>> {
  return withClusterAdmin(
    cluster,
    async (admin) => {
      const metadata = await fetchClusterMetadata(admin);
      const found = metadata.topics.find((candidate) => candidate.name === topic);
      if (!found) return null;
      const logDirs = await describeLogDirs(admin, metadata.brokers, [
        { name: topic, partitions: found.partitions.map((partition) => partition.partitionIndex) },
      ]);
      const partitions = partitionSizes(
        logDirs,
        topic,
        found.partitions.map((partition) => ({
          partition: partition.partitionIndex,
          leader: partition.leaderId,
        })),
      );
      // Brokers that hold none of the topic's replicas are left out, unless they could not answer.
      const brokers = brokerSizes(logDirs, topic).filter((broker) => broker.replicas > 0 || broker.error);
      const complete = logDirs.every((broker) => broker.error === null);
      return {
        partitions: partitions.map((row) => ({
          partition: row.partition,
          leaderBytes: row.leaderBytes?.toString() ?? null,
          replicaBytes: row.replicaBytes.toString(),
        })),
        brokers: brokers.map((broker) => ({ ...broker, bytes: broker.bytes.toString() })),
        totalBytes: complete ? partitions.reduce((sum, row) => sum + row.replicaBytes, 0n).toString() : null,
      };
    },
    { cluster, operation: "DESCRIBE", resourceName: topic },
  );
}
