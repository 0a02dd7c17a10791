import { describe, expect, it } from "vitest";

import { formatTimeLag } from "./time-lag-format";

describe("formatTimeLag", () => {
  it("says a time lag in the largest two units", () => {
    expect(formatTimeLag(850)).toBe("850 ms");
    expect(formatTimeLag(42_400)).toBe("42 s");
    expect(formatTimeLag(192_000)).toBe("3 min 12 s");
    expect(formatTimeLag(180_000)).toBe("3 min");
    expect(formatTimeLag((5 * 60 + 4) * 60_000)).toBe("5 h 4 min");
    expect(formatTimeLag(51 * 3_600_000)).toBe("2 d 3 h");
    expect(formatTimeLag(48 * 3_600_000)).toBe("2 d");
  });
});
