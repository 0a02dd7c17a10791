import { Reader, ResponseError, Writer } from "@platformatic/kafka";
import { describe, expect, it } from "vitest";

import { createRequest, parseResponse } from "./alter-share-group-offsets";

const TOPIC_ID = "0b9c4f0e-6a5f-4c1e-9f0d-3a2b1c0d9e8f";

/** An AlterShareGroupOffsets v0 response as a broker writes it (flexible: compact arrays, tagged fields). */
function response(topLevel = 0, partitionError = 0): Buffer {
  return Writer.create()
    .appendInt32(0)
    .appendInt16(topLevel)
    .appendString(topLevel ? "The group is not empty." : null)
    .appendArray([0], (topic) =>
      topic
        .appendString("sh-events")
        .appendUUID(TOPIC_ID)
        .appendArray([0, 1], (partition, index) =>
          partition
            .appendInt32(index)
            .appendInt16(index === 1 ? partitionError : 0)
            .appendString(index === 1 && partitionError ? "Unknown partition." : null),
        ),
    )
    .appendTaggedFields().buffer;
}

describe("AlterShareGroupOffsets v0", () => {
  it("writes the group, then per topic and partition the start offset, with tagged fields", () => {
    const bytes = createRequest("sh-readers", [
      { topicName: "sh-events", partitions: [{ partitionIndex: 2, startOffset: 7n }] },
    ]).buffer;
    const expected = Buffer.concat([
      Buffer.from([11]), // compact string: length + 1
      Buffer.from("sh-readers"),
      Buffer.from([2, 10]), // one topic; its name
      Buffer.from("sh-events"),
      Buffer.from([2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 7, 0]), // one partition: index, offset, tags
      Buffer.from([0, 0]), // the topic's tags, the request's tags
    ]);
    expect(bytes.equals(expected)).toBe(true);
  });

  it("reads each partition's answer", () => {
    expect(parseResponse(1, 91, 0, Reader.from(response()))).toEqual({
      throttleTimeMs: 0,
      errorCode: 0,
      errorMessage: null,
      responses: [
        {
          topicName: "sh-events",
          topicId: TOPIC_ID,
          partitions: [
            { partitionIndex: 0, errorCode: 0, errorMessage: null },
            { partitionIndex: 1, errorCode: 0, errorMessage: null },
          ],
        },
      ],
    });
  });

  it("fails with Kafka's error for the group (NON_EMPTY_GROUP) or a partition, the answer kept", () => {
    const failed = (buffer: Buffer) => {
      try {
        parseResponse(1, 91, 0, Reader.from(buffer));
      } catch (error) {
        return error as ResponseError & { errors: { apiId?: string }[] };
      }
      throw new Error("no error");
    };
    expect(failed(response(68)).errors.map((error) => error.apiId)).toEqual(["NON_EMPTY_GROUP"]);
    const partition = failed(response(0, 3));
    expect(partition.errors.map((error) => error.apiId)).toEqual(["UNKNOWN_TOPIC_OR_PARTITION"]);
    expect(partition.response).toMatchObject({ errorCode: 0, responses: [{ topicName: "sh-events" }] });
  });
});
