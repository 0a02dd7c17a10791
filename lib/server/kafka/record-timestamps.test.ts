import { describe, expect, it } from "vitest";

import { RecordTimestamps, type LaggingPartition } from "./record-timestamps";
import { timeLagKey } from "./time-lag-math";

const at = (partition: number, committedOffset: bigint): LaggingPartition => ({
  topic: "orders",
  partition,
  committedOffset,
  logEndOffset: committedOffset + 10n,
});
const key = (target: LaggingPartition) => timeLagKey(target.topic, target.partition, target.committedOffset);

describe("RecordTimestamps", () => {
  it("ages a known record with the clock instead of fetching it again", () => {
    const stamps = new RecordTimestamps();
    const lagging = [at(0, 5n), at(1, 7n)];
    expect(stamps.unknown(lagging)).toEqual(lagging);
    // Read at t=10,000: partition 0's next record was 4 s old, partition 1's 1 s.
    stamps.learn(
      new Map([
        [key(lagging[0]!), 4_000],
        [key(lagging[1]!), 1_000],
      ]),
      10_000,
    );
    expect(stamps.unknown(lagging)).toEqual([]);
    expect(stamps.groupTimeLag(lagging, 10_000)).toBe(4_000);
    expect(stamps.groupTimeLag(lagging, 40_000)).toBe(34_000);
  });

  it("fetches again only the partitions whose committed offset moved, and forgets the old offset", () => {
    const stamps = new RecordTimestamps();
    stamps.learn(
      new Map([
        [key(at(0, 5n)), 4_000],
        [key(at(1, 7n)), 1_000],
      ]),
      10_000,
    );
    const moved = [at(0, 6n), at(1, 7n)];
    stamps.keepOnly(moved);
    expect(stamps.unknown(moved)).toEqual([at(0, 6n)]);
    expect(stamps.groupTimeLag(moved, 10_000)).toBeNull();
    expect(stamps.groupTimeLag([at(0, 5n)], 10_000)).toBeNull();
  });

  it("asks for at most the budget, each partition-offset once, the rest in later rounds", () => {
    const stamps = new RecordTimestamps();
    const lagging = [at(0, 1n), at(0, 1n), at(1, 1n), at(2, 1n)];
    expect(stamps.unknown(lagging, 2)).toEqual([at(0, 1n), at(1, 1n)]);
  });

  it("is 0 when nothing lags, and leaves unreadable records out of the oldest", () => {
    const stamps = new RecordTimestamps();
    expect(stamps.groupTimeLag([], 10_000)).toBe(0);
    stamps.learn(
      new Map([
        [key(at(0, 5n)), null],
        [key(at(1, 5n)), 2_000],
      ]),
      10_000,
    );
    expect(stamps.groupTimeLag([at(0, 5n), at(1, 5n)], 10_000)).toBe(2_000);
    expect(stamps.groupTimeLag([at(0, 5n)], 10_000)).toBeNull();
  });
});
