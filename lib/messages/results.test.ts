import { describe, expect, it } from "vitest";
import type { WireRecord } from "./events";
import { orderRecords, quickSearch, recordId } from "./results";

const record = (partition: number, offset: string, timestamp: number, value = "v"): WireRecord => ({
  partition,
  offset,
  timestamp,
  timestampType: "create",
  key: null,
  value: { size: value.length, text: value },
  headers: [{ name: "trace", value: { size: 3, text: "ABC" } }],
  size: 1,
  compression: "none",
});

describe("orderRecords", () => {
  const records = [record(0, "9", 100), record(1, "10", 300), record(0, "10", 300)];

  it("puts the newest first for newest-N, ties broken by partition then offset", () => {
    expect(orderRecords(records, "newest").map(recordId)).toEqual(["1:10", "0:10", "0:9"]);
  });

  it("reverses the arrival order for a live tail and keeps it otherwise", () => {
    expect(orderRecords(records, "tail").map(recordId)).toEqual(["0:10", "1:10", "0:9"]);
    expect(orderRecords(records, "oldest")).toBe(records);
  });

  it("compares offsets numerically", () => {
    const same = [record(0, "9", 1), record(0, "10", 1)];
    expect(orderRecords(same, "newest").map(recordId)).toEqual(["0:10", "0:9"]);
  });
});

describe("quickSearch", () => {
  const records = [record(0, "1", 1, '{"device_id":"4412abe2"}'), record(0, "2", 1, "other")];

  it("matches value and header text, case-insensitively", () => {
    expect(quickSearch(records, "4412ABE2").map(recordId)).toEqual(["0:1"]);
    expect(quickSearch(records, "abc")).toHaveLength(2);
    expect(quickSearch(records, "trace")).toHaveLength(2);
  });

  it("returns everything for a blank search", () => {
    expect(quickSearch(records, "  ")).toBe(records);
  });
});
