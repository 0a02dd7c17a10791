import "server-only";

// Whether a group's offsets may be changed now: Kafka takes an admin's commit (no member, no
// generation) only while the group has no members, so the console refuses first, naming them, and
// reads Kafka's own refusal of such a commit the same way. Share groups' start offsets follow the same
// rule where the cluster offers AlterShareGroupOffsets.
import type { ActionResult } from "@/lib/errors";

import { untilCoordinatorAnswers } from "./coordinator-retry";
import { flattenErrorChain } from "./errors/error-chain";
import { problemResult } from "./errors/problem-status";
import { shareResetUnavailable } from "./group-reset-share";
import { describeGroup, type GroupDetails } from "./groups";

export type GroupOffsetsFailure = Extract<ActionResult<never>, { ok: false }> & { code: string };
export type GroupOffsetsResult<T> = { ok: true; data: T } | GroupOffsetsFailure;

export interface GroupStanding {
  exists: boolean;
  type: string | null;
  state: string | null;
  /** Why the console cannot change this group's offsets, as information (share groups on a cluster without the API). */
  unavailable?: string;
}

/**
 * Kafka's answers to an offset commit without a member while members are in the group (classic:
 * UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, REBALANCE_IN_PROGRESS; KIP-848: the member epoch errors).
 */
const ACTIVE_GROUP_ERRORS = new Set([
  "UNKNOWN_MEMBER_ID",
  "ILLEGAL_GENERATION",
  "REBALANCE_IN_PROGRESS",
  "STALE_MEMBER_EPOCH",
  "FENCED_MEMBER_EPOCH",
  // AlterShareGroupOffsets says it plainly.
  "NON_EMPTY_GROUP",
]);

export const failure = (status: GroupOffsetsFailure["status"], code: string, error: string) =>
  ({ ok: false, status, code, error }) as const;

/** The group as it is now, or a refusal: 409 NON_EMPTY_GROUP naming its members. */
export async function groupStanding(
  cluster: string,
  groupId: string,
): Promise<GroupOffsetsResult<GroupStanding>> {
  const described = await untilCoordinatorAnswers(() => describeGroup(cluster, groupId));
  if (!described.ok) return problemResult(described.problem);
  const group = described.data;
  if (!group) return { ok: true, data: { exists: false, type: null, state: null } };
  const standing: GroupStanding = { exists: true, type: group.type, state: group.state };
  if (group.type === "share") {
    const unavailable = await shareResetUnavailable(cluster);
    if (unavailable) return { ok: true, data: { ...standing, unavailable } };
  }
  if (group.members?.length) return activeMembersRefusal(groupId, group.members);
  return { ok: true, data: standing };
}

/** Kafka's own refusal of the commit, read as the console's; null for any other error. */
export async function refusalOfCommit(
  cluster: string,
  groupId: string,
  error: unknown,
): Promise<GroupOffsetsFailure | null> {
  const code = flattenErrorChain(error)
    .map((link) => link.error.apiId)
    .find((apiId) => typeof apiId === "string" && ACTIVE_GROUP_ERRORS.has(apiId));
  if (!code) return null;
  const described = await describeGroup(cluster, groupId).catch(() => null);
  const members = described?.ok ? (described.data?.members ?? []) : [];
  return activeMembersRefusal(groupId, members, code as string);
}

function activeMembersRefusal(
  groupId: string,
  members: NonNullable<GroupDetails["members"]>,
  kafkaCode?: string,
): GroupOffsetsFailure {
  const shown = members.slice(0, 5).map((member) => {
    const client = member.clientId || "(no client id)";
    return `${client} (member ${member.memberId}${member.clientHost ? ` on ${member.clientHost}` : ""})`;
  });
  const more = members.length > 5 ? ` and ${members.length - 5} more` : "";
  const who = members.length
    ? `has ${members.length} active member${members.length === 1 ? "" : "s"}: ${shown.join(", ")}${more}`
    : "has active members";
  return failure(
    409,
    "NON_EMPTY_GROUP",
    `Group ${groupId} ${who}. Kafka lets an operator reset a group's offsets only while it has no members: stop its consumers, wait until the group is Empty, and try again.${kafkaCode ? ` (${kafkaCode})` : ""}`,
  );
}
