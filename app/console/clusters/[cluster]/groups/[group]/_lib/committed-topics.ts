import type { CommittedTopic } from "@/components/groups/group-delete-card";

/** The group's committed offsets by topic, for naming what a topic's offsets deletion removes. */
export function committedTopics(
  rows: readonly { topic: string; partition: number; committedOffset: string | null }[],
): CommittedTopic[] {
  const byTopic = new Map<string, CommittedTopic>();
  for (const { topic, partition, committedOffset } of rows) {
    if (committedOffset === null) continue;
    const entry = byTopic.get(topic) ?? { topic, offsets: [] };
    entry.offsets.push({ partition, offset: committedOffset });
    byTopic.set(topic, entry);
  }
  return [...byTopic.values()];
}
