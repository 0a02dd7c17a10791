import "server-only";

// The overview's disk figures from one DescribeLogDirs per broker: each broker's bytes in use and
// its directories' capacity (Kafka 3.3+ reports it), and the largest topics (all replicas). A cluster
// without DescribeLogDirs, or a broker that cannot answer, is "unavailable" with the reason, not an error.
import type { BrokerDisk, OverviewDisk } from "@/lib/schemas/overview";

import { unavailableReason } from "./capabilities";
import { fetchClusterMetadata } from "./cluster-metadata";
import type { ClusterResult } from "./cluster-pool";
import { brokerSizes, topicSizes } from "./log-dir-sizes";
import { describeKafkaError } from "./errors/describe-kafka-error";
import { currentPool } from "./global-pool";
import { describeLogDirs } from "./log-dirs";
import { withClusterAdmin } from "./pooled-clients";

const sumOrNull = (values: (bigint | null)[]) =>
  values.length === 0 || values.some((value) => value === null)
    ? null
    : values.reduce<bigint>((sum, value) => sum + value!, 0n).toString();

export async function readOverviewDisk(cluster: string, topTopics = 5): Promise<ClusterResult<OverviewDisk>> {
  const capabilities = await currentPool()
    .capabilities(cluster)
    .catch((error: unknown) => ({ ok: false as const, problem: describeKafkaError(error) }));
  const missing = unavailableReason(capabilities, "logDirs");
  if (missing) return { ok: true, data: { ok: false, unavailable: missing } };
  return withClusterAdmin(
    cluster,
    async (admin): Promise<OverviewDisk> => {
      const logDirs = await describeLogDirs(admin, (await fetchClusterMetadata(admin)).brokers);
      const used = new Map(brokerSizes(logDirs).map((row) => [row.broker, row.bytes]));
      const brokers = logDirs.map((broker): BrokerDisk => {
        const online = broker.dirs.filter((dir) => dir.error === null);
        return {
          broker: broker.broker,
          usedBytes: broker.error ? null : (used.get(broker.broker) ?? 0n).toString(),
          totalBytes: sumOrNull(online.map((dir) => dir.totalBytes)),
          usableBytes: sumOrNull(online.map((dir) => dir.usableBytes)),
          offlineDirs: broker.dirs.length - online.length,
          error: broker.error,
        };
      });
      const largestTopics = [...topicSizes(logDirs)]
        .filter(([topic]) => !topic.startsWith("__"))
        .sort(([a, aBytes], [b, bBytes]) =>
          aBytes === bBytes ? a.localeCompare(b) : aBytes > bBytes ? -1 : 1,
        )
        .slice(0, topTopics)
        .map(([topic, bytes]) => ({ topic, bytes: bytes.toString() }));
      return { ok: true, brokers, largestTopics };
    },
    { cluster, operation: "DESCRIBE" },
  );
}
