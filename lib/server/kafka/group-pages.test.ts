import { describe, expect, it } from "vitest";

import {
  filterGroups,
  groupTypeOf,
  pageOf,
  partitionLag,
  sortGroups,
  totalLag,
  type GroupFigures,
  type ListedGroup,
} from "./group-pages";

const TYPES = ["classic", "consumer", "share"];
const STATES = ["Stable", "Empty", "Stable", "Dead"];
const groups: ListedGroup[] = Array.from({ length: 10_000 }, (_, index) => ({
  id: `group-${String(index).padStart(5, "0")}`,
  type: TYPES[index % 3]!,
  state: STATES[index % 4]!,
  protocolType: "consumer",
}));

describe("groupTypeOf", () => {
  it("reads a reported type in lower case, and a missing one as classic (ListGroups before v5)", () => {
    expect(groupTypeOf("Consumer")).toBe("consumer");
    expect(groupTypeOf("share")).toBe("share");
    expect(groupTypeOf(undefined)).toBe("classic");
    expect(groupTypeOf("")).toBe("classic");
  });
});

describe("filterGroups", () => {
  it("searches ids case-insensitively and sorts them", () => {
    const found = filterGroups([...groups].reverse(), { q: " GROUP-0999 " });
    expect(found.map((group) => group.id)).toEqual(
      Array.from({ length: 10 }, (_, index) => `group-0999${index}`),
    );
  });

  it("filters by type and by state, the state in any case", () => {
    const consumers = filterGroups(groups, { type: "consumer" });
    expect(consumers).toHaveLength(3333);
    expect(consumers.every((group) => group.type === "consumer")).toBe(true);
    const stable = filterGroups(groups, { state: "STABLE", type: "classic" });
    expect(stable.every((group) => group.state === "Stable" && group.type === "classic")).toBe(true);
    expect(stable.length).toBe(1667);
  });

  it("stays fast with 10,000 groups", () => {
    const started = performance.now();
    for (let round = 0; round < 20; round++) filterGroups(groups, { q: "1", state: "stable" });
    expect((performance.now() - started) / 20).toBeLessThan(50);
  });
});

describe("pageOf", () => {
  it("slices the requested page", () => {
    expect(pageOf(10_000, { page: 3, pageSize: 50 })).toEqual({
      page: 3,
      pageSize: 50,
      start: 100,
      end: 150,
    });
  });

  it("clamps a page past the end to the last page and bounds the page size", () => {
    expect(pageOf(10_000, { page: 999, pageSize: 100 }).page).toBe(100);
    expect(pageOf(10_000, { pageSize: 100_000 }).pageSize).toBe(200);
    expect(pageOf(10_000, { page: 0, pageSize: 0 })).toMatchObject({ page: 1, pageSize: 1 });
    expect(pageOf(0, { page: 4 })).toMatchObject({ page: 1, start: 0 });
  });
});

describe("sortGroups", () => {
  const few = ["b", "a", "c", "d"].map((id) => ({
    id,
    type: "classic",
    state: "Stable",
    protocolType: "consumer",
  }));
  const figures = new Map<string, GroupFigures>([
    ["a", { members: 1, totalLag: 5n }],
    ["b", { members: 3, totalLag: 9_007_199_254_740_993n }],
    ["c", { members: 3, totalLag: null }],
  ]);

  it("sorts by name", () => {
    expect(sortGroups(few, "name", figures).map((group) => group.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("puts the largest lag first, exact beyond 2^53, and unknown lag last", () => {
    expect(sortGroups(few, "lag", figures).map((group) => group.id)).toEqual(["b", "a", "c", "d"]);
  });

  it("puts the most members first, ties by name", () => {
    expect(sortGroups(few, "members", figures).map((group) => group.id)).toEqual(["b", "c", "a", "d"]);
  });
});

describe("lag", () => {
  it("is log end minus committed", () => {
    expect(partitionLag(7n, 10n)).toBe(3n);
    expect(partitionLag(10n, 10n)).toBe(0n);
  });

  it("is zero for a commit past a truncated log, unknown without a commit or a log end", () => {
    expect(partitionLag(12n, 10n)).toBe(0n);
    expect(partitionLag(-1n, 10n)).toBeNull();
    expect(partitionLag(null, 10n)).toBeNull();
    expect(partitionLag(3n, null)).toBeNull();
  });

  it("sums the committed partitions exactly and leaves uncommitted ones out", () => {
    expect(
      totalLag([
        { committed: 0n, logEnd: 9_007_199_254_740_993n },
        { committed: 5n, logEnd: 7n },
        { committed: -1n, logEnd: 100n },
        { committed: null, logEnd: 100n },
      ]),
    ).toBe(9_007_199_254_740_995n);
  });

  it("is unknown when a committed partition's log end is missing, or nothing was committed", () => {
    expect(
      totalLag([
        { committed: 1n, logEnd: 3n },
        { committed: 2n, logEnd: null },
      ]),
    ).toBeNull();
    expect(totalLag([{ committed: -1n, logEnd: 3n }])).toBeNull();
    expect(totalLag([])).toBeNull();
  });
});
