import { describe, expect, it } from "vitest";

import { planDeleteRecords, totalRecords } from "./topic-records-plan";

const marks = [
  { partition: 0, leader: 1, low: 10n, high: 100n },
  { partition: 1, leader: 1, low: 0n, high: 5n },
  { partition: 2, leader: -1, low: null, high: null },
];

describe("planDeleteRecords", () => {
  it("deletes everything below the high watermark for all", () => {
    const rows = planDeleteRecords(marks, "all", () => undefined);
    expect(rows.map((row) => [row.newLow, row.records])).toEqual([
      ["100", "90"],
      ["5", "5"],
      [null, null],
    ]);
    expect(rows[2]?.problem).toBe("The partition has no leader");
    expect(totalRecords(rows)).toBe("95");
  });

  it("clamps an offset between the watermarks and says so past the end", () => {
    const rows = planDeleteRecords(marks.slice(0, 2), "offset", () => 50n);
    expect(rows[0]).toMatchObject({ lowBefore: "10", newLow: "50", records: "40", clamped: false });
    expect(rows[1]).toMatchObject({ newLow: "5", records: "5", clamped: true });
    const below = planDeleteRecords(marks.slice(0, 1), "offset", () => 3n);
    expect(below[0]).toMatchObject({ newLow: "10", records: "0" });
  });

  it("deletes before the first record at the time, all when none is that late", () => {
    const rows = planDeleteRecords(marks.slice(0, 2), "timestamp", (partition) =>
      partition === 0 ? 42n : undefined,
    );
    expect(rows.map((row) => [row.newLow, row.records, row.clamped])).toEqual([
      ["42", "32", false],
      ["5", "5", false],
    ]);
  });
});
