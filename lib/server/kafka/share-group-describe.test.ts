import { Reader, ResponseError, Writer } from "@platformatic/kafka";
import { describe, expect, it } from "vitest";

import { createRequest, parseResponse } from "./share-group-describe";

const TOPIC_ID = "0b9c4f0e-6a5f-4c1e-9f0d-3a2b1c0d9e8f";

/** A ShareGroupDescribe v1 response as a broker writes it (flexible version: compact arrays, tagged fields). */
function response(errorCode = 0): Buffer {
  return Writer.create()
    .appendInt32(0)
    .appendArray(
      [0],
      (group) =>
        group
          .appendInt16(errorCode)
          .appendString(errorCode ? "Group gr-share is not a share group." : null)
          .appendString("gr-share")
          .appendString("Stable")
          .appendInt32(3)
          .appendInt32(3)
          .appendString("simple")
          .appendArray(
            [0],
            (member) =>
              member
                .appendString("m-1")
                .appendString(null)
                .appendInt32(2)
                .appendString("share-consumer")
                .appendString("/127.0.0.1")
                .appendArray(["gr-events"], (topics, name) => topics.appendString(name), true, false)
                .appendArray(
                  [0],
                  (assigned) =>
                    assigned
                      .appendUUID(TOPIC_ID)
                      .appendString("gr-events")
                      .appendArray([0, 1], (partitions, index) => partitions.appendInt32(index), true, false)
                      .appendTaggedFields(),
                  true,
                  false,
                )
                .appendTaggedFields() // the Assignment struct
                .appendTaggedFields(), // the member
            true,
            false,
          )
          .appendInt32(-2147483648)
          .appendTaggedFields(),
      true,
      false,
    )
    .appendTaggedFields().buffer;
}

describe("ShareGroupDescribe v1", () => {
  it("writes the group ids as a compact array, the flag and the tagged fields", () => {
    const bytes = createRequest(["a", "bc"], false).buffer;
    // 3 = two entries + 1; 2 = "a" + 1; 3 = "bc" + 1; false; no tagged fields.
    expect([...bytes]).toEqual([3, 2, 0x61, 3, 0x62, 0x63, 0, 0]);
  });

  it("reads a group with its member, epochs and assignment", () => {
    const parsed = parseResponse(1, 77, 1, Reader.from(response()));
    expect(parsed.groups).toEqual([
      {
        errorCode: 0,
        errorMessage: null,
        groupId: "gr-share",
        groupState: "Stable",
        groupEpoch: 3,
        assignmentEpoch: 3,
        assignorName: "simple",
        members: [
          {
            memberId: "m-1",
            rackId: null,
            memberEpoch: 2,
            clientId: "share-consumer",
            clientHost: "/127.0.0.1",
            subscribedTopicNames: ["gr-events"],
            assignment: {
              topicPartitions: [{ topicId: TOPIC_ID, topicName: "gr-events", partitions: [0, 1] }],
            },
          },
        ],
        authorizedOperations: -2147483648,
      },
    ]);
  });

  it("fails with the whole answer kept when a group reports an error, as the client's own APIs do", () => {
    let thrown: unknown;
    try {
      parseResponse(1, 77, 1, Reader.from(response(69)));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ResponseError);
    expect((thrown as { response: { groups: { errorCode: number }[] } }).response.groups[0]?.errorCode).toBe(
      69,
    );
  });
});
