import { describe, expect, it } from "vitest";

import {
  fetchBudget,
  FIRST_FETCH_BYTES,
  nextRequestBytes,
  PARTITION_MAX_BYTES,
  takeTurns,
} from "./partition-fetcher";

describe("fetchBudget", () => {
  const MiB = 1024 * 1024;

  it("asks a scan's partitions for 1 MiB each, as many as messages.fetchBytes holds", () => {
    expect(fetchBudget(2 * MiB, 6, false)).toEqual({
      maxBytes: 2 * MiB,
      partitionMaxBytes: MiB,
      partitions: 2,
    });
    expect(fetchBudget(64 * MiB, 6, false)).toEqual({
      maxBytes: 64 * MiB,
      partitionMaxBytes: MiB,
      partitions: 6,
    });
    expect(fetchBudget(256 * 1024, 6, false)).toEqual({
      maxBytes: 256 * 1024,
      partitionMaxBytes: 256 * 1024,
      partitions: 1,
    });
  });

  it("shares the budget among all partitions (a live tail, a first request), never above Kafka's default each", () => {
    expect(fetchBudget(2 * MiB, 6, true)).toEqual({
      maxBytes: 2 * MiB,
      partitionMaxBytes: 349_525,
      partitions: 6,
    });
    expect(fetchBudget(64 * MiB, 2, true).partitionMaxBytes).toBe(PARTITION_MAX_BYTES);
  });
});

describe("takeTurns", () => {
  it("gives every partition its turn, round robin", () => {
    const partitions = [0, 1, 2, 3, 4, 5];
    expect([0, 2, 4, 6].map((turn) => takeTurns(partitions, 2, turn))).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
      [0, 1],
    ]);
    expect(takeTurns([3, 4, 5], 2, 2)).toEqual([5, 3]);
    expect(takeTurns(partitions, 6, 3)).toBe(partitions);
  });
});

describe("nextRequestBytes", () => {
  it("starts a search small and doubles each answered request up to messages.fetchBytes", () => {
    const budgets = [FIRST_FETCH_BYTES];
    while (budgets.length < 6) budgets.push(nextRequestBytes(budgets.at(-1)!, 2 * 1024 * 1024));
    expect(budgets.map((bytes) => bytes / 1024)).toEqual([256, 512, 1024, 2048, 2048, 2048]);
  });
});
