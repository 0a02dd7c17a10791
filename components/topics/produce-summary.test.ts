import { describe, expect, it } from "vitest";

import { describeProduced, firstWritten } from "./produce-summary";

describe("describeProduced", () => {
  it("names the partition and offset of one message", () => {
    expect(describeProduced({ topic: "orders", count: 1, written: [{ partition: 0, offset: "41" }] })).toBe(
      "Sent 1 message to orders: partition 0 offset 41.",
    );
  });

  it("collapses consecutive offsets per partition into ranges", () => {
    expect(
      describeProduced({
        topic: "orders",
        count: 5,
        written: [
          { partition: 0, offset: "41" },
          { partition: 2, offset: "7" },
          { partition: 0, offset: "42" },
          { partition: 0, offset: "43" },
          { partition: 0, offset: "50" },
        ],
      }),
    ).toBe("Sent 5 messages to orders: partition 0 offsets 41–43, 50, partition 2 offset 7.");
  });

  it("says when only the first offsets are shown", () => {
    const written = Array.from({ length: 100 }, (_, index) => ({ partition: 1, offset: String(index) }));
    expect(describeProduced({ topic: "t", count: 10_000, written })).toBe(
      "Sent 10,000 messages to t: partition 1 offsets 0–99 (the first 100 shown).",
    );
  });
});

describe("firstWritten", () => {
  it("is the lowest offset of the first partition written, skipping unknown offsets", () => {
    expect(
      firstWritten({
        topic: "orders",
        count: 4,
        written: [
          { partition: 2, offset: "-1" },
          { partition: 0, offset: "42" },
          { partition: 1, offset: "3" },
          { partition: 0, offset: "41" },
        ],
      }),
    ).toEqual({ partition: 0, offset: "41" });
    expect(firstWritten({ topic: "orders", count: 1, written: [] })).toBeUndefined();
  });
});
