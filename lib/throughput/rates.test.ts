import { describe, expect, it } from "vitest";

import { perSecond, throughputBetween, type CountersSnapshot, type TopicCounters } from "./rates";

type Partition = [highWatermark: number | null, bytes: number | null];

const topic = (partitions: Partition[], topicId = "id-1"): TopicCounters => ({
  topicId,
  partitions: new Map(
    partitions.map(([highWatermark, bytes], index) => [
      index,
      {
        highWatermark: highWatermark === null ? null : BigInt(highWatermark),
        bytes: bytes === null ? null : BigInt(bytes),
      },
    ]),
  ),
});

const snapshot = (atMs: number, topics: Record<string, TopicCounters>): CountersSnapshot => ({
  atMs,
  topics: new Map(Object.entries(topics)),
});

describe("throughputBetween", () => {
  it("counts each topic's growth over the interval and sums the cluster", () => {
    const before = snapshot(0, {
      orders: topic([
        [10, 1000],
        [5, 500],
      ]),
      idle: topic([[3, 300]]),
    });
    const after = snapshot(30_000, {
      orders: topic([
        [70, 7000],
        [35, 3500],
      ]),
      idle: topic([[3, 300]]),
    });
    const interval = throughputBetween(before, after)!;
    expect(interval.ms).toBe(30_000);
    expect(interval.topics).toEqual(new Map([["orders", { messages: 90, bytes: 9000 }]]));
    expect(interval.cluster).toEqual({ messages: 90, bytes: 9000 });
    expect(interval.resets).toBe(0);
    expect(perSecond(interval.cluster.messages, interval.ms)).toBe(3);
  });

  it("counts a high watermark that went back as a reset, not as negative traffic", () => {
    const before = snapshot(0, {
      orders: topic([
        [100, 1000],
        [50, 500],
      ]),
    });
    const after = snapshot(10_000, {
      orders: topic([
        [80, 800],
        [60, 600],
      ]),
    });
    const interval = throughputBetween(before, after)!;
    expect(interval.topics.get("orders")).toEqual({ messages: 10, bytes: 100 });
    expect(interval.resets).toBe(1);
  });

  it("counts messages but no bytes when retention shrank the log", () => {
    const before = snapshot(0, { logs: topic([[1000, 50_000]]) });
    const after = snapshot(10_000, { logs: topic([[1100, 20_000]]) });
    expect(throughputBetween(before, after)!.topics.get("logs")).toEqual({ messages: 100, bytes: 0 });
  });

  it("counts an added partition from offset 0", () => {
    const before = snapshot(0, { orders: topic([[10, 100]]) });
    const after = snapshot(10_000, {
      orders: topic([
        [15, 150],
        [7, 70],
      ]),
    });
    expect(throughputBetween(before, after)!.topics.get("orders")).toEqual({ messages: 12, bytes: 120 });
  });

  it("only primes a new or recreated topic, and forgets a deleted one", () => {
    const before = snapshot(0, { orders: topic([[500, 5000]], "old-id"), gone: topic([[9, 90]]) });
    const after = snapshot(10_000, {
      orders: topic([[20, 200]], "new-id"),
      fresh: topic([[40, 400]]),
    });
    const interval = throughputBetween(before, after)!;
    expect(interval.topics.size).toBe(0);
    expect(interval.cluster).toEqual({ messages: 0, bytes: 0 });
    expect(interval.resets).toBe(1);
  });

  it("leaves out a partition not read in either sample", () => {
    const before = snapshot(0, {
      orders: topic([
        [null, null],
        [10, 100],
      ]),
    });
    const after = snapshot(10_000, {
      orders: topic([
        [30, 300],
        [20, null],
      ]),
    });
    expect(throughputBetween(before, after)!.topics.get("orders")).toEqual({ messages: 10, bytes: 0 });
  });

  it("has no interval for samples out of order", () => {
    expect(throughputBetween(snapshot(5, {}), snapshot(5, {}))).toBeNull();
    expect(throughputBetween(snapshot(9, {}), snapshot(5, {}))).toBeNull();
  });
});
