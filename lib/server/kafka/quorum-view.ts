// The KRaft quorum as the console shows it, from one DescribeQuorum answer (v0–v2): each voter's and
// observer's log end offset and its lag behind the leader (the leader's log end offset minus its own,
// as kafka-metadata-quorum.sh --replication computes it). Pure: no Kafka calls.
import type { BrokerEndpoint, ClusterFeature, QuorumDescription, QuorumReplica } from "@/lib/schemas/brokers";

/** The fields of one replica in the answer; v0 carries no timestamps (-1) and no directory id. */
export interface QuorumReplicaAnswer {
  replicaId: number;
  replicaDirectoryId: string;
  logEndOffset: bigint;
  lastFetchTimestamp: bigint;
  lastCaughtUpTimestamp: bigint;
}

export interface QuorumPartitionAnswer {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: bigint;
  currentVoters: QuorumReplicaAnswer[];
  observers: QuorumReplicaAnswer[];
}

export interface QuorumNodeAnswer {
  nodeId: number;
  listeners: { name: string; host: string; port: number }[];
}

const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

export function describeQuorumPartition(
  partition: QuorumPartitionAnswer,
  nodes: readonly QuorumNodeAnswer[] = [],
): QuorumDescription {
  const leader = partition.currentVoters.find((voter) => voter.replicaId === partition.leaderId);
  const leaderEnd = leader && leader.logEndOffset >= 0n ? leader.logEndOffset : null;
  const endpoints = new Map(
    nodes.map((node) => [
      node.nodeId,
      node.listeners.map(({ name, host, port }): BrokerEndpoint => ({ listener: name, host, port })),
    ]),
  );
  const replica = (answer: QuorumReplicaAnswer): QuorumReplica => {
    const known = answer.logEndOffset >= 0n;
    return {
      nodeId: answer.replicaId,
      directoryId:
        answer.replicaDirectoryId && answer.replicaDirectoryId !== ZERO_UUID
          ? answer.replicaDirectoryId
          : null,
      logEndOffset: known ? answer.logEndOffset.toString() : null,
      lag: quorumLag(leaderEnd, known ? answer.logEndOffset : null),
      lastFetchTimestamp: timestamp(answer.lastFetchTimestamp),
      lastCaughtUpTimestamp: timestamp(answer.lastCaughtUpTimestamp),
      isLeader: answer.replicaId === partition.leaderId,
      endpoints: endpoints.get(answer.replicaId) ?? [],
    };
  };
  return {
    leaderId: partition.leaderId,
    leaderEpoch: partition.leaderEpoch,
    highWatermark: partition.highWatermark.toString(),
    voters: partition.currentVoters.map(replica).sort(byLeaderThenId),
    observers: partition.observers.map(replica).sort(byLeaderThenId),
  };
}

/**
 * The leader's log end offset minus the replica's; null when either is unknown. A replica that read
 * the leader's answer a moment later than the leader wrote it can be ahead: that is no lag, 0.
 */
export function quorumLag(leaderEnd: bigint | null, replicaEnd: bigint | null): string | null {
  if (leaderEnd === null || replicaEnd === null) return null;
  return (leaderEnd > replicaEnd ? leaderEnd - replicaEnd : 0n).toString();
}

function timestamp(value: bigint): number | null {
  return value > 0n ? Number(value) : null;
}

function byLeaderThenId(a: QuorumReplica, b: QuorumReplica): number {
  return Number(b.isLeader) - Number(a.isLeader) || a.nodeId - b.nodeId;
}

/** The feature fields of an ApiVersions answer (v3+). */
export interface FeaturesResponse {
  supportedFeatures?: { name: string; minVersion: number; maxVersion: number }[];
  finalizedFeaturesEpoch?: bigint;
  finalizedFeatures?: { name: string; minVersionLevel: number; maxVersionLevel: number }[];
}

export type Features = { epoch: string | null; features: ClusterFeature[] };

/** Finalized and supported features by name; the epoch is null when the broker sent -1 or none. */
export function featuresOf(response: FeaturesResponse): Features {
  const byName = new Map<string, ClusterFeature>();
  const entry = (name: string) => {
    const found = byName.get(name) ?? { name, finalized: null, supported: null };
    byName.set(name, found);
    return found;
  };
  for (const { name, minVersion, maxVersion } of response.supportedFeatures ?? [])
    entry(name).supported = { minVersion, maxVersion };
  for (const { name, minVersionLevel, maxVersionLevel } of response.finalizedFeatures ?? [])
    entry(name).finalized = { minVersionLevel, maxVersionLevel };
  const epoch = response.finalizedFeaturesEpoch;
  return {
    epoch: epoch !== undefined && epoch >= 0n ? epoch.toString() : null,
    features: [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
