// The group requests the Admin API does not offer as the console needs them, sent with sendRaw (the
// client's own connection, version negotiation and retry hooks): DescribeGroups and
// ConsumerGroupDescribe to each group's coordinator, keeping the groups that answered when another
// reports an error (Admin.describeGroups fails as a whole, and decodes every member as a consumer).
import { FindCoordinatorKeyTypes, type Admin } from "@platformatic/kafka";

import { responseWithErrorsUnder, sendRaw } from "./raw-request";

import {
  shareGroupDescribeV1,
  type ShareGroupAnswer,
  type ShareGroupDescribeResponse,
} from "./share-group-describe";
import {
  describeShareGroupOffsetsV1,
  type DescribeShareGroupOffsetsResponse,
  type ShareOffsetsGroup,
} from "./share-group-offsets";

export interface Coordinator {
  nodeId: number;
  host: string;
  port: number;
}

/** Each group's coordinator; groups whose lookup failed are missing. */
export async function findCoordinators(
  admin: Admin,
  groupIds: readonly string[],
): Promise<Map<string, Coordinator>> {
  const coordinators = new Map<string, Coordinator>();
  if (groupIds.length === 0) return coordinators;
  const found = await admin.findCoordinator({ keyType: FindCoordinatorKeyTypes.GROUP, keys: [...groupIds] });
  for (const { key, nodeId, host, port } of found) coordinators.set(key, { nodeId, host, port });
  return coordinators;
}

/** The fields of a DescribeGroups answer the console reads (v0 to v5). */
export interface ClassicGroupAnswer {
  errorCode: number;
  groupId: string;
  groupState: string;
  protocolType: string;
  /** The chosen assignor (range, cooperative-sticky, …). */
  protocolData: string;
  members: {
    memberId: string;
    groupInstanceId: string | null;
    clientId: string;
    clientHost: string;
    memberMetadata: Buffer;
    memberAssignment: Buffer;
  }[];
}
interface DescribeGroupsResponse {
  groups: ClassicGroupAnswer[];
}

interface MemberAssignmentAnswer {
  topicPartitions: { topicId: string; topicName: string; partitions: number[] }[];
}

/** The fields of a ConsumerGroupDescribe (KIP-848) answer the console reads. */
export interface ConsumerGroupAnswer {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignorName: string;
  members: {
    memberId: string;
    instanceId: string | null;
    rackId: string | null;
    memberEpoch: number;
    clientId: string;
    clientHost: string;
    subscribedTopicNames: string[];
    subscribedTopicRegex: string | null;
    assignment: MemberAssignmentAnswer;
    targetAssignment: MemberAssignmentAnswer;
  }[];
}
interface ConsumerGroupDescribeResponse {
  groups: ConsumerGroupAnswer[];
}

/** DescribeGroups (classic groups) of each coordinator, its groups at once. */
export function describeClassicGroups(
  admin: Admin,
  coordinators: ReadonlyMap<string, Coordinator>,
  groupIds: readonly string[],
): Promise<Map<string, ClassicGroupAnswer>> {
  return perCoordinator<DescribeGroupsResponse, ClassicGroupAnswer>(
    admin,
    coordinators,
    groupIds,
    "DescribeGroups",
    (ids) => [ids, false],
    (response) => response.groups,
  );
}

/** ConsumerGroupDescribe (KIP-848 groups) of each coordinator, its groups at once. */
export function describeConsumerGroups(
  admin: Admin,
  coordinators: ReadonlyMap<string, Coordinator>,
  groupIds: readonly string[],
): Promise<Map<string, ConsumerGroupAnswer>> {
  return perCoordinator<ConsumerGroupDescribeResponse, ConsumerGroupAnswer>(
    admin,
    coordinators,
    groupIds,
    "ConsumerGroupDescribe",
    (ids) => [ids, false],
    (response) => response.groups,
  );
}

/** ShareGroupDescribe v1 (KIP-932 share groups) of each coordinator, its groups at once. */
export function describeShareGroups(
  admin: Admin,
  coordinators: ReadonlyMap<string, Coordinator>,
  groupIds: readonly string[],
): Promise<Map<string, ShareGroupAnswer>> {
  return perCoordinator<ShareGroupDescribeResponse, ShareGroupAnswer>(
    admin,
    coordinators,
    groupIds,
    "ShareGroupDescribe",
    (ids) => [ids, false],
    (response) => response.groups,
    shareGroupDescribeV1,
  );
}

/** Share groups' start offsets and lag per share-partition (DescribeShareGroupOffsets v1, the console's codec). */
export function describeShareGroupOffsets(
  admin: Admin,
  coordinators: ReadonlyMap<string, Coordinator>,
  groupIds: readonly string[],
): Promise<Map<string, ShareOffsetsGroup>> {
  return perCoordinator<DescribeShareGroupOffsetsResponse, ShareOffsetsGroup>(
    admin,
    coordinators,
    groupIds,
    "DescribeShareGroupOffsets",
    (ids) => [ids],
    (response) => response.groups,
    describeShareGroupOffsetsV1,
  );
}

async function perCoordinator<Response, Group extends { groupId: string }>(
  admin: Admin,
  coordinators: ReadonlyMap<string, Coordinator>,
  groupIds: readonly string[],
  apiName: string,
  request: (ids: string[]) => unknown[],
  groupsOf: (response: Response) => Group[],
  own?: unknown,
): Promise<Map<string, Group>> {
  const byNode = new Map<number, { coordinator: Coordinator; ids: string[] }>();
  for (const id of groupIds) {
    const coordinator = coordinators.get(id);
    if (!coordinator) continue;
    const batch = byNode.get(coordinator.nodeId) ?? { coordinator, ids: [] };
    batch.ids.push(id);
    byNode.set(coordinator.nodeId, batch);
  }
  const answers = await Promise.all(
    [...byNode.values()].map(({ coordinator, ids }) =>
      askBroker<Response>(admin, coordinator, apiName, request(ids), own),
    ),
  );
  const groups = new Map<string, Group>();
  for (const answer of answers) for (const group of groupsOf(answer)) groups.set(group.groupId, group);
  return groups;
}

/** `own`: an API the client does not implement (share-group-describe.ts), sent at its one version. */
function askBroker<Response>(
  admin: Admin,
  broker: Coordinator,
  apiName: string,
  args: unknown[],
  own?: unknown,
): Promise<Response> {
  return sendRaw<Response>(admin, {
    api: own ? { name: apiName, codec: own } : apiName,
    broker,
    args,
    // Per-group errors (GROUP_ID_NOT_FOUND, a group of another type) leave the others usable.
    keepPartial: (error) => responseWithErrorsUnder<Response>("/groups/", error),
  });
}
