import "server-only";

// The KRaft quorum (DescribeQuorum, ApiKey 55) and the cluster's features (ApiVersions v3+, which is
// what Kafka's own Admin.describeFeatures() sends). The client's Admin has no describeQuorum, so the
// request goes through sendRaw in the highest version both sides speak (v2 on Kafka 3.9+, with the
// nodes' listeners). A cluster that lacks an API, is not KRaft or refuses (not authorized) makes that
// part "unavailable" with the reason and the Kafka code; only a cluster that cannot be reached at all
// is a problem for the whole page.
import { clientSoftwareName, clientSoftwareVersion, type Admin } from "@platformatic/kafka";

import type { QuorumAndFeatures, QuorumDescription } from "@/lib/schemas/brokers";

import { unavailableReason } from "./capabilities";
import type { ClusterResult } from "./cluster-pool";
import { describeKafkaError } from "./errors/describe-kafka-error";
import { currentPool } from "./global-pool";
import { withClusterAdmin } from "./pooled-clients";
import {
  describeQuorumPartition,
  featuresOf,
  type Features,
  type FeaturesResponse,
  type QuorumNodeAnswer,
  type QuorumPartitionAnswer,
} from "./quorum-view";
import { sendRaw } from "./raw-request";

/** The metadata log's topic and partition: the only partition a KRaft quorum replicates. */
const METADATA_TOPIC = "__cluster_metadata";

interface DescribeQuorumResponse {
  topics: { topicName: string; partitions: (QuorumPartitionAnswer & { partitionIndex: number })[] }[];
  nodes: QuorumNodeAnswer[];
}

type Part<T> = { ok: true; data: T } | { ok: false; reason: string; code?: string };

export async function describeQuorumAndFeatures(cluster: string): Promise<ClusterResult<QuorumAndFeatures>> {
  const capabilities = await currentPool()
    .capabilities(cluster)
    .catch((error: unknown) => ({ ok: false as const, problem: describeKafkaError(error) }));
  if (!capabilities.ok) return capabilities;
  const quorumMissing = unavailableReason(capabilities, "quorum");
  const featuresMissing = unavailableReason(capabilities, "features");
  const context = { cluster, operation: "DESCRIBE", resourceName: "the cluster" };
  return withClusterAdmin(
    cluster,
    async (admin) => {
      const [quorum, features] = await Promise.all([
        quorumMissing
          ? unavailable<QuorumDescription>(quorumMissing)
          : part(() => describeQuorum(admin), context),
        featuresMissing
          ? unavailable<Features>(featuresMissing)
          : part(() => describeFeatures(admin), context),
      ]);
      return {
        cluster,
        quorum,
        features: features.ok
          ? { ok: true as const, epoch: features.data.epoch, features: features.data.features }
          : { ok: false as const, reason: features.reason },
      };
    },
    context,
  );
}

async function describeQuorum(admin: Admin): Promise<QuorumDescription> {
  const response = await sendRaw<DescribeQuorumResponse>(admin, {
    api: "DescribeQuorum",
    args: [[{ topicName: METADATA_TOPIC, partitions: [{ partitionIndex: 0 }] }]],
  });
  const partition = response.topics.find((topic) => topic.topicName === METADATA_TOPIC)?.partitions[0];
  if (!partition) throw new Error(`The DescribeQuorum answer has no ${METADATA_TOPIC} partition.`);
  return describeQuorumPartition(partition, response.nodes);
}

async function describeFeatures(admin: Admin): Promise<Features> {
  const response = await sendRaw<FeaturesResponse>(admin, {
    api: "ApiVersions",
    args: [clientSoftwareName, clientSoftwareVersion],
  });
  return featuresOf(response);
}

const unavailable = async <T>(reason: string): Promise<Part<T>> => ({ ok: false, reason });

/** One part's answer, or its failure translated into the reason shown in its place. */
async function part<T>(read: () => Promise<T>, context: { cluster: string }): Promise<Part<T>> {
  try {
    return { ok: true, data: await read() };
  } catch (error) {
    const problem = describeKafkaError(error, context);
    return { ok: false, reason: `${problem.title}. ${problem.hint}`, code: problem.code };
  }
}
