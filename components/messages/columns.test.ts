import { describe, expect, it } from "vitest";
import { DEFAULT_COLUMNS, parseColumns } from "./columns";

describe("parseColumns", () => {
  it("keeps known columns in table order", () => {
    expect(parseColumns('["value","offset","bogus"]')).toEqual(["offset", "value"]);
  });

  it("falls back to the defaults for nothing, garbage or an empty choice", () => {
    expect(parseColumns(null)).toBe(DEFAULT_COLUMNS);
    expect(parseColumns("{not json")).toBe(DEFAULT_COLUMNS);
    expect(parseColumns("[]")).toBe(DEFAULT_COLUMNS);
  });
});
