import { describe, expect, it } from "vitest";

import { lagHistorySettingsSchema } from "./lag-history-config";

describe("lagHistory settings", () => {
  it("samples every 30 s and keeps 7 days unless told otherwise", () => {
    expect(lagHistorySettingsSchema.parse({})).toEqual({
      enabled: true,
      intervalSeconds: 30,
      retentionDays: 7,
      timeLag: true,
      throughput: true,
    });
  });

  it("takes environment overrides' strings", () => {
    expect(
      lagHistorySettingsSchema.parse({
        enabled: "false",
        intervalSeconds: "60",
        retentionDays: "30",
        timeLag: "false",
        throughput: "false",
        throughputIntervalSeconds: "10",
      }),
    ).toEqual({
      enabled: false,
      intervalSeconds: 60,
      retentionDays: 30,
      timeLag: false,
      throughput: false,
      throughputIntervalSeconds: 10,
    });
  });

  it("refuses an interval under 5 s, a retention over 90 days and unknown keys", () => {
    const result = lagHistorySettingsSchema.safeParse({
      intervalSeconds: 1,
      retentionDays: 365,
      interval: 30,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["intervalSeconds", "must be at least 5"],
      ["retentionDays", "must be at most 90"],
      ["", 'Unrecognized key: "interval"'],
    ]);
  });
});
