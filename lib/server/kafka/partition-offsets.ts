// ListOffsets sent to each partition leader directly. Admin.listOffsets() looks topics up in a metadata
// view without internal topics (and throws outside its callback for them), and fails as a whole on one
// partition's error; this keeps every partition that answered.
import {
  kGetApi,
  kGetConnection,
  kPerformWithRetry,
  type Admin,
  type Callback,
  type Connection,
} from "@platformatic/kafka";

import { partialResponse, type MetadataSnapshot } from "./cluster-metadata";

interface ListOffsetsAnswer {
  topics: {
    name: string;
    partitions: { partitionIndex: number; errorCode: number; offset: bigint }[];
  }[];
}

type ListOffsetsApi = (
  connection: Connection,
  replica: number,
  isolationLevel: number,
  topics: {
    name: string;
    partitions: { partitionIndex: number; currentLeaderEpoch: number; timestamp: bigint }[];
  }[],
  callback: Callback<ListOffsetsAnswer>,
) => void;

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
  return new Promise((resolve, reject) => {
    admin[kPerformWithRetry]<ListOffsetsAnswer>(
      "console-list-offsets",
      (retryCallback) => {
        admin[kGetConnection](broker, (error, connection) => {
          if (error || !connection) return retryCallback(error ?? new Error("No connection to the leader."));
          admin[kGetApi]<Parameters<ListOffsetsApi>, ListOffsetsAnswer>("ListOffsets", (apiError, api) => {
            if (apiError || !api) return retryCallback(apiError ?? new Error("No ListOffsets API."));
            (api as unknown as ListOffsetsApi)(
              connection,
              -1,
              READ_UNCOMMITTED,
              request,
              (responseError, response) => {
                // Per-partition errors (a leader that just moved) leave the other partitions usable.
                const partial = partialResponse(responseError) as unknown as ListOffsetsAnswer | undefined;
                retryCallback(partial ? null : responseError, partial ?? response);
              },
            );
          });
        });
      },
      (error, answer) =>
        error || !answer ? reject(error ?? new Error("Empty ListOffsets answer.")) : resolve(answer),
    );
  });
}
