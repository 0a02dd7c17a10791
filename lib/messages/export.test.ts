import { describe, expect, it } from "vitest";
import type { WireRecord } from "./events";
import { csvField, exportFileName, exportRecord, exportRecords } from "./export";

const record = (overrides: Partial<WireRecord> = {}): WireRecord => ({
  partition: 2,
  offset: "9007199254740993",
  timestamp: Date.UTC(2026, 10, 21, 16, 40, 5, 123),
  timestampType: "create",
  key: { size: 8, text: "4412abe2" },
  value: { size: 12, text: '{"temp":21}' },
  headers: [{ name: "content_type", value: { size: 16, text: "application/json" } }],
  size: 40,
  compression: "zstd",
  ...overrides,
});

describe("exportRecord", () => {
  it("keeps the offset as a string and the timestamp as ISO 8601", () => {
    expect(exportRecord(record())).toEqual({
      partition: 2,
      offset: "9007199254740993",
      timestamp: "2026-11-21T16:40:05.123Z",
      timestampType: "create",
      key: "4412abe2",
      value: '{"temp":21}',
      headers: [{ name: "content_type", value: "application/json" }],
      size: 40,
      compression: "zstd",
    });
  });

  it("marks binary payloads as base64, truncated values and null keys", () => {
    const exported = exportRecord(
      record({
        key: null,
        value: { size: 3000, base64: "/wA=", truncated: true },
        headers: [
          { name: "raw", value: { size: 1, base64: "/w==" } },
          { name: "none", value: null },
        ],
      }),
    );
    expect(exported).toMatchObject({
      key: null,
      value: "/wA=",
      valueEncoding: "base64",
      valueTruncated: true,
      headers: [
        { name: "raw", value: "/w==", encoding: "base64" },
        { name: "none", value: null },
      ],
    });
    expect(exported).not.toHaveProperty("keyEncoding");
  });
});

describe("exportRecords", () => {
  it("writes JSON as an array and NDJSON as one record per line", () => {
    const records = [record(), record({ offset: "1" })];
    expect(JSON.parse(exportRecords(records, "json"))).toHaveLength(2);
    const lines = exportRecords(records, "ndjson").trimEnd().split("\n");
    expect(lines.map((line) => JSON.parse(line).offset)).toEqual(["9007199254740993", "1"]);
  });

  it("quotes CSV fields with commas, quotes and line breaks", () => {
    const csv = exportRecords([record({ value: { size: 9, text: 'a,"b"\nc' } })], "csv");
    const [header, row] = csv.split("\r\n");
    expect(header).toBe("partition,offset,timestamp,key,value,headers");
    expect(row).toBe(
      '2,9007199254740993,2026-11-21T16:40:05.123Z,4412abe2,"a,""b""\nc","[{""name"":""content_type"",""value"":""application/json""}]"',
    );
  });

  it("writes only the header line for no records", () => {
    expect(exportRecords([], "csv")).toBe("partition,offset,timestamp,key,value,headers\r\n");
    expect(exportRecords([], "ndjson")).toBe("");
  });
});

describe("csvField and exportFileName", () => {
  it("leaves plain fields alone and empties nulls", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField(null)).toBe("");
    expect(csvField(3)).toBe("3");
  });

  it("names the file after the topic and the time", () => {
    expect(exportFileName("device.telemetry", new Date(Date.UTC(2026, 10, 21, 16, 40, 5, 9)), "csv")).toBe(
      "device.telemetry-2026-11-21T16-40-05Z.csv",
    );
  });
});
