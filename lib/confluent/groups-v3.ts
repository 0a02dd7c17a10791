// Confluent REST v3 consumer groups, the pure parts: the console's group details (members, and per
// partition committed offset, log end offset and lag) in Confluent's shapes: groups, consumers, lags
// and the lag summary. `base` is the cluster's v3 address, e.g. https://console/kafka/v3/clusters/abc.

export interface V3GroupMember {
  memberId: string;
  instanceId: string | null;
  clientId: string;
  clientHost: string;
  assignment: { topic: string; partitions: number[] }[] | null;
}

export interface V3GroupRow {
  topic: string;
  partition: number;
  committedOffset: string | null;
  logEndOffset: string | null;
  lag: string | null;
}

export interface V3GroupDetails {
  id: string;
  type: string;
  state: string;
  protocolType: string;
  protocol: string | null;
  coordinator: number | null;
  members: V3GroupMember[] | null;
  partitions: V3GroupRow[];
}

export interface V3GroupSummary {
  id: string;
  type: string;
  state: string;
  protocolType: string;
  protocol: string | null;
  coordinator: number | null;
}

const related = (url: string) => ({ related: url });
const enc = encodeURIComponent;

/** Confluent's state spelling: STABLE, EMPTY, PREPARING_REBALANCE, …; UNKNOWN when the console has none. */
export function confluentState(state: string): string {
  const spelled = state
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .replace(/[\s-]+/g, "_")
    .toUpperCase();
  return spelled || "UNKNOWN";
}

export function groupData(clusterId: string, base: string, group: V3GroupSummary) {
  const self = `${base}/consumer-groups/${enc(group.id)}`;
  return {
    kind: "KafkaConsumerGroup",
    metadata: { self, resource_name: `crn:///kafka=${clusterId}/consumer-group=${group.id}` },
    cluster_id: clusterId,
    consumer_group_id: group.id,
    is_simple: group.protocolType === "" && group.type.toLowerCase() === "classic",
    partition_assignor: group.protocol ?? "",
    state: confluentState(group.state),
    type: group.type.toUpperCase(),
    coordinator: related(`${base}/brokers/${group.coordinator ?? -1}`),
    consumers: related(`${self}/consumers`),
    lag_summary: related(`${self}/lag-summary`),
  };
}

export function groupList(clusterId: string, base: string, groups: readonly V3GroupSummary[]) {
  return {
    kind: "KafkaConsumerGroupList",
    metadata: { self: `${base}/consumer-groups`, next: null },
    data: groups.map((group) => groupData(clusterId, base, group)),
  };
}

export function consumerData(clusterId: string, base: string, groupId: string, member: V3GroupMember) {
  const self = `${base}/consumer-groups/${enc(groupId)}/consumers/${enc(member.memberId)}`;
  return {
    kind: "KafkaConsumer",
    metadata: {
      self,
      resource_name: `crn:///kafka=${clusterId}/consumer-group=${groupId}/consumer=${member.memberId}`,
    },
    cluster_id: clusterId,
    consumer_group_id: groupId,
    consumer_id: member.memberId,
    instance_id: member.instanceId,
    client_id: member.clientId,
    assignments: related(`${self}/assignments`),
  };
}

export function consumerList(clusterId: string, base: string, group: V3GroupDetails) {
  return {
    kind: "KafkaConsumerList",
    metadata: { self: `${base}/consumer-groups/${enc(group.id)}/consumers`, next: null },
    data: (group.members ?? []).map((member) => consumerData(clusterId, base, group.id, member)),
  };
}

/** Who holds each partition now, from the members' assignments. */
function holders(members: readonly V3GroupMember[] | null): Map<string, V3GroupMember> {
  const map = new Map<string, V3GroupMember>();
  for (const member of members ?? [])
    for (const { topic, partitions } of member.assignment ?? [])
      for (const partition of partitions) map.set(`${topic}\u0000${partition}`, member);
  return map;
}

/** A partition's lag as Confluent counts it: committed offset (or none), log end, lag, holder. */
interface LagRow {
  topic: string;
  partition: number;
  current: number;
  logEnd: number;
  lag: number;
  member: V3GroupMember | undefined;
}

