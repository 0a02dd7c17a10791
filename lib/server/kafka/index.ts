import "server-only";

// The one module that talks to Kafka: a pool of clients per configured cluster, and the translation of
// every Kafka, network and TLS error into a ClusterProblem an operator can act on.
import { type ClusterAuthentication, clusterAuthentication } from "@/lib/cluster/authentication";
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
export { existingPool } from "./global-pool";
export { allRunningSearches } from "./messages/search-slots";
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

/** Where addresses without a cluster lead: `defaultCluster` in the configuration, else the first. */
export function defaultClusterName(): string | undefined {
  const config = getConfig();
  return config.defaultCluster ?? config.clusters[0]?.name;
}

export function isConfiguredCluster(cluster: string): boolean {
  return listClusterNames().includes(cluster);
}

/** Each cluster's name and how the console authenticates to it, in configuration order; no secrets. */
export function listClusterConnections(): {
  name: string;
  authentication: ClusterAuthentication;
  tls: boolean;
}[] {
  return getConfig().clusters.map((connection) => {
    const { kind, tls } = clusterAuthentication(connection);
    return { name: connection.name, authentication: kind, tls };
  });
}

/**
 * The status, or "no answer" after `withinMs`: a page listing every cluster waits for none longer
 * than that, whatever one broker's connect timeout. The check itself goes on and fills the cache.
 */
export async function getClusterStatusWithin(cluster: string, withinMs: number): Promise<ClusterStatus> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ClusterStatus>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          cluster,
          checkedAt: new Date().toISOString(),
          problem: {
            kind: "unreachable",
            title: `No answer within ${withinMs / 1000} s`,
            hint: "The brokers did not answer in time; the cluster's overview shows the full check.",
          },
        }),
      withinMs,
    );
  });
  try {
    return await Promise.race([getClusterStatus(cluster), late]);
  } finally {
    clearTimeout(timer);
  }
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
export { listTopicFacts, type TopicMetadataFacts } from "./topic-facts";
export { produceMessages, type EncodedWithSchemas } from "./produce";
export { produceV3Records, type V3RecordOutcome, type V3Written } from "./produce-records-v3";
export {
  readClusterLag,
  RecordTimestamps,
  type ClusterLagSnapshot,
  type GroupLagSnapshot,
} from "./group-lag-snapshot";
export { searchMessages, fetchFullRecord, type SearchOptions, type SearchStart } from "./messages";
export {
  listGroups,
  describeGroup,
  type GroupPage,
  type GroupSummary,
  type GroupDetails,
  type GroupMember,
  type TopicPartitions,
  type PartitionOffsetsRow,
} from "./groups";
export {
  previewGroupReset,
  previewGroupImport,
  readGroupCommitted,
  type GroupResetPreview,
  type ResetRow,
} from "./group-reset";
export { applyGroupOffsets, type GroupResetApplied } from "./group-reset-apply";
export type { GroupOffsetsResult } from "./group-reset-guard";
export {
  deleteGroup,
  deleteGroupTopicOffsets,
  type GroupDeleted,
  type GroupTopicOffsetsDeleted,
} from "./group-delete";
export { readTimeLags, timeLagKey, maxTimeLag, type TimeLagPartition } from "./group-time-lag";
export { listTopicConsumers, type TopicConsumer } from "./topic-consumers";
export {
  describeGroupWithTimeLag,
  type GroupDetailsWithTimeLag,
  type TimedPartitionRow,
} from "./group-time-lag-rows";
export { readPageTimeLags } from "./group-list-time-lag";
export { readClusterLogDirs, type BrokerLogDirs, type LogDir, type ReplicaSize } from "./log-dirs";
export {
  topicSizes,
  partitionSizes,
  brokerSizes,
  type PartitionSize,
  type BrokerSize,
} from "./log-dir-sizes";
export { addPartitions, type PartitionsAdded } from "./topic-partitions";
export {
  previewDeleteRecords,
  deleteRecords,
  type DeleteRecordsPreview,
  type DeleteRecordsRow,
  type RecordsDeleted,
} from "./topic-records";
export { deleteTopic, type TopicDeleted } from "./topic-delete";
export { readTopicSizes, type TopicSizes } from "./topic-sizes";
export type { TopicOpsFailure, TopicOpsResult } from "./topic-ops";
export {
  describeConfigs,
  alterConfigs,
  type AlterConfigsOptions,
  type ConfigsFailure,
  type ConfigsResult,
} from "./configs";
export { refusalOf as configsProblemResult } from "./config-refusals";
export { createTopic } from "./topic-create";
export { topicCreationContext, type LikeTopic, type TopicCreationContext } from "./topic-create-context";
export { listScramUsers, upsertScramUser, deleteScramUser, type ScramUserDeleted } from "./scram-users";
export { listClientQuotas, alterClientQuota, type QuotaAltered } from "./client-quotas";
export { listBrokers, describeBroker } from "./brokers";
export { describeQuorumAndFeatures } from "./quorum";
export { readClusterCounters, type ClusterCounters } from "./topic-counters";
export { readOverviewDisk } from "./overview-disk";
export { openV2GroupConsumer, listV2TopicNames } from "./v2-group-consumer";
export { aclLintErrorCount, rememberAclLintErrorCount } from "./acl-lint-errors";
