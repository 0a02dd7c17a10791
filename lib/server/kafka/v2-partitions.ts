import "server-only";

// The topic- and partition-level Kafka calls of a v2 consumer instance: the topics a pattern may
// match, a manual assignment checked against the topics' metadata, the first and end offsets a seek
// moves to, and a manual assignment's commits (through the admin client: it is no group member).
import type { Consumer } from "@platformatic/kafka";
import { ListOffsetTimestamps } from "@platformatic/kafka";

import {
  ConsumerV2Error,
  type NextOffset,
  type TopicPartition,
} from "@/lib/server/confluent-v2/consumer-types";

import type { ClusterResult } from "./cluster-pool";
import { withClusterAdmin } from "./pooled-clients";

/** The cluster's topic names (internal ones left out), to resolve a v2 topic_pattern. */
export function listV2TopicNames(cluster: string): Promise<ClusterResult<string[]>> {
  return withClusterAdmin(cluster, (admin) => admin.listTopics({ includeInternals: false }));
}

/** The topics of the partitions, each once, with its partitions. */
export function byTopic(partitions: TopicPartition[]): { topic: string; partitions: number[] }[] {
  const topics = [...new Set(partitions.map(({ topic }) => topic))];
  return topics.map((topic) => ({
    topic,
    partitions: partitions.filter((row) => row.topic === topic).map(({ partition }) => partition),
  }));
}

/** Refuses (40401, 40402) a partition whose topic is unknown or internal, or past the topic's count. */
export async function checkAssignable(consumer: Consumer, partitions: TopicPartition[]): Promise<void> {
  const topics = [...new Set(partitions.map(({ topic }) => topic))];
  const metadata = await consumer
    .metadata({ topics, autocreateTopics: false, forceUpdate: true })
    .catch((error: unknown) => {
      // The library answers an unknown topic with a UserError that names it, its Kafka code dropped.
      const unknown = error instanceof Error ? /^Unknown topic (.*)\.$/.exec(error.message) : null;
      if (unknown)
        throw new ConsumerV2Error(404, 40401, `Topic ${unknown[1]} not found; nothing was assigned.`);
      throw error;
    });
  for (const { topic, partition } of partitions) {
    const known = metadata.topics.get(topic);
    if (!known)
      throw new ConsumerV2Error(
        404,
        40401,
        `Topic ${topic} not found, or internal (internal topics are not read); nothing was assigned.`,
      );
    if (partition >= known.partitionsCount)
      throw new ConsumerV2Error(
        404,
        40402,
        `Partition ${partition} of topic ${topic} does not exist (the topic has ${known.partitionsCount} partitions); nothing was assigned.`,
      );
  }
}

/** The first (beginning) or next-to-be-written (end) offset of each partition, one ListOffsets per leader. */
export async function edgeOffsetsOf(
  consumer: Consumer,
  partitions: TopicPartition[],
  edge: "beginning" | "end",
): Promise<NextOffset[]> {
  const grouped = byTopic(partitions);
  const offsets = await consumer.listOffsets({
    topics: grouped.map(({ topic }) => topic),
    partitions: Object.fromEntries(grouped.map(({ topic, partitions }) => [topic, partitions])),
    timestamp: edge === "beginning" ? ListOffsetTimestamps.EARLIEST : ListOffsetTimestamps.LATEST,
  });
  return partitions.map(({ topic, partition }) => ({
    topic,
    partition,
    offset: offsets.get(topic)?.[partition] ?? 0n,
  }));
}

/** Commits for the group without being its member (the broker refuses while the group has active members). */
export async function commitOutsideGroup(
  cluster: string,
  group: string,
  offsets: NextOffset[],
): Promise<void> {
  const result = await withClusterAdmin(cluster, (admin) =>
    admin.alterConsumerGroupOffsets({
      groupId: group,
      topics: byTopic(offsets).map(({ topic }) => ({
        name: topic,
        partitionOffsets: offsets
          .filter((row) => row.topic === topic)
          .map(({ partition, offset }) => ({ partition, offset })),
      })),
    }),
  );
  if (!result.ok)
    throw new ConsumerV2Error(
      502,
      50002,
      `The offsets could not be committed for group ${group}: ${result.problem.title}${result.problem.code ? ` (${result.problem.code})` : ""}. ${result.problem.hint}`,
    );
}
