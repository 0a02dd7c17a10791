import "server-only";

// Consumer groups for the console's list and group page: ListGroups on every broker for the list (ids,
// types, states), then, for the shown groups only, their coordinators, members (DescribeGroups for
// classic groups, ConsumerGroupDescribe for KIP-848 ones), committed offsets (OffsetFetch) and log end
// offsets (ListOffsets) for the lag. What the cluster or the console cannot read is said, not an error.
import type { Admin } from "@platformatic/kafka";

import type { GroupListQuery, GroupSort } from "@/lib/schemas/groups";

import type { ClusterCapabilities } from "./capabilities";
import type { ClusterResult } from "./cluster-pool";
import { currentPool } from "./global-pool";
import { filterGroups, groupTypeOf, pageOf, sortGroups, totalLag, type ListedGroup } from "./group-pages";
import { readSortFigures, type KnownAnswers } from "./group-figures";
import { readGroupMembers, type GroupMembers } from "./group-members";
import { readGroupOffsets, type PartitionOffsetsRow } from "./group-offsets";
import { readShareGroupOffsetsIfOffered, shareTotalLag } from "./share-group-offset-rows";
import { findCoordinators } from "./group-requests";
import { filterByTopic } from "./group-topic-filter";
import { withClusterAdmin } from "./pooled-clients";

export type { GroupMember, TopicPartitions } from "./group-members";
export type { PartitionOffsetsRow } from "./group-offsets";

export interface GroupSummary {
  id: string;
  type: string;
  state: string;
  protocolType: string;
  /** The assignor: the classic group's protocol, the KIP-848 group's server assignor; null when unread. */
  protocol: string | null;
  /** The coordinator's node id; null when the lookup failed. */
  coordinator: number | null;
  members: number | null;
  /** Topics the group committed offsets for or is assigned; null when neither could be read. */
  topics: string[] | null;
  /** Σ lag over the committed partitions, a decimal string; null when unknown or nothing is committed. */
  totalLag: string | null;
  /** Why members or lag are missing for this group (the cluster lacks an API, or the console does not read its type). */
  unavailable?: string;
}

export interface GroupPage {
  total: number;
  page: number;
  pageSize: number;
  sort: GroupSort;
  groups: GroupSummary[];
}

export interface GroupDetails extends Omit<GroupSummary, "members"> {
  /** KIP-848 groups: the group's epoch and the epoch of its target assignment. */
  groupEpoch?: number;
  assignmentEpoch?: number;
  members: GroupMembers["members"] | null;
  partitions: PartitionOffsetsRow[];
}

/** One page of groups; only the page's groups are described and their lag computed when sorting by name. */
export async function listGroups(
  cluster: string,
  query: GroupListQuery = {},
): Promise<ClusterResult<GroupPage>> {
  const capabilities = await capabilitiesOf(cluster);
  return withClusterAdmin(
    cluster,
    async (admin) => {
      let matching = filterGroups(await listAllGroups(admin), query);
      if (query.topic) matching = await filterByTopic(admin, matching, query.topic);
      const sort = query.sort ?? "name";
      const { page, pageSize, start, end } = pageOf(matching.length, query);
      let summaries: Map<string, GroupSummary>;
      let shown: ListedGroup[];
      if (sort === "name") {
        shown = matching.slice(start, end);
        summaries = await summarize(admin, shown, capabilities);
      } else {
        // Every matching group's lag or members count, only that; the page is then summarized from the same answers.
        const { figures, known } = await readSortFigures(admin, matching, sort, capabilities);
        shown = sortGroups(matching, sort, figures).slice(start, end);
        summaries = await summarize(admin, shown, capabilities, known);
      }
      return {
        total: matching.length,
        page,
        pageSize,
        sort,
        groups: shown.map((group) => summaries.get(group.id)!),
      };
    },
    { cluster, operation: "DESCRIBE" },
  );
}

/** The group's members and per-partition offsets and lag; null when the cluster does not list it. */
export async function describeGroup(
  cluster: string,
  groupId: string,
): Promise<ClusterResult<GroupDetails | null>> {
  const capabilities = await capabilitiesOf(cluster);
  return withClusterAdmin(
    cluster,
    async (admin) => {
      const listed = (await listAllGroups(admin)).find((group) => group.id === groupId);
      if (!listed) return null;
      const coordinators = await findCoordinators(admin, [groupId]).catch(() => new Map());
      const members = await readGroupMembers(admin, coordinators, [listed], capabilities);
      const [offsets, shareOffsets] = await Promise.all([
        readGroupOffsets(admin, [listed], members),
        readShareGroupOffsetsIfOffered(admin, coordinators, [listed], capabilities),
      ]);
      const described = members.get(groupId);
      const rows = offsets.get(groupId) ?? shareOffsets.get(groupId);
      const lag = groupLag(listed, rows);
      return {
        id: listed.id,
        type: listed.type,
        state: described?.state ?? listed.state,
        protocolType: listed.protocolType,
        protocol: described?.protocol ?? null,
        coordinator: coordinators.get(groupId)?.nodeId ?? null,
        groupEpoch: described?.groupEpoch,
        assignmentEpoch: described?.assignmentEpoch,
        members: described?.members ?? null,
        topics: topicsOf(described, rows),
        partitions: rows ?? [],
        totalLag: lag === null ? null : lag.toString(),
        unavailable: unavailableOf(listed, described, capabilities),
      };
    },
    { cluster, operation: "DESCRIBE", resourceName: groupId },
  );
}

