import "server-only";

// Who is in a group, by its type: DescribeGroups for classic groups (the consumer protocol's
// assignments decoded), ConsumerGroupDescribe for KIP-848 groups (epochs, current and target
// assignment). Share and streams groups are listed but their members not read yet: said, not failed.
import { decodeConsumerProtocolAssignment, protocolErrorsCodesById, type Admin } from "@platformatic/kafka";

import type { ClusterCapabilities } from "./capabilities";
import type { ListedGroup } from "./group-pages";
import {
  describeClassicGroups,
  describeConsumerGroups,
  type ClassicGroupAnswer,
  type ConsumerGroupAnswer,
  type Coordinator,
} from "./group-requests";
import { describeKafkaError } from "./errors/describe-kafka-error";

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
  const classic = ofType("classic");
  const consumer = ofType("consumer");
  const consumerLacking =
    capabilities?.consumerGroups.supported === false ? capabilities.consumerGroups.message : undefined;
  const [classicAnswers, consumerAnswers] = await Promise.all([
    settle(classic.length ? describeClassicGroups(admin, coordinators, classic) : undefined),
    settle(
      consumer.length && !consumerLacking ? describeConsumerGroups(admin, coordinators, consumer) : undefined,
    ),
  ]);
  const result = new Map<string, GroupMembers>();
  for (const group of groups) {
    result.set(
      group.id,
      membersOf(group, classicAnswers, consumerAnswers, consumerLacking, capabilities, coordinators),
    );
  }
  return result;
}

type Settled<T> = { ok: true; value: T } | { ok: false; reason: string };

async function settle<T>(promise: Promise<T> | undefined): Promise<Settled<T | undefined>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    const problem = describeKafkaError(error);
    return { ok: false, reason: `${problem.title}${problem.code ? ` (${problem.code})` : ""}` };
  }
}

function membersOf(
  group: ListedGroup,
  classic: Settled<Map<string, ClassicGroupAnswer> | undefined>,
  consumer: Settled<Map<string, ConsumerGroupAnswer> | undefined>,
  consumerLacking: string | undefined,
  capabilities: ClusterCapabilities | undefined,
  coordinators: ReadonlyMap<string, Coordinator>,
): GroupMembers {
  const missing = (unavailable: string): GroupMembers => ({ protocol: null, members: null, unavailable });
  switch (group.type) {
    case "classic":
    case "consumer": {
      if (group.type === "consumer" && consumerLacking) return missing(consumerLacking);
      if (!coordinators.has(group.id))
        return missing("The group's coordinator could not be found (FindCoordinator).");
      const answers = group.type === "classic" ? classic : consumer;
      const api = group.type === "classic" ? "DescribeGroups" : "ConsumerGroupDescribe";
      if (!answers.ok) return missing(`${api} failed: ${answers.reason}`);
      const answer = answers.value?.get(group.id);
      if (!answer) return missing(`The coordinator did not answer ${api} for this group.`);
      if (answer.errorCode !== 0) return missing(`${api} answered ${errorName(answer.errorCode)}.`);
      return group.type === "classic"
        ? classicMembers(answer as ClassicGroupAnswer)
        : consumerMembers(answer as ConsumerGroupAnswer);
    }
    case "share":
      return missing(
        capabilities?.shareGroups.supported === false
          ? capabilities.shareGroups.message
          : "The console does not read share groups' members yet: ShareGroupDescribe (ApiKey 77).",
      );
    case "streams":
      return missing(
        "The console does not read streams groups' members yet: StreamsGroupDescribe (ApiKey 89).",
      );
    default:
      return missing(`The console does not read members of ${group.type} groups.`);
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
  const named = (assignment: ConsumerGroupAnswer["members"][number]["assignment"]) =>
    sortAssignment(
      assignment.topicPartitions.map(({ topicName, topicId, partitions }) => ({
        topic: topicName || topicId,
        partitions,
      })),
    );
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
      assignment: named(member.assignment),
      targetAssignment: named(member.targetAssignment),
    })),
  };
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
