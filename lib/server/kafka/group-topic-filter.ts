import "server-only";

// The groups with committed offsets on a topic, for the list's topic filter and the topic's Consumers
// tab: OffsetFetch of every given group, 500 groups a request and two requests in flight (the client
// sends OffsetFetch v8+ once per coordinator for many groups, and once per group to older brokers),
// each answer cut to the topic's partitions.
import type { Admin } from "@platformatic/kafka";

import { readCommittedOffsets, type CommittedOffsets } from "./group-offsets";
import type { ListedGroup } from "./group-pages";
import { mapBounded } from "./time-lag-math";

const BATCH = 500;
const IN_FLIGHT = 2;

/**
 * The groups among `groups` with a committed offset on `topic`, each answer cut to that topic. A
 * batch whose OffsetFetch fails leaves its groups out: a filter shows what it could read.
 */
export async function readTopicCommitted(
  admin: Admin,
  groups: readonly ListedGroup[],
  topic: string,
): Promise<Map<string, CommittedOffsets>> {
  const ids = groups.filter((group) => group.type !== "share").map((group) => group.id);
  const batches: string[][] = [];
  for (let from = 0; from < ids.length; from += BATCH) batches.push(ids.slice(from, from + BATCH));
  const found = new Map<string, CommittedOffsets>();
  await mapBounded(batches, IN_FLIGHT, async (batch) => {
    const answers = await readCommittedOffsets(admin, batch).catch(() => []);
    for (const answer of answers) {
      const onTopic = answer.topics.filter(
        (committed) =>
          committed.name === topic &&
          committed.partitions.some(({ committedOffset }) => committedOffset >= 0n),
      );
      if (onTopic.length) found.set(answer.groupId, { ...answer, topics: onTopic });
    }
  });
  return found;
}

/** The groups of `groups` reading `topic`, in their order. */
export async function filterByTopic(
  admin: Admin,
  groups: readonly ListedGroup[],
  topic: string,
): Promise<ListedGroup[]> {
  const readers = await readTopicCommitted(admin, groups, topic);
  return groups.filter((group) => readers.has(group.id));
}
