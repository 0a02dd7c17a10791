import { describe, expect, it } from "vitest";

import {
  describeChanges,
  planPartition,
  planReset,
  resolveScope,
  type PartitionRange,
} from "./group-reset-plan";

const range = (overrides: Partial<PartitionRange> = {}): PartitionRange => ({
  topic: "orders",
  partition: 0,
  logStart: 10n,
  logEnd: 100n,
  committed: 40n,
  ...overrides,
});

const planned = (target: Parameters<typeof planPartition>[1], overrides: Partial<PartitionRange> = {}) => {
  const result = planPartition(range(overrides), target);
  if (!result.ok) throw new Error(result.error);
  return result.data;
};

describe("planPartition", () => {
  it("starts at the log start for earliest and the log end for latest, with lag before and after", () => {
    expect(planned({ kind: "earliest" })).toEqual({
      topic: "orders",
      partition: 0,
      currentOffset: "40",
      newOffset: "10",
      logStartOffset: "10",
      logEndOffset: "100",
      lagBefore: "60",
      lagAfter: "90",
      clamped: false,
      note: null,
    });
    expect(planned({ kind: "latest" })).toMatchObject({ newOffset: "100", lagAfter: "0", clamped: false });
  });

  it("clamps a specific offset into [log start, log end] and says which end", () => {
    expect(planned({ kind: "offset", offset: 50n })).toMatchObject({ newOffset: "50", clamped: false });
    expect(planned({ kind: "offset", offset: 3n })).toMatchObject({
      newOffset: "10",
      clamped: true,
      note: "3 is before the log start offset; starts at 10.",
    });
    expect(planned({ kind: "offset", offset: 500n })).toMatchObject({
      newOffset: "100",
      clamped: true,
      note: "500 is past the log end offset; starts at 100.",
    });
    // The ends themselves are inside the range.
    expect(planned({ kind: "offset", offset: 100n })).toMatchObject({ newOffset: "100", clamped: false });
  });

  it("shifts from the committed offset, clamped, and refuses a partition with nothing committed", () => {
    expect(planned({ kind: "shift", by: -15n })).toMatchObject({ newOffset: "25", lagAfter: "75" });
    expect(planned({ kind: "shift", by: 80n })).toMatchObject({ newOffset: "100", clamped: true });
    expect(planned({ kind: "shift", by: -35n })).toMatchObject({ newOffset: "10", clamped: true });
    expect(planPartition(range({ committed: null }), { kind: "shift", by: 1n })).toEqual({
      ok: false,
      error: "orders partition 0 has no committed offset to shift from",
    });
  });

  it("takes the offset found for a time, and the log end when no record is at or after it", () => {
    expect(planned({ kind: "timestamp", found: 42n })).toMatchObject({ newOffset: "42", note: null });
    expect(planned({ kind: "timestamp", found: null })).toMatchObject({
      newOffset: "100",
      clamped: false,
      note: "No record at or after that time: the log end offset.",
    });
  });

  it("copies another group's offset, clamped, and names the group when it has none", () => {
    expect(planned({ kind: "copy", offset: 7n, from: "group b" })).toMatchObject({
      newOffset: "10",
      clamped: true,
    });
    expect(planPartition(range(), { kind: "copy", offset: null, from: "group b" })).toEqual({
      ok: false,
      error: "orders partition 0 has no committed offset in group b",
    });
  });

  it("shows no lag before for a partition without a commit, and no negative lag past the end", () => {
    expect(planned({ kind: "earliest" }, { committed: null })).toMatchObject({
      currentOffset: null,
      lagBefore: null,
      lagAfter: "90",
    });
    expect(planned({ kind: "latest" }, { committed: 120n })).toMatchObject({ lagBefore: "0" });
  });
});

describe("planReset", () => {
  it("sorts rows by topic and partition", () => {
    const result = planReset(
      [
        range({ topic: "b", partition: 1 }),
        range({ topic: "a", partition: 2 }),
        range({ topic: "b", partition: 0 }),
      ],
      () => ({ kind: "latest" }),
    );
    expect(result.ok && result.data.map((row) => `${row.topic}/${row.partition}`)).toEqual([
      "a/2",
      "b/0",
      "b/1",
    ]);
  });

  it("fails naming the partitions that cannot be planned, a few and then how many more", () => {
    const ranges = Array.from({ length: 8 }, (_, partition) => range({ partition, committed: null }));
    const result = planReset(ranges, () => ({ kind: "shift", by: 1n }));
    expect(result).toEqual({
      ok: false,
      error:
        "Cannot plan the reset: orders partition 0 has no committed offset to shift from; orders partition 1 has no committed offset to shift from; orders partition 2 has no committed offset to shift from; orders partition 3 has no committed offset to shift from; orders partition 4 has no committed offset to shift from; and 3 more partitions.",
    });
  });
});

describe("resolveScope", () => {
  const topics = new Map([
    ["orders", 3],
    ["events", 1],
  ]);
  const committed = [
    { topic: "orders", partition: 2 },
    { topic: "events", partition: 0 },
  ];

  it("means the committed partitions without a topic", () => {
    expect(resolveScope({}, topics, committed, "Group g")).toEqual({
      ok: true,
      data: [
        { topic: "events", partition: 0 },
        { topic: "orders", partition: 2 },
      ],
    });
  });

  it("needs a topic for a group without commits (a new group)", () => {
    expect(resolveScope({}, topics, [], "Group g")).toEqual({
      ok: false,
      error: "Group g has no committed offsets; choose a topic to set offsets for.",
    });
  });

  it("means every partition of a topic, or the chosen ones", () => {
    expect(resolveScope({ topic: "orders" }, topics, committed, "Group g")).toEqual({
      ok: true,
      data: [0, 1, 2].map((partition) => ({ topic: "orders", partition })),
    });
    expect(resolveScope({ topic: "orders", partitions: [1] }, topics, committed, "Group g")).toEqual({
      ok: true,
      data: [{ topic: "orders", partition: 1 }],
    });
  });

  it("names an unknown topic and partitions the topic does not have", () => {
    expect(resolveScope({ topic: "nope" }, topics, committed, "Group g")).toMatchObject({
      ok: false,
      error: "Topic nope does not exist on this cluster, or the console may not describe it.",
    });
    expect(resolveScope({ topic: "orders", partitions: [1, 3, 4] }, topics, committed, "Group g")).toEqual({
      ok: false,
      error: "Topic orders has partitions 0 to 2; there is no partition 3, 4.",
    });
  });
});

describe("describeChanges", () => {
  it("lists before → after per partition", () => {
    expect(
      describeChanges([
        { topic: "orders", partition: 0, before: "5", after: "2" },
        { topic: "orders", partition: 1, before: null, after: "0" },
      ]),
    ).toBe("orders/0 5→2, orders/1 none→0");
  });

  it("stays bounded for many partitions and says how many it left out", () => {
    const many = Array.from({ length: 1000 }, (_, partition) => ({
      topic: "orders",
      partition,
      before: "123456",
      after: "0",
    }));
    const text = describeChanges(many);
    expect(text.length).toBeLessThanOrEqual(2_100);
    expect(text).toMatch(/, … and \d+ more partitions$/);
    const shown = text.split(", ").length - 1;
    expect(text).toContain(`and ${1000 - shown} more`);
  });
});
