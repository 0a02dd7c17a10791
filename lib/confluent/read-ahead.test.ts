import { describe, expect, it } from "vitest";

import { readAhead } from "./read-ahead";

/** A source whose arrays arrive when the test says, and which records how far it was read. */
function controlledSource() {
  const waiting: ((result: IteratorResult<number[]>) => void)[] = [];
  const state = { asked: 0, returned: false };
  const source: AsyncIterator<number[]> = {
    next: () => {
      state.asked++;
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: async () => {
      state.returned = true;
      return { done: true, value: undefined };
    },
  };
  const deliver = (value?: number[]) =>
    waiting.shift()!(value ? { done: false, value } : { done: true, value: undefined });
  return { source, deliver, state };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("readAhead", () => {
  it("hands on what has arrived at once, and gathers what arrives while the consumer is busy", async () => {
    const { source, deliver, state } = controlledSource();
    const batches = readAhead(source, 5);
    const first = batches.next();
    await tick();
    deliver([1]);
    expect(await first).toEqual({ done: false, value: [1] });
    // The consumer is busy with [1]: the source is read on.
    await tick();
    deliver([2, 3]);
    await tick();
    deliver([4]);
    await tick();
    expect(await batches.next()).toEqual({ done: false, value: [2, 3, 4] });
    deliver();
    expect(await batches.next()).toEqual({ done: true, value: undefined });
    expect(state.returned).toBe(true);
  });

  it("splits what was read into batches of at most max, and stops reading ahead at max", async () => {
    const { source, deliver, state } = controlledSource();
    const batches = readAhead(source, 3);
    const first = batches.next();
    await tick();
    deliver([1, 2, 3, 4, 5, 6, 7]);
    expect(await first).toEqual({ done: false, value: [1, 2, 3] });
    await tick();
    expect(state.asked).toBe(1);
    expect(await batches.next()).toEqual({ done: false, value: [4, 5, 6] });
    expect(await batches.next()).toEqual({ done: false, value: [7] });
  });

  it("hands on what was read before the source's error, then throws it", async () => {
    const source: AsyncIterator<number[]> = {
      next: (() => {
        let calls = 0;
        return async () => {
          calls++;
          if (calls === 1) return { done: false, value: [1] };
          throw new Error("body broke");
        };
      })(),
    };
    const batches = readAhead(source, 10);
    expect(await batches.next()).toEqual({ done: false, value: [1] });
    await expect(batches.next()).rejects.toThrow("body broke");
  });
});
