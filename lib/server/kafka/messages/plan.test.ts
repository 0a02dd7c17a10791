import { describe, expect, it } from "vitest";

import { planSearch, type PartitionWatermarks, type PlanRequest } from "./plan";

const marks = (...ranges: [number, number][]): PartitionWatermarks[] =>
  ranges.map(([low, high], partition) => ({ partition, low: BigInt(low), high: BigInt(high) }));

function ranges(watermarks: PartitionWatermarks[], request: PlanRequest) {
  const plan = planSearch(watermarks, request);
  if (!plan.ok) throw new Error(plan.message);
  return {
    ranges: plan.partitions.map((p) => [p.partition, p.start, p.end]),
    notices: plan.notices,
    tail: plan.tail,
  };
}

describe("newest N", () => {
  it("takes an equal share from each partition", () => {
    const plan = ranges(marks([0, 100], [0, 100], [0, 100]), { start: "newest", max: 30 });
    expect(plan.ranges).toEqual([
      [0, 90n, 100n],
      [1, 90n, 100n],
      [2, 90n, 100n],
    ]);
  });

  it("hands the share a small partition cannot use to the others, N in total", () => {
    const plan = ranges(marks([0, 2], [10, 110], [5, 5], [0, 100]), { start: "newest", max: 50 });
    // 4 partitions: the empty one gives 0, the 2-message one 2, the other two share 48.
    expect(plan.ranges).toEqual([
      [0, 0n, 2n],
      [1, 86n, 110n],
      [2, 5n, 5n],
      [3, 76n, 100n],
    ]);
  });

  it("splits a remainder so the total is exactly N", () => {
    const plan = ranges(marks([0, 100], [0, 100], [0, 100]), { start: "newest", max: 50 });
    const total = plan.ranges.reduce((sum, [, start, end]) => sum + (end as bigint) - (start as bigint), 0n);
    expect(total).toBe(50n);
  });

  it("takes everything when N exceeds what the topic holds", () => {
    const plan = ranges(marks([3, 5], [0, 1]), { start: "newest", max: 1000 });
    expect(plan.ranges).toEqual([
      [0, 3n, 5n],
      [1, 0n, 1n],
    ]);
  });

  it("reads only the chosen partition", () => {
    const plan = ranges(marks([0, 100], [0, 100]), { start: "newest", max: 10, partition: 1 });
    expect(plan.ranges).toEqual([[1, 90n, 100n]]);
  });
});

describe("oldest and tail", () => {
  it("oldest reads from the low to the high watermark", () => {
    expect(ranges(marks([4, 9], [0, 0]), { start: "oldest", max: 50 }).ranges).toEqual([
      [0, 4n, 9n],
      [1, 0n, 0n],
    ]);
  });

  it("tail starts at the end and has none", () => {
    const plan = ranges(marks([4, 9]), { start: "tail", max: 50 });
    expect(plan).toEqual({ ranges: [[0, 9n, null]], notices: [], tail: true });
  });
});

describe("from an offset", () => {
  it("starts every partition at the offset", () => {
    const plan = ranges(marks([0, 10], [0, 20]), { start: "offset", offset: 5n, max: 50 });
    expect(plan).toMatchObject({
      ranges: [
        [0, 5n, 10n],
        [1, 5n, 20n],
      ],
      notices: [],
    });
  });

  it("clamps below the first offset kept and past the end, naming partition and value", () => {
    const plan = ranges(marks([7, 10], [0, 3], [0, 20]), { start: "offset", offset: 5n, max: 50 });
    expect(plan.ranges).toEqual([
      [0, 7n, 10n],
      [1, 3n, 3n],
      [2, 5n, 20n],
    ]);
    expect(plan.notices).toEqual([
      "Offset 5 is before the first offset still kept; started partition 0 at 7",
      "Offset 5 is past the end; nothing to read in partition 1 at 3",
    ]);
  });
});

describe("from a timestamp", () => {
  const at = Date.UTC(2026, 0, 2, 3, 4, 5);

  it("starts each partition at the offset ListOffsets found", () => {
    const timestampOffsets = new Map([
      [0, 4n],
      [1, 0n],
    ]);
    const plan = ranges(marks([0, 10], [0, 5]), {
      start: "timestamp",
      timestamp: at,
      timestampOffsets,
      max: 9,
    });
    expect(plan).toMatchObject({
      ranges: [
        [0, 4n, 10n],
        [1, 0n, 5n],
      ],
      notices: [],
    });
  });

  it("reads nothing where no message is at or after the time, with one notice", () => {
    const timestampOffsets = new Map<number, bigint | null>([
      [0, null],
      [1, 3n],
      [2, null],
    ]);
    const plan = ranges(marks([0, 10], [0, 5], [2, 2]), {
      start: "timestamp",
      timestamp: at,
      timestampOffsets,
      max: 9,
    });
    expect(plan.ranges).toEqual([
      [0, 10n, 10n],
      [1, 3n, 5n],
      [2, 2n, 2n],
    ]);
    expect(plan.notices).toEqual(["No message at or after 2026-01-02T03:04:05.000Z in partition 0"]);
  });

  it("says so once when the time is later than every message", () => {
    const timestampOffsets = new Map<number, bigint | null>([
      [0, null],
      [1, null],
    ]);
    const plan = ranges(marks([0, 10], [0, 5]), {
      start: "timestamp",
      timestamp: at,
      timestampOffsets,
      max: 9,
    });
    expect(plan.notices).toEqual(["No message at or after 2026-01-02T03:04:05.000Z in any partition"]);
  });
});

describe("partition filter", () => {
  it("refuses a partition the topic does not have", () => {
    expect(planSearch(marks([0, 1], [0, 1]), { start: "oldest", partition: 2, max: 5 })).toEqual({
      ok: false,
      message: "There is no partition 2: the topic has 2 (0–1)",
    });
  });
});
