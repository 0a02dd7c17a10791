import { describe, expect, it } from "vitest";

import { encodeWithSchema } from "./index";
import { compileProtobuf } from "./protobuf-codec";
import { parseFraming } from "./wire-format";

const proto = `
syntax = "proto3";
package iot;
import "google/protobuf/timestamp.proto";
import "place.proto";

message Reading {
  string device_id = 1;
  double temp = 2;
  int64 count = 3;
  bytes raw = 4;
  Level level = 5;
  google.protobuf.Timestamp at = 6;
  iot.shared.Place place = 7;
  message Detail { string note = 1; }
}
enum Level { LOW = 0; HIGH = 1; }
message Alarm { string reason = 1; }
`;
const place = `syntax = "proto3"; package iot.shared; message Place { string city = 1; }`;
const schema = {
  schemaType: "PROTOBUF" as const,
  schema: proto,
  references: [{ name: "place.proto", schemaType: "PROTOBUF" as const, schema: place, references: [] }],
};

const body = (framed: Buffer) => parseFraming(framed)!.body;

describe("Protobuf codec", () => {
  it("round-trips ProtoJSON through the first message, indexes [0]", () => {
    const value = {
      deviceId: "4412abe2",
      temp: 31.5,
      count: "9007199254740993",
      raw: "AQL/",
      level: "HIGH",
      at: "2026-12-04T20:00:00Z",
      place: { city: "Oslo" },
    };
    const encoded = encodeWithSchema(5, schema, value);
    if (!encoded.ok) throw new Error(encoded.message);
    expect([...encoded.bytes.subarray(0, 6)]).toEqual([0, 0, 0, 0, 5, 0]);
    const decoded = compileProtobuf(schema).decode(body(encoded.bytes));
    expect(decoded.messageType).toBe("iot.Reading");
    expect(JSON.parse(decoded.json)).toEqual(value);
  });

  it("picks other and nested messages by their indexes", () => {
    const codec = compileProtobuf(schema);
    const alarm = encodeWithSchema(5, codec, { reason: "hot" }, { messageType: "iot.Alarm" });
    if (!alarm.ok) throw new Error(alarm.message);
    // count 1, index 1 (the enum is not a message)
    expect([...alarm.bytes.subarray(5, 7)]).toEqual([2, 2]);
    expect(codec.decode(body(alarm.bytes))).toMatchObject({
      messageType: "iot.Alarm",
      json: '{"reason":"hot"}',
    });

    const detail = encodeWithSchema(5, codec, { note: "n" }, { messageType: "iot.Reading.Detail" });
    if (!detail.ok) throw new Error(detail.message);
    expect(codec.decode(body(detail.bytes)).messageType).toBe("iot.Reading.Detail");
  });

  it("answers specific errors", () => {
    const codec = compileProtobuf(schema);
    expect(encodeWithSchema(5, codec, { temp: "warm" })).toEqual({
      ok: false,
      message: expect.stringMatching(/does not fit the Protobuf message iot\.Reading/),
    });
    expect(encodeWithSchema(5, codec, {}, { messageType: "iot.Nope" })).toEqual({
      ok: false,
      message: "The Protobuf schema has no message iot.Nope",
    });
    expect(() => codec.decode(Uint8Array.of(2, 20, 0))).toThrow(/no message at index path \[10\]/);
    expect(() => codec.decode(Uint8Array.of(0, 0x0a, 0x05, 0x61))).toThrow(
      /does not match its Protobuf message/,
    );
    expect(() => compileProtobuf({ ...schema, references: [] })).toThrow(/does not resolve/);
    expect(() => compileProtobuf({ ...schema, schema: "message {" })).toThrow(/does not parse/);
  });
});
