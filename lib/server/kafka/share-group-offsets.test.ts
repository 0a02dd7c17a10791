import { Reader, ResponseError, Writer } from "@platformatic/kafka";
import { describe, expect, it } from "vitest";

import { createRequest, parseResponse } from "./share-group-offsets";

const TOPIC_ID = "0b9c4f0e-6a5f-4c1e-9f0d-3a2b1c0d9e8f";

/** A DescribeShareGroupOffsets response as a broker writes it (compact arrays, tagged fields). */
function response(errorCode = 0): Buffer {
  const partition = (writer: Writer, [index, start, lag]: [number, bigint, bigint]) => {
    writer
      .appendInt32(index)
      .appendInt64(start)
      .appendInt32(0)
      .appendInt64(lag)
      .appendInt16(0)
      .appendString(null)
      .appendTaggedFields();
  };
  return Writer.create()
    .appendInt32(0)
    .appendArray(
      [0],
      (group) =>
        group
          .appendString("gr-share")
          .appendArray(
            errorCode ? [] : [0],
            (topic) =>
              topic
                .appendString("gr-events")
                .appendUUID(TOPIC_ID)
                .appendArray(
                  [
                    [0, 4n, 2n],
                    [1, -1n, -1n],
                  ] as [number, bigint, bigint][],
                  partition,
                  true,
                  false,
                )
                .appendTaggedFields(),
            true,
            false,
          )
          .appendInt16(errorCode)
          .appendString(errorCode ? "The group does not exist." : null)
          .appendTaggedFields(),
      true,
      false,
    )
    .appendTaggedFields().buffer;
}

describe("DescribeShareGroupOffsets v1", () => {
  it("asks for every share-partition of each group: a null topics array", () => {
    const bytes = createRequest(["a", "bc"]).buffer;
    // 3 = two groups + 1; 2 "a"; 0 = null topics; tagged fields; 3 "bc"; 0; tagged; request's tagged fields.
    expect([...bytes]).toEqual([3, 2, 0x61, 0, 0, 3, 0x62, 0x63, 0, 0, 0]);
  });

  it("reads the start offsets and the broker's lag, an uninitialized share-partition's -1 kept and its lag unknown", () => {
    const answer = parseResponse(1, 90, 1, Reader.from(response()));
    expect(answer.groups).toEqual([
      {
        groupId: "gr-share",
        errorCode: 0,
        errorMessage: null,
        topics: [
          {
            topicName: "gr-events",
            topicId: TOPIC_ID,
            partitions: [
              {
                partitionIndex: 0,
                startOffset: 4n,
                leaderEpoch: 0,
                lag: 2n,
                errorCode: 0,
                errorMessage: null,
              },
              {
                partitionIndex: 1,
                startOffset: -1n,
                leaderEpoch: 0,
                lag: null,
                errorCode: 0,
                errorMessage: null,
              },
            ],
          },
        ],
      },
    ]);
  });

  it("fails a group's error with the whole answer kept, so the other groups stay usable", () => {
    let failure: unknown;
    try {
      parseResponse(1, 90, 1, Reader.from(response(69)));
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ResponseError);
    expect((failure as ResponseError & { response: { groups: unknown[] } }).response.groups).toHaveLength(1);
  });
});
