// AlterShareGroupOffsets v0 (ApiKey 91, KIP-932), which the console's Kafka client does not implement:
// sets an empty share group's start offset per share-partition. Written after the schemas of Apache
// Kafka 4.3's AlterShareGroupOffsets{Request,Response}Data with the client's own Writer, Reader and
// createAPI, like share-group-describe.ts.
import { createAPI, ResponseError, Writer, type Reader } from "@platformatic/kafka";

export interface ShareStartOffsetsTopic {
  topicName: string;
  partitions: { partitionIndex: number; startOffset: bigint }[];
}

export interface AlterShareGroupOffsetsResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  responses: {
    topicName: string;
    topicId: string;
    partitions: { partitionIndex: number; errorCode: number; errorMessage: string | null }[];
  }[];
}

/*
 * AlterShareGroupOffsets Request (Version: 0) => group_id [topics] TAG_BUFFER
 *   topics => topic_name [partitions] TAG_BUFFER
 *     partitions => partition_index start_offset TAG_BUFFER
 */
export function createRequest(groupId: string, topics: ShareStartOffsetsTopic[]): Writer {
  return Writer.create()
    .appendString(groupId)
    .appendArray(topics, (writer, topic) =>
      writer
        .appendString(topic.topicName)
        .appendArray(topic.partitions, (partitions, partition) =>
          partitions.appendInt32(partition.partitionIndex).appendInt64(partition.startOffset),
        ),
    )
    .appendTaggedFields();
}

/*
 * AlterShareGroupOffsets Response (Version: 0) => throttle_time_ms error_code error_message [responses] TAG_BUFFER
 *   responses => topic_name topic_id [partitions] TAG_BUFFER
 *     partitions => partition_index error_code error_message TAG_BUFFER
 */
export function parseResponse(
  _correlationId: number,
  apiKey: number,
  apiVersion: number,
  reader: Reader,
): AlterShareGroupOffsetsResponse {
  const errors: [string, [number, string | null]][] = [];
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const errorMessage = reader.readNullableString();
  if (errorCode !== 0) errors.push(["", [errorCode, errorMessage]]);
  const responses = reader.readArray(
    (topic, topicIndex) => {
      const answer = {
        topicName: topic.readString(),
        topicId: topic.readUUID(),
        partitions: topic.readArray(
          (partition, index) => {
            const read = {
              partitionIndex: partition.readInt32(),
              errorCode: partition.readInt16(),
              errorMessage: partition.readNullableString(),
            };
            if (read.errorCode !== 0)
              errors.push([
                `/responses/${topicIndex}/partitions/${index}`,
                [read.errorCode, read.errorMessage],
              ]);
            partition.readTaggedFields();
            return read;
          },
          true,
          false,
        ),
      };
      topic.readTaggedFields();
      return answer;
    },
    true,
    false,
  );
  reader.readTaggedFields();
  const response = { throttleTimeMs, errorCode, errorMessage, responses };
  if (errors.length) throw new ResponseError(apiKey, apiVersion, Object.fromEntries(errors), response);
  return response;
}

export const alterShareGroupOffsetsV0 = createAPI<
  [string, ShareStartOffsetsTopic[]],
  AlterShareGroupOffsetsResponse
>(91, 0, createRequest, parseResponse);
