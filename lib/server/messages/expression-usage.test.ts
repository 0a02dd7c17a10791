import { describe, expect, it } from "vitest";
import { expressionUsage } from "./expression-usage";

describe("expressionUsage", () => {
  it.each([
    [
      "value.temp > 30 && value['device id'] === 'x'",
      { key: false, headers: false, value: ["temp", "device id"] },
    ],
    ['headers["content_type"] === "application/json"', { key: false, headers: true, value: false }],
    ["key === 'a' && value?.temp > 1", { key: true, headers: false, value: ["temp"] }],
    ["x.value === 1 && offset > '3'", { key: false, headers: false, value: false }],
    ["value.temp / 2 > 3 && /value/.test(key)", { key: true, headers: false, value: ["temp"] }],
    ["// value\nvalue.a /* value */", { key: false, headers: false, value: ["a"] }],
  ])("%s", (source, usage) => {
    expect(expressionUsage(source)).toEqual(usage);
  });

  it.each([
    "Object.keys(value).length > 3",
    "JSON.stringify(value).includes('x')",
    "value[name] === 1",
    "value.hasOwnProperty('temp')",
    "value.items.some((value) => value > 3)",
    "`${value.a}` === '1'",
    "eval('val' + 'ue')",
    "arguments[1]",
    "'a\\'b' && value.a",
  ])("needs the whole value for %s", (source) => {
    expect(expressionUsage(source).value).toBe("whole");
  });
});
