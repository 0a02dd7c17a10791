// DescribeShareGroupOffsets v1 (ApiKey 90, KIP-932), which the console's Kafka client does not
// implement: a share group's start offset and the broker's lag per share-partition (v0, Kafka 4.1's
// preview, has no lag and is not spoken),
// written after Apache Kafka's DescribeShareGroupOffsets{Request,Response} schemas with the client's
// own Writer, Reader and createAPI, like share-group-describe.ts.
import { createAPI, ResponseError, Writer, type Reader } from "@platformatic/kafka";

export interface ShareOffsetsPartition {
  partitionIndex: number;
  /** -1 when the share-partition has not been initialized. */
  startOffset: bigint;
  leaderEpoch: number;
  /** The broker's lag for the share-partition; null when it does not know it (-1). */
  lag: bigint | null;
  errorCode: number;
  errorMessage: string | null;
}

export interface ShareOffsetsGroup {
  groupId: string;
  topics: { topicName: string; topicId: string; partitions: ShareOffsetsPartition[] }[];
  errorCode: number;
  errorMessage: string | null;
}

export interface DescribeShareGroupOffsetsResponse {
  throttleTimeMs: number;
  groups: ShareOffsetsGroup[];
}

/*
 * DescribeShareGroupOffsets Request (Version: 1) => [groups] TAG_BUFFER
 *   groups => group_id [topics] TAG_BUFFER      (topics null: every share-partition of the group)
 *     topics => topic_name [partitions] TAG_BUFFER
 */
export function createRequest(groupIds: string[]): Writer {
  return Writer.create()
    .appendArray(
      groupIds,
      (writer, id) =>
        writer
          .appendString(id)
          .appendArray(null, () => undefined)
          .appendTaggedFields(),
      true,
      false,
    )
    .appendTaggedFields();
}

/*
 * DescribeShareGroupOffsets Response (Version: 1) => throttle_time_ms [groups] TAG_BUFFER
 *   groups => group_id [topics] error_code error_message TAG_BUFFER
 *     topics => topic_name topic_id [partitions] TAG_BUFFER
 *       partitions => partition_index start_offset leader_epoch lag error_code error_message TAG_BUFFER
 */
export function parseResponse(
  _correlationId: number,
  apiKey: number,
  apiVersion: number,
  reader: Reader,
): DescribeShareGroupOffsetsResponse {
  const errors: [string, [number, string | null]][] = [];
  const readPartition = (partition: Reader): ShareOffsetsPartition => {
    const partitionIndex = partition.readInt32();
    const startOffset = partition.readInt64();
    const leaderEpoch = partition.readInt32();
    const lag = partition.readInt64();
    const answer = {
      partitionIndex,
      startOffset,
      leaderEpoch,
      lag: lag >= 0n ? lag : null,
      errorCode: partition.readInt16(),
      errorMessage: partition.readNullableString(),
    };
    partition.readTaggedFields();
    return answer;
  };
  const response: DescribeShareGroupOffsetsResponse = {
    throttleTimeMs: reader.readInt32(),
    groups: reader.readArray(
      (group, index) => {
        const groupId = group.readString();
        const topics = group.readArray(
          (topic) => {
            const answer = {
              topicName: topic.readString(),
              topicId: topic.readUUID(),
              partitions: topic.readArray(readPartition, true, false),
            };
            topic.readTaggedFields();
            return answer;
          },
          true,
          false,
        );
        const errorCode = group.readInt16();
        const errorMessage = group.readNullableString();
        if (errorCode !== 0) errors.push([`/groups/${index}`, [errorCode, errorMessage]]);
        group.readTaggedFields();
        return { groupId, topics, errorCode, errorMessage };
      },
      true,
      false,
    ),
  };
  reader.readTaggedFields();
  // A group's error keeps the whole answer (the other groups stay usable), as share-group-describe.ts.
  if (errors.length) throw new ResponseError(apiKey, apiVersion, Object.fromEntries(errors), response);
  return response;
}

export const describeShareGroupOffsetsV1 = createAPI<[string[]], DescribeShareGroupOffsetsResponse>(
  90,
  1,
  createRequest,
  parseResponse,
);
