// ShareGroupDescribe v1 (ApiKey 77, KIP-932), which the console's Kafka client does not implement: the
// request and response codecs written after Apache Kafka's ShareGroupDescribe{Request,Response}.json,
// built with the client's own Writer, Reader and createAPI so it travels like every other request.
import { createAPI, ResponseError, Writer, type Reader } from "@platformatic/kafka";

interface TopicPartitionsAnswer {
  topicId: string;
  topicName: string;
  partitions: number[];
}

export interface ShareGroupAnswer {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignorName: string;
  members: {
    memberId: string;
    rackId: string | null;
    memberEpoch: number;
    clientId: string;
    clientHost: string;
    subscribedTopicNames: string[];
    assignment: { topicPartitions: TopicPartitionsAnswer[] };
  }[];
  authorizedOperations: number;
}

export interface ShareGroupDescribeResponse {
  throttleTimeMs: number;
  groups: ShareGroupAnswer[];
}

/* ShareGroupDescribe Request (Version: 1) => [group_ids] include_authorized_operations TAG_BUFFER */
export function createRequest(groupIds: string[], includeAuthorizedOperations: boolean): Writer {
  return Writer.create()
    .appendArray(groupIds, (writer, id) => writer.appendString(id), true, false)
    .appendBoolean(includeAuthorizedOperations)
    .appendTaggedFields();
}

function readTopicPartitions(reader: Reader): TopicPartitionsAnswer[] {
  return reader.readArray(
    (entry) => {
      const topicPartitions = {
        topicId: entry.readUUID(),
        topicName: entry.readString(),
        partitions: entry.readArray((partition) => partition.readInt32(), true, false),
      };
      entry.readTaggedFields();
      return topicPartitions;
    },
    true,
    false,
  );
}

/*
 * ShareGroupDescribe Response (Version: 1) => throttle_time_ms [groups] TAG_BUFFER
 *   groups => error_code error_message group_id group_state group_epoch assignment_epoch assignor_name
 *             [members] authorized_operations TAG_BUFFER
 *     members => member_id rack_id member_epoch client_id client_host [subscribed_topic_names] assignment TAG_BUFFER
 *       assignment => [topic_partitions] TAG_BUFFER
 *         topic_partitions => topic_id topic_name [partitions] TAG_BUFFER
 */
export function parseResponse(
  _correlationId: number,
  apiKey: number,
  apiVersion: number,
  reader: Reader,
): ShareGroupDescribeResponse {
  const errors: [string, [number, string | null]][] = [];
  const response: ShareGroupDescribeResponse = {
    throttleTimeMs: reader.readInt32(),
    groups: reader.readArray(
      (group, index) => {
        const errorCode = group.readInt16();
        const errorMessage = group.readNullableString();
        if (errorCode !== 0) errors.push([`/groups/${index}`, [errorCode, errorMessage]]);
        const described: ShareGroupAnswer = {
          errorCode,
          errorMessage,
          groupId: group.readString(),
          groupState: group.readString(),
          groupEpoch: group.readInt32(),
          assignmentEpoch: group.readInt32(),
          assignorName: group.readString(),
          members: group.readArray(
            (member) => {
              const memberId = member.readString();
              const rackId = member.readNullableString();
              const memberEpoch = member.readInt32();
              const clientId = member.readString();
              const clientHost = member.readString();
              const subscribedTopicNames = member.readArray((topic) => topic.readString(true), true, false);
              const assignment = { topicPartitions: readTopicPartitions(member) };
              member.readTaggedFields();
              member.readTaggedFields();
              return {
                memberId,
                rackId,
                memberEpoch,
                clientId,
                clientHost,
                subscribedTopicNames,
                assignment,
              };
            },
            true,
            false,
          ),
          authorizedOperations: group.readInt32(),
        };
        group.readTaggedFields();
        return described;
      },
      true,
      false,
    ),
  };
  reader.readTaggedFields();
  if (errors.length) throw new ResponseError(apiKey, apiVersion, Object.fromEntries(errors), response);
  return response;
}

export const shareGroupDescribeV1 = createAPI<[string[], boolean], ShareGroupDescribeResponse>(
  77,
  1,
  createRequest,
  parseResponse,
);
