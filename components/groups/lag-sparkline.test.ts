import { describe, expect, it } from "vitest";

import { sparklinePoints } from "./lag-sparkline";

describe("sparklinePoints", () => {
  it("spreads the values over the width, the largest at the top and 0 at the bottom", () => {
    expect(sparklinePoints([0, 5, 10], 80, 20)).toBe("0,19 40,10 80,1");
  });

  it("draws no lag as a flat line at the bottom and one value in the middle", () => {
    expect(sparklinePoints([0, 0], 80, 20)).toBe("0,19 80,19");
    expect(sparklinePoints([7], 80, 20)).toBe("40,1");
    expect(sparklinePoints([], 80, 20)).toBe("");
  });
});
