import { describe, expect, it } from "vitest";

import type { WireRecord } from "./events";
import { exportRecord } from "./export";
import { quickSearch } from "./results";
import { describeValueSchema, shownValue } from "./schema-value";

const base: WireRecord = {
  partition: 0,
  offset: "4",
  timestamp: 0,
  timestampType: "create",
  key: null,
  value: { size: 8, base64: "AAAAAAEC" },
  headers: [],
  size: 8,
  compression: "none",
};
const decoded: WireRecord = {
  ...base,
  valueSchema: { schemaId: 1, format: "AVRO", subject: "t-value", version: 2, json: '{"city":"Oslo"}' },
};
const failed: WireRecord = { ...base, valueSchema: { schemaId: 9, error: "Unknown schema id 9" } };

describe("values decoded with their schema", () => {
  it("shows, searches and exports the decoded JSON; the raw bytes otherwise", () => {
    expect(shownValue(decoded)).toEqual({ size: 8, text: '{"city":"Oslo"}' });
    expect(shownValue(failed)).toBe(base.value);
    expect(quickSearch([decoded, failed], "oslo")).toEqual([decoded]);
    expect(exportRecord(decoded)).toMatchObject({
      value: '{"city":"Oslo"}',
      valueSchema: { schemaId: 1, format: "AVRO", subject: "t-value", version: 2 },
    });
    expect(exportRecord(decoded).valueEncoding).toBeUndefined();
    expect(exportRecord(failed)).toMatchObject({
      value: "AAAAAAEC",
      valueEncoding: "base64",
      valueSchema: { schemaId: 9, error: "Unknown schema id 9" },
    });
  });

  it("shows a key decoded to a JSON string as that string", () => {
    const keyed: WireRecord = {
      ...decoded,
      key: { size: 9, base64: "AAAAAAMGYWJj" },
      keySchema: { schemaId: 3, format: "AVRO", json: '"abc"' },
    };
    expect(shownValue(keyed)).toEqual({ size: 8, text: '{"city":"Oslo"}' });
    expect(exportRecord(keyed)).toMatchObject({ key: "abc", keySchema: { schemaId: 3, format: "AVRO" } });
    expect(quickSearch([keyed], "ABC")).toEqual([keyed]);
    expect(describeValueSchema(keyed, "key")).toBe("Avro, schema id 3");
  });

  it("describes the schema in words", () => {
    expect(describeValueSchema(decoded)).toBe("Avro, t-value version 2, schema id 1");
    expect(describeValueSchema(failed)).toBe("schema id 9");
    expect(describeValueSchema(base)).toBeNull();
  });
});
