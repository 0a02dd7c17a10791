import { afterEach, describe, expect, it, vi } from "vitest";

import { FilterWorkers } from "./filter-workers";

afterEach(() => vi.useRealTimers());

describe("FilterWorkers", () => {
  it("closes a worker left without searches, so its thread's memory goes back", () => {
    vi.useFakeTimers();
    const workers = new FilterWorkers(1, 2_000);
    const first = workers.place();
    workers.leave(first.worker, 0);
    const close = vi.spyOn(first.worker.pool, "close");
    vi.advanceTimersByTime(2_000);
    expect(close).toHaveBeenCalledOnce();
    expect(workers.place().worker).not.toBe(first.worker);
  });

  it("keeps the worker of a burst of searches", () => {
    vi.useFakeTimers();
    const workers = new FilterWorkers(1, 2_000);
    const first = workers.place();
    workers.leave(first.worker, 0);
    vi.advanceTimersByTime(1_000);
    const second = workers.place();
    expect(second.worker).toBe(first.worker);
    const close = vi.spyOn(first.worker.pool, "close");
    vi.advanceTimersByTime(5_000);
    expect(close).not.toHaveBeenCalled();
    workers.leave(second.worker, 0);
    vi.advanceTimersByTime(2_000);
    expect(close).toHaveBeenCalledOnce();
  });
});
