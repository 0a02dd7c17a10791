import "server-only";

// Deleting a consumer group (DeleteGroups) or one topic's committed offsets from it (OffsetDelete,
// ApiKey 47), both through the group's coordinator. Kafka deletes a group only while it has no members
// and a topic's offsets only while no member subscribes to the topic: the console refuses first,
// naming the members, and reads Kafka's own refusals (NON_EMPTY_GROUP, GROUP_SUBSCRIBED_TO_TOPIC) the
// same way. Every attempt is audited.
import { recordAudit, type Principal } from "@/lib/server/auth";

import { flattenErrorChain } from "./errors/error-chain";
import { problemResult } from "./errors/problem-status";
import { failure, type GroupOffsetsFailure, type GroupOffsetsResult } from "./group-reset-guard";
import { describeGroup, type GroupDetails } from "./groups";
import { membersNamed, membersOnTopic } from "./group-delete-members";
import { withClusterAdmin } from "./pooled-clients";

export interface GroupDeleted {
  cluster: string;
  groupId: string;
}

export interface GroupTopicOffsetsDeleted extends GroupDeleted {
  topic: string;
  /** The committed offsets that went, per partition (decimal strings). */
  offsets: { partition: number; offset: string }[];
}

type Audit = (outcome: "success" | "failure", details: Record<string, string | number>) => Promise<void>;

function auditor(cluster: string, groupId: string, actor: Principal, action: string): Audit {
  return (outcome, details) =>
    recordAudit({ actor: actor.actor, action, target: groupId, outcome, details: { cluster, ...details } });
}

/** Deletes the group (admin) when it exists and is empty; 409 NON_EMPTY_GROUP naming its members otherwise. */
export async function deleteGroup(
  cluster: string,
  groupId: string,
  actor: Principal,
): Promise<GroupOffsetsResult<GroupDeleted>> {
  const audit = auditor(cluster, groupId, actor, "group.delete");
  const refuse = async (refusal: GroupOffsetsFailure) => {
    await audit("failure", { code: refusal.code });
    return refusal;
  };
  const found = await existingGroup(cluster, groupId);
  if (!found.ok) return refuse(found);
  if (found.data.members?.length) return refuse(nonEmpty(groupId, found.data.members));
  let kafkaError: unknown;
  const result = await withClusterAdmin(
    cluster,
    (admin) =>
      admin.deleteGroups({ groups: [groupId] }).catch((error: unknown) => {
        kafkaError = error;
        throw error;
      }),
    { cluster, operation: "DELETE", resourceName: groupId },
  );
  if (!result.ok) {
    if (hasCode(kafkaError, "NON_EMPTY_GROUP"))
      return refuse(nonEmpty(groupId, (await membersNow(cluster, groupId)) ?? [], "NON_EMPTY_GROUP"));
    if (hasCode(kafkaError, "GROUP_ID_NOT_FOUND")) return refuse(notFound(cluster, groupId));
    return refuse(problemResult(result.problem));
  }
  await audit("success", { type: found.data.type, state: found.data.state });
  return { ok: true, data: { cluster, groupId } };
}

/**
 * Deletes the group's committed offsets of one topic (every partition it committed); 409
 * GROUP_SUBSCRIBED_TO_TOPIC naming the members that read the topic, 404 when nothing is committed.
 */
export async function deleteGroupTopicOffsets(
  cluster: string,
  groupId: string,
  topic: string,
  actor: Principal,
): Promise<GroupOffsetsResult<GroupTopicOffsetsDeleted>> {
  const audit = auditor(cluster, groupId, actor, "group.offsets.delete");
  const refuse = async (refusal: GroupOffsetsFailure) => {
    await audit("failure", { topic, code: refusal.code });
    return refusal;
  };
  const found = await existingGroup(cluster, groupId);
  if (!found.ok) return refuse(found);
  const group = found.data;
  const offsets = group.partitions
    .filter((row) => row.topic === topic && row.committedOffset !== null)
    .map((row) => ({ partition: row.partition, offset: row.committedOffset! }));
  if (offsets.length === 0)
    return refuse(
      failure(404, "NO_COMMITTED_OFFSETS", `Group ${groupId} has no committed offsets for topic ${topic}.`),
    );
  const readers = membersOnTopic(group.members ?? [], topic);
  if (readers.length) return refuse(subscribed(groupId, topic, readers));
  let kafkaError: unknown;
  const result = await withClusterAdmin(
    cluster,
    (admin) =>
      admin
        .deleteConsumerGroupOffsets({
          groupId,
          topics: [{ name: topic, partitionIndexes: offsets.map(({ partition }) => partition) }],
        })
        .catch((error: unknown) => {
          kafkaError = error;
          throw error;
        }),
    { cluster, operation: "DELETE", resourceName: groupId },
  );
  if (!result.ok) {
    if (hasCode(kafkaError, "GROUP_SUBSCRIBED_TO_TOPIC")) {
      const members = membersOnTopic((await membersNow(cluster, groupId)) ?? [], topic);
      return refuse(subscribed(groupId, topic, members, "GROUP_SUBSCRIBED_TO_TOPIC"));
    }
    if (hasCode(kafkaError, "GROUP_ID_NOT_FOUND")) return refuse(notFound(cluster, groupId));
    return refuse(problemResult(result.problem));
  }
  const described = offsets.map(({ partition, offset }) => `${partition}:${offset}`).join(", ");
  await audit("success", { topic, partitions: offsets.length, offsets: described.slice(0, 2000) });
  return { ok: true, data: { cluster, groupId, topic, offsets } };
}

async function existingGroup(cluster: string, groupId: string): Promise<GroupOffsetsResult<GroupDetails>> {
  const described = await describeGroup(cluster, groupId);
  if (!described.ok) return problemResult(described.problem);
  if (!described.data) return notFound(cluster, groupId);
  if (described.data.type === "share")
    return failure(
      422,
      "UNSUPPORTED_GROUP_TYPE",
      `Group ${groupId} is a share group; the console deletes consumer groups and their committed offsets only.`,
    );
  return { ok: true, data: described.data };
}

async function membersNow(cluster: string, groupId: string) {
  const described = await describeGroup(cluster, groupId).catch(() => null);
  return described?.ok ? (described.data?.members ?? null) : null;
}

const hasCode = (error: unknown, code: string) =>
  flattenErrorChain(error).some((link) => link.error.apiId === code);

const notFound = (cluster: string, groupId: string) =>
  failure(
    404,
    "GROUP_ID_NOT_FOUND",
    `Group ${groupId} does not exist on ${cluster}, or the console may not describe it.`,
  );

function nonEmpty(groupId: string, members: NonNullable<GroupDetails["members"]>, kafkaCode?: string) {
  return failure(
    409,
    "NON_EMPTY_GROUP",
    `Group ${groupId} ${membersNamed(members)}. Kafka deletes a group only while it has no members: stop its consumers, wait until the group is Empty, and try again.${kafkaCode ? ` (${kafkaCode})` : ""}`,
  );
}

function subscribed(
  groupId: string,
  topic: string,
  members: NonNullable<GroupDetails["members"]>,
  kafkaCode?: string,
) {
  return failure(
    409,
    "GROUP_SUBSCRIBED_TO_TOPIC",
    `Group ${groupId} ${membersNamed(members, `reading topic ${topic}`)}. Kafka deletes a topic's offsets from a group only while no member is subscribed to the topic: stop those consumers or remove ${topic} from their subscription, and try again.${kafkaCode ? ` (${kafkaCode})` : ""}`,
  );
}