/** Rows with a committed offset; an uncommitted partition has no lag to report. */
function lagRows(group: V3GroupDetails): LagRow[] {
  const held = holders(group.members);
  return group.partitions
    .filter((row) => row.committedOffset !== null)
    .map((row) => {
      const current = Number(row.committedOffset);
      const logEnd = row.logEndOffset === null ? current : Number(row.logEndOffset);
      const lag = row.lag === null ? Math.max(0, logEnd - current) : Number(row.lag);
      return {
        topic: row.topic,
        partition: row.partition,
        current,
        logEnd,
        lag,
        member: held.get(`${row.topic}\u0000${row.partition}`),
      };
    })
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

export function lagList(clusterId: string, base: string, group: V3GroupDetails) {
  const groupUrl = `${base}/consumer-groups/${enc(group.id)}`;
  return {
    kind: "KafkaConsumerLagList",
    metadata: { self: `${groupUrl}/lags`, next: null },
    data: lagRows(group).map((row) => ({
      kind: "KafkaConsumerLag",
      metadata: {
        self: `${groupUrl}/lags/${enc(row.topic)}/partitions/${row.partition}`,
        resource_name: `crn:///kafka=${clusterId}/consumer-group=${group.id}/lag=${row.topic}/partition=${row.partition}`,
      },
      cluster_id: clusterId,
      consumer_group_id: group.id,
      topic_name: row.topic,
      partition_id: row.partition,
      current_offset: row.current,
      log_end_offset: row.logEnd,
      lag: row.lag,
      consumer_id: row.member?.memberId ?? "",
      instance_id: row.member?.instanceId ?? null,
      client_id: row.member?.clientId ?? "",
    })),
  };
}

export function lagSummary(clusterId: string, base: string, group: V3GroupDetails) {
  const groupUrl = `${base}/consumer-groups/${enc(group.id)}`;
  const rows = lagRows(group);
  const max = rows.reduce<LagRow | undefined>(
    (top, row) => (!top || row.lag > top.lag ? row : top),
    undefined,
  );
  return {
    kind: "KafkaConsumerGroupLagSummary",
    metadata: {
      self: `${groupUrl}/lag-summary`,
      resource_name: `crn:///kafka=${clusterId}/consumer-group=${group.id}/lag-summary`,
    },
    cluster_id: clusterId,
    consumer_group_id: group.id,
    max_lag_consumer_id: max?.member?.memberId ?? "",
    max_lag_instance_id: max?.member?.instanceId ?? null,
    max_lag_client_id: max?.member?.clientId ?? "",
    max_lag_topic_name: max?.topic ?? "",
    max_lag_partition_id: max?.partition ?? 0,
    max_lag: max?.lag ?? 0,
    total_lag: rows.reduce((sum, row) => sum + row.lag, 0),
    max_lag_consumer: max?.member ? related(`${groupUrl}/consumers/${enc(max.member.memberId)}`) : null,
    max_lag_partition: max ? related(`${base}/topics/${enc(max.topic)}/partitions/${max.partition}`) : null,
  };
}

/** The partitions the group gave one consumer, each linked to its partition and its lag. */
export function assignmentList(clusterId: string, base: string, groupId: string, member: V3GroupMember) {
  const groupUrl = `${base}/consumer-groups/${enc(groupId)}`;
  const self = `${groupUrl}/consumers/${enc(member.memberId)}/assignments`;
  const data = (member.assignment ?? []).flatMap(({ topic, partitions }) =>
    [...partitions]
      .sort((a, b) => a - b)
      .map((partition) => ({
        kind: "KafkaConsumerAssignment",
        metadata: {
          self: `${self}/${enc(topic)}/partitions/${partition}`,
          resource_name: `crn:///kafka=${clusterId}/consumer-group=${groupId}/consumer=${member.memberId}/assignment=${topic}/partition=${partition}`,
        },
        cluster_id: clusterId,
        consumer_group_id: groupId,
        consumer_id: member.memberId,
        topic_name: topic,
        partition_id: partition,
        partition: related(`${base}/topics/${enc(topic)}/partitions/${partition}`),
        lag: related(`${groupUrl}/lags/${enc(topic)}/partitions/${partition}`),
      })),
  );
  return { kind: "KafkaConsumerAssignmentList", metadata: { self, next: null }, data };
}

/** One partition's lag, or undefined when the group has no committed offset there. */
export function partitionLag(
  clusterId: string,
  base: string,
  group: V3GroupDetails,
  topic: string,
  partition: number,
) {
  return lagList(clusterId, base, group).data.find(
    (row) => row.topic_name === topic && row.partition_id === partition,
  );
}
