import { describe, expect, it } from "vitest";

import { finalizedFeaturesOf } from "./api-versions";

describe("finalizedFeaturesOf", () => {
  it("keeps name and levels of each finalized feature, by name", () => {
    const response = {
      finalizedFeatures: [
        { name: "metadata.version", minVersionLevel: 30, maxVersionLevel: 30, extra: true },
        { name: "kraft.version", minVersionLevel: 1, maxVersionLevel: 1 },
      ],
    };
    expect(finalizedFeaturesOf(response)).toEqual([
      { name: "kraft.version", minVersionLevel: 1, maxVersionLevel: 1 },
      { name: "metadata.version", minVersionLevel: 30, maxVersionLevel: 30 },
    ]);
  });

  it("is empty for an ApiVersions answer below v3, which has no features", () => {
    expect(finalizedFeaturesOf({})).toEqual([]);
  });
});