/** Every group of every broker, of every type (ListGroups v5 reports types; an empty filter is all). */
export async function listAllGroups(admin: Admin): Promise<ListedGroup[]> {
  const listed = await admin.listGroups({ states: [], types: [] });
  return [...listed.values()].map((group) => ({
    id: group.id,
    type: groupTypeOf(group.groupType),
    state: group.state,
    protocolType: group.protocolType,
  }));
}

async function summarize(
  admin: Admin,
  groups: readonly ListedGroup[],
  capabilities: ClusterCapabilities | undefined,
  known: KnownAnswers = {},
): Promise<Map<string, GroupSummary>> {
  // Each part may fail alone: the list still shows what the other parts could read.
  const coordinators =
    known.coordinators ??
    (await findCoordinators(
      admin,
      groups.map((group) => group.id),
    ).catch(() => new Map()));
  const [members, offsets, shareOffsets] = await Promise.all([
    known.members ?? readGroupMembers(admin, coordinators, groups, capabilities),
    readGroupOffsets(admin, groups, undefined, known.offsets).catch(
      () => new Map<string, PartitionOffsetsRow[]>(),
    ),
    known.shareOffsets ?? readShareGroupOffsetsIfOffered(admin, coordinators, groups, capabilities),
  ]);
  return new Map(
    groups.map((group) => {
      const described = members.get(group.id);
      const rows = offsets.get(group.id) ?? shareOffsets.get(group.id);
      const lag = groupLag(group, rows);
      const summary: GroupSummary = {
        id: group.id,
        type: group.type,
        state: described?.state ?? group.state,
        protocolType: group.protocolType,
        protocol: described?.protocol ?? null,
        coordinator: coordinators.get(group.id)?.nodeId ?? null,
        members: described?.members ? described.members.length : null,
        topics: topicsOf(described, rows),
        totalLag: lag === null ? null : lag.toString(),
      };
      const unavailable = unavailableOf(group, described, capabilities);
      if (unavailable) summary.unavailable = unavailable;
      return [group.id, summary];
    }),
  );
}

function topicsOf(
  described: GroupMembers | undefined,
  rows: PartitionOffsetsRow[] | undefined,
): string[] | null {
  if (!described?.members && !rows) return null;
  const topics = new Set(rows?.map((row) => row.topic));
  for (const member of described?.members ?? []) {
    for (const { topic } of member.assignment ?? []) topics.add(topic);
  }
  return [...topics].sort();
}

function bigintsOf(row: PartitionOffsetsRow) {
  return {
    committed: row.committedOffset === null ? null : BigInt(row.committedOffset),
    logEnd: row.logEndOffset === null ? null : BigInt(row.logEndOffset),
  };
}

/** Everything the console could not read about the group, in one sentence or more; undefined when nothing. */
function unavailableOf(
  group: ListedGroup,
  described: GroupMembers | undefined,
  capabilities: ClusterCapabilities | undefined,
): string | undefined {
  const reasons = [described?.unavailable, offsetsUnavailable(group, capabilities)].filter(Boolean);
  return reasons.length ? reasons.join(" ") : undefined;
}

/** Share groups keep start offsets per share-partition (DescribeShareGroupOffsets), not committed ones. */
function offsetsUnavailable(
  group: ListedGroup,
  capabilities: ClusterCapabilities | undefined,
): string | undefined {
  const capability = capabilities?.shareGroupOffsets;
  return group.type === "share" && capability && !capability.supported
    ? `Share groups keep start offsets per share-partition, not committed offsets. ${capability.message}`
    : undefined;
}

/** Lag = log end − committed, summed; a share group's is the broker's own (it counts acknowledged records). */
function groupLag(group: ListedGroup, rows: readonly PartitionOffsetsRow[] | undefined): bigint | null {
  if (!rows) return null;
  return group.type === "share" ? shareTotalLag(rows) : totalLag(rows.map(bigintsOf));
}

/** Undefined when the cluster could not be asked: then nothing is declared lacking, the calls say what fails. */
async function capabilitiesOf(cluster: string): Promise<ClusterCapabilities | undefined> {
  try {
    const result = await currentPool().capabilities(cluster);
    return result.ok ? result.data : undefined;
  } catch {
    return undefined;
  }
}
