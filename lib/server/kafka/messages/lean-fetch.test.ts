import {
  createRecordsBatch,
  fetchV12,
  fetchV13,
  fetchV14,
  fetchV15,
  fetchV16,
  fetchV17,
  Reader,
  Writer,
} from "@platformatic/kafka";
import { describe, expect, it } from "vitest";

import { parseLeanResponse } from "./lean-fetch";

const TOPIC_ID = "0f6e8a4e-2b9b-4f3c-9d2a-6a1c1b7f0e11";

function batch(firstOffset: bigint, values: string[]): Buffer {
  const messages = values.map((value) => ({ topic: "t", value: Buffer.from(value) }));
  const bytes = Buffer.from(createRecordsBatch(messages, { compression: "none" }).buffer);
  bytes.writeBigInt64BE(firstOffset, 0);
  return bytes;
}

/** A Fetch response as a broker writes it (flexible versions), with the parts the parsers read. */
function response(version: number, partitionError = 0): Buffer {
  const records = Buffer.concat([batch(0n, ["a", "b"]), batch(2n, ["c"])]);
  const partitions = [
    { index: 0, error: partitionError, records },
    { index: 1, error: 0, records: null },
  ];
  const writer = Writer.create()
    .appendInt32(7)
    .appendInt16(0)
    .appendInt32(99)
    .appendArray([TOPIC_ID], (topicWriter) => {
      if (version <= 12) topicWriter.appendString("orders");
      else topicWriter.appendUUID(TOPIC_ID);
      topicWriter.appendArray(
        partitions,
        (w, partition) => {
          w.appendInt32(partition.index)
            .appendInt16(partition.error)
            .appendInt64(3n)
            .appendInt64(3n)
            .appendInt64(0n)
            .appendArray([{ producerId: 5n, firstOffset: 1n }], (aborted, entry) =>
              aborted.appendInt64(entry.producerId).appendInt64(entry.firstOffset),
            )
            .appendInt32(-1);
          if (partition.records === null) w.appendUnsignedVarInt(0);
          else w.appendUnsignedVarInt(partition.records.length + 1).append(partition.records);
          // Tagged field 1: current_leader (leader 2, epoch 4).
          const leader = Writer.create().appendInt32(2).appendInt32(4);
          w.appendUnsignedVarInt(1)
            .appendUnsignedVarInt(1)
            .appendUnsignedVarInt(leader.length)
            .appendFrom(leader);
        },
        true,
        false,
      );
    });
  if (version >= 16) {
    const endpoints = Writer.create().appendArray([{ id: 1 }], (w) =>
      w.appendInt32(1).appendString("broker-1").appendInt32(9092).appendString(null),
    );
    writer
      .appendUnsignedVarInt(1)
      .appendUnsignedVarInt(0)
      .appendUnsignedVarInt(endpoints.length)
      .appendFrom(endpoints);
  } else writer.appendTaggedFields();
  return writer.buffer;
}

const LIBRARY = { 12: fetchV12, 13: fetchV13, 14: fetchV14, 15: fetchV15, 16: fetchV16, 17: fetchV17 };

/** The parsed answer with every batch's records read, for comparing the two parsers. */
function materialized(parsed: unknown) {
  return JSON.parse(
    JSON.stringify(parsed, (_key, value: unknown) => {
      if (typeof value === "bigint") return `${value}n`;
      if (value && typeof value === "object" && "firstOffset" in value && "records" in value) {
        const { records, ...header } = value as { records: unknown };
        return { ...header, records, recordCount: undefined };
      }
      return value;
    }),
  );
}

describe("parseLeanResponse", () => {
  it.each([12, 13, 14, 15, 16, 17] as const)("reads a v%i answer as the client's parser does", (version) => {
    const bytes = response(version);
    const expected = LIBRARY[version].parseResponse(1, 1, version, Reader.from(bytes));
    const lean = parseLeanResponse(1, 1, version, Reader.from(bytes));
    expect(materialized(lean)).toEqual(materialized(expected));
    expect(lean.responses[0]!.partitions[0]!.records!.map((one) => one.records.length)).toEqual([2, 1]);
  });

  it.each([13, 17] as const)(
    "fails a v%i answer with a partition error the way the client does",
    (version) => {
      const bytes = response(version, 1);
      const failure = (parse: () => unknown) => {
        try {
          parse();
        } catch (error) {
          const { errors, response: answer } = error as { errors: { path: string }[]; response: unknown };
          return {
            name: (error as Error).name,
            paths: errors.map((inner) => inner.path),
            answer: materialized(answer as never),
          };
        }
        throw new Error("no failure");
      };
      expect(failure(() => parseLeanResponse(1, 1, version, Reader.from(bytes)))).toEqual(
        failure(() => LIBRARY[version].parseResponse(1, 1, version, Reader.from(bytes))),
      );
    },
  );
});
