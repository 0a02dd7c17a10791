import { describe, expect, it } from "vitest";
import { evaluateJsonPath, parseJsonPath, requiredJsonText } from "./json-path";

function matches(path: string, value: unknown): boolean {
  const parsed = parseJsonPath(path);
  if (!parsed.ok) throw new Error(parsed.message);
  return evaluateJsonPath(parsed.expression, value);
}

describe("parseJsonPath", () => {
  it.each([
    ["$.temp 30", 7, "Expected an operator after $.temp at position 7"],
    ["$.temp >", 8, "Expected a string, number, true, false or null after > at position 8"],
    ["temp > 3", 0, "Expected a path starting with $ at position 0"],
    ['$.a == "open', 12, 'Expected the closing " of the string started at position 7 at position 12'],
    ["$.a[x] == 1", 4, 'Expected an index (a whole number) or a quoted name after "[" at position 4'],
    ["$. == 1", 3, 'Expected a property name after "." at position 3'],
    ["$.a == 1 $.b", 9, "Expected && or || after $.a == 1 at position 9"],
    ["exists($.a", 10, "Expected ) after the path at position 10"],
    ["$.a == nul", 7, "Expected a string, number, true, false or null after == at position 7"],
    ['$.a == "\\u12"', 10, "Expected 4 hexadecimal digits after \\u at position 10"],
  ])("rejects %s at position %i", (text, position, message) => {
    expect(parseJsonPath(text)).toEqual({ ok: false, position, message });
  });

  it("parses literals with escapes and both quotes", () => {
    expect(parseJsonPath(`$["odd key"] == 'it\\'s "\\u00e9"\\n'`)).toEqual({
      ok: true,
      expression: { kind: "compare", path: ["odd key"], operator: "==", literal: `it's "é"\n` },
    });
    expect(parseJsonPath("$.a[0].b >= -1.5e3")).toMatchObject({
      expression: { path: ["a", 0, "b"], operator: ">=", literal: -1500 },
    });
  });
});

describe("evaluateJsonPath", () => {
  const message = {
    température: "haute",
    device_id: "4412abe2",
    temp: 31,
    a: { b: [{ c: 0 }] },
    "odd key": true,
    tags: ["eu", "x"],
    n: null,
  };

  it.each([
    ['$.device_id == "4412abe2"', true],
    ['$.device_id == "4412abe3"', false],
    ["$.temp > 30", true],
    ["$.temp <= 30", false],
    ['$.temp == "31"', false],
    ["$.a.b[0].c != null", true],
    ["$.a.b[1].c != null", false],
    ["$.a.b[-1].c == 0", true],
    ['$["odd key"] == true', true],
    ['$.température == "haute"', true],
    ['$.tags contains "eu"', true],
    ['$.device_id contains "12ab"', true],
    ['$.temp contains "3"', false],
    ["$.n", false],
    ["exists($.temp)", true],
    ["$.missing == null", true],
    ["$.n == null", true],
    ["$.missing != 1", true],
    ['$.temp > 30 && $.tags contains "x"', true],
    ['$.temp > 40 || !($.device_id == "z")', true],
    ["!exists($.a) || $.temp < 0", false],
    ['$.device_id > "4"', true],
    ["$.a > 1", false],
  ])("%s → %s", (path, expected) => {
    expect(matches(path, message)).toBe(expected);
  });

  it("does not follow inherited properties", () => {
    expect(matches("$.constructor", {})).toBe(false);
    expect(matches("$.length == 2", [1, 2])).toBe(false);
  });
});

describe("requiredJsonText", () => {
  it("names a string every match contains, only when it is certain", () => {
    const text = (path: string) => {
      const parsed = parseJsonPath(path);
      return parsed.ok ? requiredJsonText(parsed.expression) : undefined;
    };
    expect(text('$.id == "abc"')).toBe("abc");
    expect(text('$.n > 1 && $.tags contains "longer"')).toBe("longer");
    expect(text('$.id != "abc"')).toBeNull();
    expect(text('$.id == "a" || $.id == "b"')).toBeNull();
    expect(text("$.n == 5")).toBeNull();
  });
});
