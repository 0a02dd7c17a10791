import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { COLLECT_AFTER_MS, memoryCollector, searchBegan, searchEnded } from "./memory-after-searches";

describe("memory after searches", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("has V8's collector without --expose-gc on the command line", () => {
    expect(typeof memoryCollector()).toBe("function");
  });

  it("collects once, a moment after the last running search ends", () => {
    const collected = vi.fn();
    searchBegan();
    searchBegan();
    searchEnded(collected);
    vi.advanceTimersByTime(COLLECT_AFTER_MS * 2);
    expect(collected).not.toHaveBeenCalled();
    searchEnded(collected);
    vi.advanceTimersByTime(COLLECT_AFTER_MS);
    expect(collected).toHaveBeenCalledTimes(1);
  });

  it("skips the collection when another search starts during the pause", () => {
    const collected = vi.fn();
    searchBegan();
    searchEnded(collected);
    searchBegan();
    vi.advanceTimersByTime(COLLECT_AFTER_MS * 2);
    expect(collected).not.toHaveBeenCalled();
    searchEnded(collected);
    vi.advanceTimersByTime(COLLECT_AFTER_MS);
    expect(collected).toHaveBeenCalledTimes(1);
  });
});
