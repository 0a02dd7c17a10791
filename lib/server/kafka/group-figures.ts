import "server-only";

// What sorting the group list by lag or by members needs of every matching group, and only that: for
// lag the committed offsets (OffsetFetch, many groups per request) against log end offsets read once
// for all their partitions (share groups: the broker's lag, DescribeShareGroupOffsets); for members
// the describe answers. Groups are asked FIGURES_BATCH at a time, FIGURES_IN_FLIGHT batches at once.
// What was read is kept for the page's own summaries, so the page shows the figures it was sorted by.
import type { Admin } from "@platformatic/kafka";

import type { GroupSort } from "@/lib/schemas/groups";

import type { ClusterCapabilities } from "./capabilities";
import { readGroupMembers, type GroupMembers } from "./group-members";
import {
  committedLag,
  readCommittedOffsets,
  readLogEnds,
  type CommittedOffsets,
  type LogEnds,
  type PartitionOffsetsRow,
} from "./group-offsets";
import type { GroupFigures, ListedGroup } from "./group-pages";
import { findCoordinators, type Coordinator } from "./group-requests";
import { readShareGroupOffsetsIfOffered, shareTotalLag } from "./share-group-offset-rows";

/** Groups per FindCoordinator / DescribeGroups / OffsetFetch request. */
const FIGURES_BATCH = 500;
/**
 * Batches asked at once: two overlap one batch's round trips with the other's decoding. Four were
 * faster still in the bench (lag sort of 10,000 groups ~0.6 s against ~1.0–1.4 s) but more answers
 * were alive at once: heap peak +235 MB against +80 MB.
 */
const FIGURES_IN_FLIGHT = 2;

/** Answers already read, for the page's summaries. */
export interface KnownAnswers {
  coordinators?: ReadonlyMap<string, Coordinator>;
  members?: ReadonlyMap<string, GroupMembers>;
  offsets?: { committed: ReadonlyMap<string, CommittedOffsets>; logEnds: LogEnds };
  /** Share groups' rows (start offsets and the broker's lag). */
  shareOffsets?: ReadonlyMap<string, PartitionOffsetsRow[]>;
}

export interface SortFigures {
  figures: Map<string, GroupFigures>;
  known: KnownAnswers;
}

/** Every group's figure for `sort` (lag or members); a batch that fails leaves its groups without one (sorted last). */
export async function readSortFigures(
  admin: Admin,
  groups: readonly ListedGroup[],
  sort: Exclude<GroupSort, "name">,
  capabilities: ClusterCapabilities | undefined,
): Promise<SortFigures> {
  if (sort === "members") return memberFigures(admin, groups, capabilities);
  const [committed, shares] = await Promise.all([
    lagFigures(admin, groups),
    shareLagFigures(admin, groups, capabilities),
  ]);
  return {
    figures: new Map([...committed.figures, ...shares.figures]),
    known: { ...committed.known, ...shares.known },
  };
}

async function lagFigures(admin: Admin, groups: readonly ListedGroup[]): Promise<SortFigures> {
  const committed = new Map<string, CommittedOffsets>();
  const ids = groups.filter((group) => group.type !== "share").map((group) => group.id);
  await inBatches(ids, async (batch) => {
    const answers = await readCommittedOffsets(admin, batch).catch(() => []);
    for (const answer of answers) committed.set(answer.groupId, answer);
  });
  const topics = new Set<string>();
  for (const group of committed.values()) for (const topic of group.topics) topics.add(topic.name);
  const logEnds = await readLogEnds(admin, topics);
  const figures = new Map<string, GroupFigures>();
  for (const [id, group] of committed)
    figures.set(id, { members: null, totalLag: committedLag(group, logEnds) });
  return { figures, known: { offsets: { committed, logEnds } } };
}

/** Share groups' lag as the broker reports it (DescribeShareGroupOffsets), where the cluster offers it. */
async function shareLagFigures(
  admin: Admin,
  groups: readonly ListedGroup[],
  capabilities: ClusterCapabilities | undefined,
): Promise<SortFigures> {
  const shareOffsets = new Map<string, PartitionOffsetsRow[]>();
  await inBatches(
    groups.filter((group) => group.type === "share"),
    async (batch) => {
      const coordinators = await findCoordinators(
        admin,
        batch.map((group) => group.id),
      ).catch(() => new Map<string, Coordinator>());
      for (const [id, rows] of await readShareGroupOffsetsIfOffered(admin, coordinators, batch, capabilities))
        shareOffsets.set(id, rows);
    },
  );
  const figures = new Map<string, GroupFigures>();
  for (const [id, rows] of shareOffsets) figures.set(id, { members: null, totalLag: shareTotalLag(rows) });
  return { figures, known: { shareOffsets } };
}

async function memberFigures(
  admin: Admin,
  groups: readonly ListedGroup[],
  capabilities: ClusterCapabilities | undefined,
): Promise<SortFigures> {
  const coordinators = new Map<string, Coordinator>();
  const members = new Map<string, GroupMembers>();
  await inBatches(groups, async (batch) => {
    const found = await findCoordinators(
      admin,
      batch.map((group) => group.id),
    ).catch(() => new Map<string, Coordinator>());
    for (const [id, coordinator] of found) coordinators.set(id, coordinator);
    for (const [id, described] of await readGroupMembers(admin, found, batch, capabilities))
      members.set(id, described);
  });
  const figures = new Map<string, GroupFigures>();
  for (const [id, described] of members)
    figures.set(id, { members: described.members ? described.members.length : null, totalLag: null });
  return { figures, known: { coordinators, members } };
}

/** `work` on FIGURES_BATCH items at a time, at most FIGURES_IN_FLIGHT at once. */
async function inBatches<T>(items: readonly T[], work: (batch: T[]) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let from = next; from < items.length; from = next) {
      next += FIGURES_BATCH;
      await work(items.slice(from, from + FIGURES_BATCH));
    }
  };
  await Promise.all(Array.from({ length: FIGURES_IN_FLIGHT }, worker));
}
