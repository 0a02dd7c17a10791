import { describe, expect, it } from "vitest";

import { bucketStart, lagHistoryTiers, rangeQuery } from "./tiers";

const DAY = 86_400;

describe("lag history tiers", () => {
  it("keeps every sample for 2 hours, 5-minute buckets for 26 hours and hourly ones for the retention", () => {
    expect(lagHistoryTiers(7 * DAY)).toEqual([
      { resolutionSeconds: 0, keepSeconds: 2 * 3600 },
      { resolutionSeconds: 300, keepSeconds: 26 * 3600 },
      { resolutionSeconds: 3600, keepSeconds: 7 * DAY },
    ]);
  });

  it("keeps nothing longer than a short retention", () => {
    expect(lagHistoryTiers(3600).map((tier) => tier.keepSeconds)).toEqual([3600, 3600, 3600]);
  });

  it("puts a sample at its own second or at its bucket's start", () => {
    expect(bucketStart(1_700_000_123.9, 0)).toBe(1_700_000_123);
    expect(bucketStart(1_700_000_123, 300)).toBe(1_700_000_100);
    expect(bucketStart(1_700_000_100, 300)).toBe(1_700_000_100);
    expect(bucketStart(1_700_000_123, 3600)).toBe(1_699_999_200);
  });

  it("reads each range from the tier that gives it a few hundred points", () => {
    const now = 1_700_000_000;
    expect(rangeQuery("1h", now)).toEqual({ resolutionSeconds: 0, sinceSeconds: now - 3600 });
    expect(rangeQuery("24h", now)).toEqual({ resolutionSeconds: 300, sinceSeconds: now - DAY });
    expect(rangeQuery("7d", now)).toEqual({ resolutionSeconds: 3600, sinceSeconds: now - 7 * DAY });
  });
});
