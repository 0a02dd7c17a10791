import { describe, expect, it } from "vitest";

import { addPartitionsSchema, deleteRecordsSchema } from "./topic-ops";

describe("deleteRecordsSchema", () => {
  it("previews by default and reads partitions from text", () => {
    expect(deleteRecordsSchema.parse({ mode: "offset", offset: 12, partitions: "2, 0,2" })).toEqual({
      mode: "offset",
      offset: "12",
      partitions: [0, 2],
      dryRun: true,
    });
    expect(deleteRecordsSchema.parse({ mode: "all", partitions: "all", dryRun: "false" })).toMatchObject({
      partitions: undefined,
      dryRun: false,
    });
  });

  it("takes a time as ISO 8601 or epoch milliseconds", () => {
    expect(
      deleteRecordsSchema.parse({ mode: "timestamp", timestamp: "2026-01-01T00:00:00Z" }).timestamp,
    ).toBe(Date.UTC(2026, 0, 1));
    expect(deleteRecordsSchema.parse({ mode: "timestamp", timestamp: 1234 }).timestamp).toBe(1234);
  });

  it("names the missing or wrong field", () => {
    const issues = (input: unknown) =>
      deleteRecordsSchema.safeParse(input).error?.issues.map((issue) => issue.path.join("."));
    expect(issues({ mode: "offset" })).toEqual(["offset"]);
    expect(issues({ mode: "timestamp", timestamp: "yesterday" })).toEqual(["timestamp"]);
    expect(issues({ mode: "offset", offset: "-1" })).toEqual(["offset"]);
    expect(issues({ mode: "everything" })).toEqual(["mode"]);
  });
});

describe("addPartitionsSchema", () => {
  it("takes a whole count of at least 2, checking only when asked", () => {
    expect(addPartitionsSchema.parse({ count: "6" })).toEqual({ count: 6, validateOnly: false });
    expect(addPartitionsSchema.parse({ count: 3, validateOnly: true }).validateOnly).toBe(true);
    expect(addPartitionsSchema.safeParse({ count: 1 }).success).toBe(false);
    expect(addPartitionsSchema.safeParse({ count: 2.5 }).success).toBe(false);
  });
});
