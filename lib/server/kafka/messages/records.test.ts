import type { KafkaRecord, RecordsBatch } from "@platformatic/kafka";
import { describe, expect, it } from "vitest";

import { characterBoundary, compressionOf, toWirePayload, toWireRecord } from "./records";

function batch(overrides: Partial<RecordsBatch> = {}): RecordsBatch {
  return {
    firstOffset: 1000n,
    length: 0,
    partitionLeaderEpoch: 0,
    magic: 2,
    crc: 0,
    attributes: 0,
    lastOffsetDelta: 3,
    firstTimestamp: 1_700_000_000_000n,
    maxTimestamp: 1_700_000_009_999n,
    producerId: -1n,
    producerEpoch: -1,
    firstSequence: -1,
    records: [],
    ...overrides,
  };
}

function record(overrides: Partial<KafkaRecord> = {}): KafkaRecord {
  return {
    length: 0,
    attributes: 0,
    timestampDelta: 25n,
    offsetDelta: 2,
    key: Buffer.from("device-1"),
    value: Buffer.from('{"temp":21}'),
    headers: [[Buffer.from("content_type"), Buffer.from("application/json")]],
    ...overrides,
  };
}

describe("toWireRecord", () => {
  it("makes offset and timestamp absolute and counts the stored bytes", () => {
    expect(toWireRecord(3, batch({ attributes: 4 }), record())).toEqual({
      partition: 3,
      offset: "1002",
      timestamp: 1_700_000_000_025,
      timestampType: "create",
      key: { size: 8, text: "device-1" },
      value: { size: 11, text: '{"temp":21}' },
      headers: [{ name: "content_type", value: { size: 16, text: "application/json" } }],
      size: 8 + 11 + 12 + 16,
      compression: "zstd",
    });
  });

  it("takes the batch's max timestamp for LogAppendTime", () => {
    const wire = toWireRecord(0, batch({ attributes: 0x08 | 1 }), record());
    expect(wire).toMatchObject({
      timestamp: 1_700_000_009_999,
      timestampType: "log-append",
      compression: "gzip",
    });
  });

  it("keeps null keys, values and header values null and decodes header names lossily", () => {
    const wire = toWireRecord(
      0,
      batch(),
      record({ key: null, value: null, headers: [[Buffer.from([0x61, 0xff]), null]] }),
    );
    expect(wire).toMatchObject({
      key: null,
      value: null,
      headers: [{ name: "a\uFFFD", value: null }],
      size: 2,
    });
  });
});

describe("compressionOf", () => {
  it("names every codec from the low three bits", () => {
    expect([0, 1, 2, 3, 4, 0x24].map(compressionOf)).toEqual([
      "none",
      "gzip",
      "snappy",
      "lz4",
      "zstd",
      "zstd",
    ]);
  });
});

describe("toWirePayload", () => {
  it("sends UTF-8 as text and anything else as base64", () => {
    expect(toWirePayload(Buffer.from("grüße ✓"), 100)).toEqual({ size: 11, text: "grüße ✓" });
    expect(toWirePayload(Buffer.from([0xff, 0x00, 0xc3]), 100)).toEqual({ size: 3, base64: "/wDD" });
    expect(toWirePayload(Buffer.alloc(0), 100)).toEqual({ size: 0, text: "" });
  });

  it("keeps a byte-order mark as it is stored", () => {
    expect(toWirePayload(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), 100)?.text).toBe("\uFEFFa");
  });

  it("cuts at the preview size and says so", () => {
    expect(toWirePayload(Buffer.from("abcdef"), 4)).toEqual({ size: 6, text: "abcd", truncated: true });
    expect(toWirePayload(Buffer.from([1, 2, 0xff, 4, 5]), 3)).toEqual({
      size: 5,
      base64: "AQL/",
      truncated: true,
    });
  });

  it("backs off to a character boundary instead of splitting a UTF-8 sequence", () => {
    // "a€b": € is three bytes; a cut after two of them shows only "a".
    expect(toWirePayload(Buffer.from("a€b"), 3)).toEqual({ size: 5, text: "a", truncated: true });
    expect(toWirePayload(Buffer.from("a€b"), 4)).toEqual({ size: 5, text: "a€", truncated: true });
    expect(toWirePayload(Buffer.from("😀x"), 2)).toEqual({ size: 5, text: "", truncated: true });
  });
});

describe("characterBoundary", () => {
  it("finds where the last complete character ends", () => {
    const bytes = Buffer.from("é😀");
    expect([1, 2, 3, 4, 5, 6].map((n) => characterBoundary(bytes.subarray(0, n)))).toEqual([
      0, 2, 2, 2, 2, 6,
    ]);
  });
});
