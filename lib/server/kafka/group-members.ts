import "server-only";

// Who is in a group, by its type: DescribeGroups for classic groups (the consumer protocol's
// assignments decoded), ConsumerGroupDescribe for KIP-848 groups (epochs, current and target
// assignment), ShareGroupDescribe for share groups (KIP-932). Streams groups are listed but their
// members not read yet: said, not failed.
import { decodeConsumerProtocolAssignment, protocolErrorsCodesById, type Admin } from "@platformatic/kafka";

import type { ClusterCapabilities } from "./capabilities";
import type { ListedGroup } from "./group-pages";
import {
  describeClassicGroups,
  describeConsumerGroups,
  describeShareGroups,
  type ClassicGroupAnswer,
  type ConsumerGroupAnswer,
  type Coordinator,
} from "./group-requests";
import { describeKafkaError } from "./errors/describe-kafka-error";
import type { ShareGroupAnswer } from "./share-group-describe";

export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

export interface GroupMember {
  memberId: string;
  /** group.instance.id of a static member. */
  instanceId: string | null;
  clientId: string;
  clientHost: string;
  /** The partitions the member holds; null when its assignment cannot be decoded (not the consumer protocol). */
  assignment: TopicPartitions[] | null;
  /** KIP-848 groups only. */
  memberEpoch?: number;
  rackId?: string | null;
  subscribedTopics?: string[];
  subscribedTopicRegex?: string | null;
  /** KIP-848: what the coordinator wants the member to hold once it has reconciled. */
  targetAssignment?: TopicPartitions[];
}

export interface GroupMembers {
  state?: string;
  protocol: string | null;
  groupEpoch?: number;
  assignmentEpoch?: number;
  /** Null when the members could not be read; `unavailable` says why. */
  members: GroupMember[] | null;
  unavailable?: string;
}

/** Each group's members, by its type; a group whose describe failed carries the reason instead. */
export async function readGroupMembers(
  admin: Admin,
  coordinators: ReadonlyMap<string, Coordinator>,
  groups: readonly ListedGroup[],
  capabilities: ClusterCapabilities | undefined,
): Promise<Map<string, GroupMembers>> {
  const ofType = (type: string) => groups.filter((group) => group.type === type).map((group) => group.id);
  const lacking = (name: "consumerGroups" | "shareGroups") => {
    const capability = capabilities?.[name];
    return capability && !capability.supported ? capability.message : undefined;
  };
  const kinds: Record<string, DescribeKind> = {
    classic: { api: "DescribeGroups", describe: describeClassicGroups, read: classicMembers },
    consumer: {
      api: "ConsumerGroupDescribe",
      lacking: lacking("consumerGroups"),
      describe: describeConsumerGroups,
      read: consumerMembers,
    },
    share: {
      api: "ShareGroupDescribe",
      lacking: lacking("shareGroups"),
      describe: describeShareGroups,
      read: shareMembers,
    },
  };
  const answers = new Map(
    await Promise.all(
      Object.entries(kinds).map(async ([type, kind]) => {
        const ids = ofType(type);
        const settled =
          ids.length && !kind.lacking ? await settle(kind.describe(admin, coordinators, ids)) : undefined;
        return [type, settled] as const;
      }),
    ),
  );
  const result = new Map<string, GroupMembers>();
  for (const group of groups) {
    const missing = (unavailable: string): GroupMembers => ({ protocol: null, members: null, unavailable });
    const kind = kinds[group.type];
    if (!kind) {
      result.set(
        group.id,
        missing(
          group.type === "streams"
            ? "The console does not read streams groups' members yet: StreamsGroupDescribe (ApiKey 89)."
            : `The console does not read members of ${group.type} groups.`,
        ),
      );
      continue;
    }
    if (kind.lacking) {
      result.set(group.id, missing(kind.lacking));
      continue;
    }
    const settled = answers.get(group.type);
    if (!coordinators.has(group.id)) {
      result.set(group.id, missing("The group's coordinator could not be found (FindCoordinator)."));
    } else if (!settled?.ok) {
      result.set(group.id, missing(`${kind.api} failed: ${settled?.reason ?? "no answer"}`));
    } else {
      const answer = settled.value.get(group.id);
      if (!answer)
        result.set(group.id, missing(`The coordinator did not answer ${kind.api} for this group.`));
      else if (answer.errorCode !== 0)
        result.set(group.id, missing(`${kind.api} answered ${errorName(answer.errorCode)}.`));
      else result.set(group.id, kind.read(answer as never));
    }
  }
  return result;
}

