import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import {
  COLLECT_AFTER_MS,
  memoryCollector,
  MIN_COLLECT_YOUNG_BYTES,
  searchBegan,
  searchEnded,
  YoungCollections,
} from "./memory-after-searches";

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

  it("collects the young generation every two responses' worth of fetched bytes, at least 4 MiB", () => {
    const collect = vi.fn();
    const young = new YoungCollections(collect);
    const MiB = 1024 * 1024;
    for (let response = 0; response < 8; response++) young.fetched(MiB);
    expect(collect).toHaveBeenCalledTimes(8 / (MIN_COLLECT_YOUNG_BYTES / MiB));
    collect.mockClear();
    for (let response = 0; response < 6; response++) young.fetched(6 * MiB);
    expect(collect).toHaveBeenCalledTimes(3);
  });

  it("runs V8's young collection", () => {
    expect(() => memoryCollector()?.({ type: "minor" })).not.toThrow();
  });
});
