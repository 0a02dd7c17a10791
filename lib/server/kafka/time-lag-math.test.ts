import { describe, expect, it } from "vitest";

import { mapBounded, maxTimeLag, timeLagKey, timeLagOf } from "./time-lag-math";

describe("time lag math", () => {
  it("measures a record's age and calls a future timestamp no lag", () => {
    expect(timeLagOf(1_000, 61_000)).toBe(60_000);
    expect(timeLagOf(70_000, 61_000)).toBe(0);
  });

  it("keys a partition by its committed offset, bigint or string alike", () => {
    expect(timeLagKey("orders", 3, 42n)).toBe(timeLagKey("orders", 3, "42"));
    expect(timeLagKey("orders", 3, 42n)).not.toBe(timeLagKey("orders", 34, 2n));
    expect(timeLagKey("a", 1, 1n)).not.toBe(timeLagKey("a", 11, 1n));
  });

  it("takes the largest known lag, null when none is known", () => {
    expect(maxTimeLag([null, 5, undefined, 12, 0])).toBe(12);
    expect(maxTimeLag([null, undefined])).toBeNull();
    expect(maxTimeLag([0])).toBe(0);
  });

  it("maps every item with at most `limit` in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await mapBounded([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      done.push(item);
      inFlight--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it("does nothing for no items", async () => {
    let calls = 0;
    await mapBounded([], 4, async () => {
      calls++;
    });
    expect(calls).toBe(0);
  });
});
