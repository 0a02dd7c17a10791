import "server-only";

// The one module that talks to Kafka: a pool of clients per configured cluster, and the translation of
// every Kafka, network and TLS error into a ClusterProblem an operator can act on.
import type { ClusterStatus } from "@/lib/schemas/cluster";
import { getConfig } from "@/lib/server/config";

import type { ClusterCapabilities } from "./capabilities";
import type { ClusterResult } from "./cluster-pool";
import { closeCurrentPool, currentPool } from "./global-pool";
import { describeKafkaError } from "./errors/describe-kafka-error";

export { describeKafkaError } from "./errors/describe-kafka-error";
export type { KafkaErrorContext } from "./errors/describe-kafka-error";
export type { ClusterResult, FetchConsumer } from "./cluster-pool";
export type { Capability, CapabilityName, ClusterCapabilities } from "./capabilities";
export { unavailableReason } from "./capabilities";
export {
  listAcls,
  listLintInventory,
  createAcls,
  deleteAcls,
  problemResult,
  type AclActionResult,
} from "./acls";

/** Configured cluster names, in configuration order. */
export function listClusterNames(): string[] {
  return getConfig().clusters.map((cluster) => cluster.name);
}

/** The cluster's live overview, or why it cannot be had. Never throws. */
export async function getClusterStatus(cluster: string): Promise<ClusterStatus> {
  try {
    return await currentPool().status(cluster);
  } catch (error) {
    // Only reachable when the configuration itself cannot be read; the pool translates everything else.
    return { ok: false, cluster, problem: describeKafkaError(error), checkedAt: new Date().toISOString() };
  }
}

/** What the cluster can do, from its ApiVersions answer (cached with the status), or why it cannot be had. */
export async function clusterCapabilities(cluster: string): Promise<ClusterResult<ClusterCapabilities>> {
  try {
    return await currentPool().capabilities(cluster);
  } catch (error) {
    return { ok: false, problem: describeKafkaError(error) };
  }
}

/** Closes every client of every cluster (shutdown, tests). The next call opens new ones. */
export async function closeAllClusters(): Promise<void> {
  await closeCurrentPool();
}
export { listTopics, describeTopic, type TopicPage, type TopicSummary, type TopicDetails } from "./topics";
export { produceMessages } from "./produce";
export { searchMessages, fetchFullRecord, type SearchOptions, type SearchStart } from "./messages";
