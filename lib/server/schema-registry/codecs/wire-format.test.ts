import { describe, expect, it } from "vitest";

import {
  frameValue,
  parseFraming,
  readMessageIndexes,
  WireFormatError,
  writeMessageIndexes,
} from "./wire-format";

describe("Confluent framing", () => {
  it("reads the magic byte and a big-endian schema id", () => {
    const framed = Uint8Array.of(0, 0x00, 0x01, 0x02, 0x03, 0xaa, 0xbb);
    const parsed = parseFraming(framed);
    expect(parsed?.schemaId).toBe(0x010203);
    expect([...parsed!.body]).toEqual([0xaa, 0xbb]);
  });

  it("reads ids above 2^31 as unsigned", () => {
    expect(parseFraming(Uint8Array.of(0, 0xff, 0xff, 0xff, 0xfe))?.schemaId).toBe(0xfffffffe);
  });

  it("is not framed: another first byte, too short, absent", () => {
    expect(parseFraming(Uint8Array.of(1, 0, 0, 0, 1, 2))).toBeNull();
    expect(parseFraming(Uint8Array.of(0, 0, 0, 1))).toBeNull();
    expect(parseFraming(new TextEncoder().encode('{"a":1}'))).toBeNull();
    expect(parseFraming(null)).toBeNull();
  });

  it("frames an id and payload, and Protobuf indexes between them", () => {
    expect([...frameValue(7, Uint8Array.of(9))]).toEqual([0, 0, 0, 0, 7, 9]);
    expect([...frameValue(7, Uint8Array.of(9), [0])]).toEqual([0, 0, 0, 0, 7, 0, 9]);
    expect([...frameValue(258, Uint8Array.of(9), [1, 2])]).toEqual([0, 0, 0, 1, 2, 4, 2, 4, 9]);
  });

  it("refuses an id that does not fit four bytes", () => {
    expect(() => frameValue(2 ** 32, Uint8Array.of())).toThrow(RangeError);
    expect(() => frameValue(-1, Uint8Array.of())).toThrow(RangeError);
  });
});

describe("Protobuf message indexes", () => {
  it("a single 0 byte means the first message", () => {
    const read = readMessageIndexes(Uint8Array.of(0, 0x08, 0x01));
    expect(read.indexes).toEqual([0]);
    expect([...read.payload]).toEqual([0x08, 0x01]);
  });

  it("zigzag varints: count, then each index", () => {
    // count 2 → 4; indexes 1 → 2, 70 → 140 = 0x8c 0x01
    const read = readMessageIndexes(Uint8Array.of(4, 2, 0x8c, 0x01, 0xff));
    expect(read.indexes).toEqual([1, 70]);
    expect([...read.payload]).toEqual([0xff]);
  });

  it("writes what it reads, and [0] as one byte", () => {
    expect([...writeMessageIndexes([0])]).toEqual([0]);
    for (const indexes of [[1], [0, 3], [2, 70, 1000]]) {
      const bytes = writeMessageIndexes(indexes);
      expect(readMessageIndexes(Uint8Array.from([...bytes, 42])).indexes).toEqual(indexes);
    }
  });

  it("refuses indexes cut short, negative or absurd", () => {
    expect(() => readMessageIndexes(Uint8Array.of(4, 2))).toThrow(WireFormatError);
    expect(() => readMessageIndexes(Uint8Array.of(2, 1))).toThrow(/negative/);
    expect(() => readMessageIndexes(Uint8Array.of(1))).toThrow(/count/);
    expect(() => readMessageIndexes(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x01))).toThrow(/five bytes/);
  });
});
