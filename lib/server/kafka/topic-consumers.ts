import "server-only";

// Which groups read a topic (the topic page's Consumers tab): the groups with committed offsets on it
// (group-topic-filter.ts), then for those only their members and the lag on this topic.
import type { ClusterResult } from "./cluster-pool";
import { committedLag, readLogEnds } from "./group-offsets";
import { readGroupMembers } from "./group-members";
import { findCoordinators } from "./group-requests";
import { listAllGroups } from "./groups";
import { withClusterAdmin } from "./pooled-clients";
import { readTopicCommitted } from "./group-topic-filter";

export interface TopicConsumer {
  groupId: string;
  type: string;
  state: string;
  /** Null when the members could not be read. */
  members: number | null;
  /** Partitions of the topic the group committed. */
  partitions: number;
  /** Σ lag over the topic's committed partitions, a decimal string; null when a log end is unknown. */
  lag: string | null;
}

/** The groups reading the topic with their state, members and lag on it, by group id. */
export async function listTopicConsumers(
  cluster: string,
  topic: string,
): Promise<ClusterResult<TopicConsumer[]>> {
  return withClusterAdmin(
    cluster,
    async (admin) => {
      const listed = await listAllGroups(admin);
      const committed = await readTopicCommitted(admin, listed, topic);
      const readers = listed.filter((group) => committed.has(group.id));
      const [logEnds, members] = await Promise.all([
        readLogEnds(admin, new Set([topic])),
        findCoordinators(
          admin,
          readers.map((group) => group.id),
        )
          .then((coordinators) => readGroupMembers(admin, coordinators, readers, undefined))
          .catch(() => new Map()),
      ]);
      return readers
        .map((group): TopicConsumer => {
          const offsets = committed.get(group.id)!;
          const described = members.get(group.id);
          const lag = committedLag(offsets, logEnds);
          return {
            groupId: group.id,
            type: group.type,
            state: described?.state ?? group.state,
            members: described?.members ? described.members.length : null,
            partitions: offsets.topics.reduce(
              (sum, { partitions }) => sum + partitions.filter((p) => p.committedOffset >= 0n).length,
              0,
            ),
            lag: lag === null ? null : lag.toString(),
          };
        })
        .sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
    },
    { cluster, operation: "DESCRIBE", resourceName: topic },
  );
}
