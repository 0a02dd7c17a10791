// DescribeLogDirs asked of every broker directly: each broker's log directories (an offline one keeps
// its error, e.g. KAFKA_STORAGE_ERROR) and the size of every replica it holds. Admin.describeLogDirs()
// drops the per-directory error and fails as a whole when one broker does not answer; here a broker
// that cannot answer is one row with its error and the others stay usable.
import { protocolErrorsCodesById, type Admin } from "@platformatic/kafka";

import { fetchClusterMetadata, type MetadataSnapshot } from "./cluster-metadata";
import type { ClusterResult } from "./cluster-pool";
import { describeKafkaError } from "./errors/describe-kafka-error";
import { withClusterAdmin } from "./pooled-clients";
import { responseWithErrorsUnder, sendRaw } from "./raw-request";

export interface DescribeLogDirsAnswer {
  results: {
    errorCode: number;
    logDir: string;
    topics: {
      name: string;
      partitions: { partitionIndex: number; partitionSize: bigint; isFutureKey?: boolean }[];
    }[];
    /** v4 (Kafka 3.3+) only; -1 when the broker does not know. */
    totalBytes?: bigint;
    usableBytes?: bigint;
  }[];
}

export interface LogDir {
  path: string;
  /** The Kafka error code name (KAFKA_STORAGE_ERROR: offline), null when the directory is fine. */
  error: string | null;
  /** Null where the broker does not report them (before v4, or -1). */
  totalBytes: bigint | null;
  usableBytes: bigint | null;
}

export interface ReplicaSize {
  topic: string;
  partition: number;
  bytes: bigint;
}

export interface BrokerLogDirs {
  broker: number;
  /** Why this broker's directories could not be read (the others still were); null when it answered. */
  error: string | null;
  dirs: LogDir[];
  /** One entry per replica (future replicas of a move between directories left out). */
  replicas: ReplicaSize[];
}

/** Every broker's log directories and replica sizes; `topics` null: all topics (one request per broker). */
export async function describeLogDirs(
  admin: Admin,
  brokers: MetadataSnapshot["brokers"],
  topics: { name: string; partitions: number[] }[] | null = null,
): Promise<BrokerLogDirs[]> {
  return Promise.all(
    [...brokers]
      .sort((a, b) => a.nodeId - b.nodeId)
      .map(async (broker): Promise<BrokerLogDirs> => {
        try {
          const answer = await sendRaw<DescribeLogDirsAnswer>(admin, {
            api: "DescribeLogDirs",
            broker,
            args: [topics],
            // An offline directory is an error under /results/: the other directories are still read.
            keepPartial: (error) => responseWithErrorsUnder<DescribeLogDirsAnswer>("/results/", error),
          });
          return { broker: broker.nodeId, error: null, ...logDirsOf(answer) };
        } catch (error) {
          const problem = describeKafkaError(error);
          const message = `${problem.title}${problem.code ? ` (${problem.code})` : ""}`;
          return { broker: broker.nodeId, error: message, dirs: [], replicas: [] };
        }
      }),
  );
}

const reported = (bytes: bigint | undefined) => (bytes === undefined || bytes < 0n ? null : bytes);

/** The answer's directories and replica sizes (exported for tests). */
export function logDirsOf(answer: DescribeLogDirsAnswer): Pick<BrokerLogDirs, "dirs" | "replicas"> {
  const dirs: LogDir[] = [];
  const replicas: ReplicaSize[] = [];
  for (const result of answer.results) {
    dirs.push({
      path: result.logDir,
      error:
        result.errorCode === 0
          ? null
          : (protocolErrorsCodesById[result.errorCode] ?? `error code ${result.errorCode}`),
      totalBytes: reported(result.totalBytes),
      usableBytes: reported(result.usableBytes),
    });
    for (const topic of result.topics) {
      for (const partition of topic.partitions) {
        if (partition.isFutureKey) continue;
        replicas.push({
          topic: topic.name,
          partition: partition.partitionIndex,
          bytes: partition.partitionSize,
        });
      }
    }
  }
  return { dirs, replicas };
}

/** Every broker's log directories and replica sizes on a cluster (brokers page, topic sizes). */
export async function readClusterLogDirs(cluster: string): Promise<ClusterResult<BrokerLogDirs[]>> {
  return withClusterAdmin(
    cluster,
    async (admin) => describeLogDirs(admin, (await fetchClusterMetadata(admin)).brokers),
    { cluster, operation: "DESCRIBE" },
  );
}
