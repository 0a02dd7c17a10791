import { describe, expect, it } from "vitest";

import { firstPath } from "./produce-encoding";

describe("firstPath", () => {
  it("finds the field the codecs name", () => {
    expect(firstPath('The value does not fit the Avro schema: $.quantity should be an int, not "two"')).toBe(
      "$.quantity",
    );
    expect(firstPath("$.lines.1.sku: string expected; $.id missing")).toBe("$.lines.1.sku");
    expect(firstPath("the value should be a record")).toBeUndefined();
  });
});
