import { describe, expect, it } from "vitest";

import { describeRegistryHealth } from "./registry-health";

describe("describeRegistryHealth", () => {
  it("says reachable, not configured, or unreachable with the reason and its code", () => {
    expect(describeRegistryHealth({ state: "reachable", checkedAt: "t", latencyMs: 3 })).toEqual({
      label: "Registry: reachable",
      tone: "success",
    });
    expect(describeRegistryHealth({ state: "not-configured" }).label).toBe("Registry: not configured");
    expect(
      describeRegistryHealth({
        state: "unreachable",
        checkedAt: "t",
        problem: {
          title: "Cannot reach the registry at r:8081: connection refused",
          hint: "",
          code: "ECONNREFUSED",
        },
      }),
    ).toEqual({
      label: "Registry: unreachable",
      tone: "danger",
      detail: "Cannot reach the registry at r:8081: connection refused (ECONNREFUSED)",
    });
  });
});