interface DescribeKind {
  /** The API's name, for what is said when it fails. */
  api: string;
  /** Why the cluster cannot answer it (from its ApiVersions), if it cannot. */
  lacking?: string;
  describe: (
    admin: Admin,
    coordinators: ReadonlyMap<string, Coordinator>,
    ids: readonly string[],
  ) => Promise<Map<string, { groupId: string; errorCode: number }>>;
  read: (answer: never) => GroupMembers;
}

type Settled<T> = { ok: true; value: T } | { ok: false; reason: string };

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    const problem = describeKafkaError(error);
    return { ok: false, reason: `${problem.title}${problem.code ? ` (${problem.code})` : ""}` };
  }
}

function classicMembers(answer: ClassicGroupAnswer): GroupMembers {
  return {
    state: answer.groupState,
    protocol: answer.protocolData || null,
    members: answer.members.map((member) => ({
      memberId: member.memberId,
      instanceId: member.groupInstanceId,
      clientId: member.clientId,
      clientHost: member.clientHost,
      assignment: answer.protocolType === "consumer" ? decodeAssignment(member.memberAssignment) : null,
    })),
  };
}

/** Only the consumer protocol's assignment has a known layout; Connect and others keep their own. */
function decodeAssignment(bytes: Buffer): TopicPartitions[] | null {
  if (bytes.length === 0) return [];
  try {
    return sortAssignment(
      decodeConsumerProtocolAssignment(bytes).assignedPartitions.map(({ topic, partitions }) => ({
        topic,
        partitions,
      })),
    );
  } catch {
    return null;
  }
}

function consumerMembers(answer: ConsumerGroupAnswer): GroupMembers {
  return {
    state: answer.groupState,
    protocol: answer.assignorName || null,
    groupEpoch: answer.groupEpoch,
    assignmentEpoch: answer.assignmentEpoch,
    members: answer.members.map((member) => ({
      memberId: member.memberId,
      instanceId: member.instanceId,
      clientId: member.clientId,
      clientHost: member.clientHost,
      memberEpoch: member.memberEpoch,
      rackId: member.rackId,
      subscribedTopics: [...member.subscribedTopicNames].sort(),
      subscribedTopicRegex: member.subscribedTopicRegex,
      assignment: namedAssignment(member.assignment),
      targetAssignment: namedAssignment(member.targetAssignment),
    })),
  };
}

function shareMembers(answer: ShareGroupAnswer): GroupMembers {
  return {
    state: answer.groupState,
    protocol: answer.assignorName || null,
    groupEpoch: answer.groupEpoch,
    assignmentEpoch: answer.assignmentEpoch,
    members: answer.members.map((member) => ({
      memberId: member.memberId,
      instanceId: null,
      clientId: member.clientId,
      clientHost: member.clientHost,
      memberEpoch: member.memberEpoch,
      rackId: member.rackId,
      subscribedTopics: [...member.subscribedTopicNames].sort(),
      assignment: namedAssignment(member.assignment),
    })),
  };
}

/** KIP-848 and share groups name assigned topics by id and name; a deleted topic keeps only its id. */
function namedAssignment(assignment: {
  topicPartitions: { topicId: string; topicName: string; partitions: number[] }[];
}): TopicPartitions[] {
  return sortAssignment(
    assignment.topicPartitions.map(({ topicName, topicId, partitions }) => ({
      topic: topicName || topicId,
      partitions,
    })),
  );
}

function sortAssignment(assignment: TopicPartitions[]): TopicPartitions[] {
  return assignment
    .map(({ topic, partitions }) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }))
    .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}

/** A Kafka error code by name (GROUP_ID_NOT_FOUND), for the per-group errors a coordinator answers. */
export function errorName(code: number): string {
  return protocolErrorsCodesById[code] ?? `error code ${code}`;
}
