import { describe, expect, it } from "vitest";

import { formatBytes } from "./format-bytes";

describe("formatBytes", () => {
  it("uses binary units with one decimal, and a dash for unknown", () => {
    expect(formatBytes("0")).toBe("0 B");
    expect(formatBytes("1023")).toBe("1023 B");
    expect(formatBytes("1536")).toBe("1.5 KiB");
    expect(formatBytes(String(5n * 1024n ** 4n))).toBe("5.0 TiB");
    expect(formatBytes(null)).toBe("—");
  });
});
