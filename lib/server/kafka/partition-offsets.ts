// ListOffsets sent to each partition leader directly. Admin.listOffsets() looks topics up in a metadata
// view without internal topics (and throws outside its callback for them), and fails as a whole on one
// partition's error; this keeps every partition that answered.
import type { Admin } from "@platformatic/kafka";

import type { MetadataSnapshot } from "./cluster-metadata";
import { responseWithErrorsUnder, sendRaw } from "./raw-request";

interface ListOffsetsAnswer {
  topics: {
    name: string;
    partitions: { partitionIndex: number; errorCode: number; offset: bigint }[];
  }[];
}

export const EARLIEST = -2n;
export const LATEST = -1n;
const READ_UNCOMMITTED = 0;

export interface PartitionRef {
  topic: string;
  partition: number;
  leader: number;
}

/** Offsets at `timestamp` (EARLIEST, LATEST = high watermark) keyed by `keyOf(topic, partition)`; leaderless partitions are left out. */
export async function listPartitionOffsets(
  admin: Admin,
  brokers: MetadataSnapshot["brokers"],
  partitions: readonly PartitionRef[],
  timestamp: bigint,
  keyOf: (topic: string, partition: number) => string,
): Promise<Map<string, bigint>> {
  const byLeader = new Map<number, Map<string, number[]>>();
  for (const { topic, partition, leader } of partitions) {
    if (leader < 0) continue;
    const topics = byLeader.get(leader) ?? new Map<string, number[]>();
    topics.set(topic, [...(topics.get(topic) ?? []), partition]);
    byLeader.set(leader, topics);
  }
  const offsets = new Map<string, bigint>();
  await Promise.all(
    [...byLeader].map(async ([leader, topics]) => {
      const broker = brokers.find((candidate) => candidate.nodeId === leader);
      if (!broker) return;
      const answer = await askLeader(admin, broker, [...topics], timestamp);
      for (const topic of answer.topics) {
        for (const partition of topic.partitions) {
          if (partition.errorCode === 0)
            offsets.set(keyOf(topic.name, partition.partitionIndex), partition.offset);
        }
      }
    }),
  );
  return offsets;
}

function askLeader(
  admin: Admin,
  broker: { host: string; port: number },
  topics: [string, number[]][],
  timestamp: bigint,
): Promise<ListOffsetsAnswer> {
  const request = topics.map(([name, partitions]) => ({
    name,
    partitions: partitions.map((partitionIndex) => ({ partitionIndex, currentLeaderEpoch: -1, timestamp })),
  }));
  return sendRaw<ListOffsetsAnswer>(admin, {
    api: "ListOffsets",
    broker,
    // replica -1 (a client), read uncommitted: the log end offset, not the last stable one.
    args: [-1, READ_UNCOMMITTED, request],
    // Per-partition errors (a leader that just moved) leave the other partitions usable.
    keepPartial: (error) => responseWithErrorsUnder<ListOffsetsAnswer>("/topics/", error),
  });
}
