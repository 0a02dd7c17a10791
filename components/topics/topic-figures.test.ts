import { describe, expect, it } from "vitest";

import { formatRetention, formatRetentionMs, formatSize } from "./topic-figures";

describe("topic figures", () => {
  it("formats sizes in binary units", () => {
    expect(formatSize("0")).toBe("0 B");
    expect(formatSize("1023")).toBe("1023 B");
    expect(formatSize("1536")).toBe("1.5 KiB");
    expect(formatSize(String(200 * 1024 * 1024))).toBe("200 MiB");
    expect(formatSize(null)).toBe("—");
  });

  it("formats retention, -1 being forever", () => {
    expect(formatRetentionMs("604800000")).toBe("7 d");
    expect(formatRetentionMs("5400000")).toBe("90 min");
    expect(formatRetentionMs("-1")).toBe("forever");
    expect(formatRetentionMs("1500")).toBe("1.5 s");
    expect(formatRetention("604800000", "-1")).toBe("7 d");
    expect(formatRetention("604800000", "1073741824")).toBe("7 d or 1.0 GiB");
    expect(formatRetention("-1", "1073741824")).toBe("1.0 GiB");
  });
});
