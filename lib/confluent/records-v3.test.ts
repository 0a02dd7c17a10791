import { describe, expect, it } from "vitest";

import { ConcatenatedJsonSplitter, deliveryReport, parseRecord, splitConcatenatedJson } from "./records-v3";

describe("parseRecord", () => {
  it("serializes a JSON value, a STRING key and base64 headers", () => {
    const parsed = parseRecord({
      partition_id: 1,
      headers: [{ name: "trace", value: Buffer.from("abc").toString("base64") }],
      key: { type: "STRING", data: "order-1" },
      value: { type: "JSON", data: { amount: 3 } },
      timestamp: "2026-01-31T12:00:00Z",
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { record } = parsed;
    expect(record.partition).toBe(1);
    expect(record.key?.toString()).toBe("order-1");
    expect(record.value?.toString()).toBe('{"amount":3}');
    expect([...record.headers].map(([name, value]) => [name.toString(), value.toString()])).toEqual([
      ["trace", "abc"],
    ]);
    expect(record.timestamp).toBe(BigInt(Date.parse("2026-01-31T12:00:00Z")));
    expect(record.keyType).toBe("STRING");
    expect(record.valueType).toBe("JSON");
  });

  it("decodes BINARY data and refuses what is not base64", () => {
    const parsed = parseRecord({
      value: { type: "BINARY", data: Buffer.from([0, 255, 7]).toString("base64") },
    });
    expect(parsed.ok && [...parsed.record.value!]).toEqual([0, 255, 7]);
    const bad = parseRecord({ value: { type: "BINARY", data: "not base64!" } });
    expect(bad).toEqual({
      ok: false,
      refusal: { error_code: 400, message: "value.data: a BINARY value is a base64-encoded string" },
    });
  });

  it("treats a missing or null key and value as none, and defaults the type to JSON", () => {
    const parsed = parseRecord({ value: { data: "text" } });
    expect(parsed.ok && parsed.record.key).toBeUndefined();
    expect(parsed.ok && parsed.record.value?.toString()).toBe('"text"');
    const empty = parseRecord({ key: null, value: { type: "STRING", data: null } });
    expect(empty.ok && empty.record.value).toBeUndefined();
  });

  it("refuses schema registry fields, a STRING that is not a string, a bad partition and timestamp", () => {
    expect(parseRecord({ value: { schema_id: 1, data: {} } })).toMatchObject({
      ok: false,
      refusal: { error_code: 400, message: expect.stringContaining("Schema Registry") },
    });
    expect(parseRecord({ key: { type: "STRING", data: 3 } })).toMatchObject({
      refusal: { message: "key.data: a STRING key is a JSON string" },
    });
    expect(parseRecord({ partition_id: -1 })).toMatchObject({
      refusal: { message: expect.stringContaining("partition_id") },
    });
    expect(parseRecord({ timestamp: "yesterday" })).toMatchObject({
      refusal: { message: expect.stringContaining("timestamp") },
    });
    expect(parseRecord({ value: { type: "AVRO", data: 1 } })).toMatchObject({
      refusal: { message: expect.stringContaining("JSON, STRING or BINARY") },
    });
  });
});

describe("concatenated JSON", () => {
  it("splits objects with or without separators, braces inside strings kept", () => {
    const parts = splitConcatenatedJson('{"a":1}{"b":"}{\\""}\n {"c":[{"d":2}]}');
    expect(parts).toEqual([
      { ok: true, value: { a: 1 } },
      { ok: true, value: { b: '}{"' } },
      { ok: true, value: { c: [{ d: 2 }] } },
    ]);
  });

  it("reads an object split over chunks once it closes", () => {
    const splitter = new ConcatenatedJsonSplitter();
    expect(splitter.feed('{"value":{"data":"x')).toEqual([]);
    expect(splitter.feed('y"}}{"a"')).toEqual([{ ok: true, value: { value: { data: "xy" } } }]);
    expect(splitter.feed(":2}")).toEqual([{ ok: true, value: { a: 2 } }]);
    expect(splitter.end()).toEqual([]);
  });

  it("ends with an error at what is not an object, a malformed or an unclosed one", () => {
    expect(splitConcatenatedJson('{"a":1} 7')).toEqual([
      { ok: true, value: { a: 1 } },
      { ok: false, at: 0, message: "Expected a JSON object at character 8" },
    ]);
    expect(splitConcatenatedJson('{"a":}')[0]).toMatchObject({ ok: false });
    expect(splitConcatenatedJson('{"a":1')).toEqual([
      { ok: false, at: 0, message: "The JSON object at character 0 is not closed" },
    ]);
  });

  it("refuses an object over the size bound", () => {
    const splitter = new ConcatenatedJsonSplitter(10);
    expect(splitter.feed('{"a":"0123456789')).toMatchObject([{ ok: false }]);
  });
});

describe("deliveryReport", () => {
  it("answers Confluent's shape with sizes and types", () => {
    const parsed = parseRecord({ key: { type: "STRING", data: "k" }, value: { type: "JSON", data: [1] } });
    if (!parsed.ok) throw new Error("parse");
    expect(
      deliveryReport("abc", "orders", parsed.record, { partition: 2, offset: "41", timestamp: 0n }),
    ).toEqual({
      error_code: 200,
      cluster_id: "abc",
      topic_name: "orders",
      partition_id: 2,
      offset: 41,
      timestamp: "1970-01-01T00:00:00.000Z",
      key: { type: "STRING", size: 1 },
      value: { type: "JSON", size: 3 },
    });
  });
});
