import { describe, expect, it } from "vitest";
import { requiredTexts } from "./expression-needles";

describe("requiredTexts", () => {
  it.each([
    ['value.device_id === "needle-0001"', ["needle-0001"]],
    ['"needle-0001" === value.device_id', ["needle-0001"]],
    ["value.a === 'x' && value.b.c === \"y\"", ["x", "y"]],
    ["value.temp > 30 && value[\"device id\"] === 'dev 7'", ["dev 7"]],
    ['key === "k"', ["k"]],
    ['headers.device_id === "d"', ["d"]],
    ['headers["content-type"] === "x"', ["x"]],
    ['value?.a?.b === "x" && value?.["c d"] === "é"', ["x", "é"]],
    ['(value.a === "x" && (key === "k")) && value.n <= 3', ["x", "k"]],
    [`${"(".repeat(32)}value.a === "x"${")".repeat(32)}`, ["x"]],
    ['value.a === "x" && value.b === "x"', ["x"]],
    ['// find it\nvalue.a /* the id */ ===\n  "x" // done', ["x"]],
    ['value.ok === true && value.n != 2 && value.a === "x"', ["x"]],
  ])("%s needs %j", (source, needles) => {
    expect(requiredTexts(source)).toEqual(needles);
  });

  it.each([
    ['value.a == "x"', "loose equality converts"],
    ['value.a !== "x"', "inequality"],
    ['value.a < "x"', "ordering"],
    ['value.a === ""', "empty literal"],
    ['value.a === "bad \uFFFD"', "U+FFFD stands for bytes that are not UTF-8"],
    ['value.a === "\uD83D"', "a lone surrogate is never decoded"],
    ['"x" === "x"', "no message field"],
    ["value.a === key", "no literal"],
  ])("%s needs nothing (%s)", (source) => {
    expect(requiredTexts(source)).toBeNull();
  });

  it.each([
    'value.a === "x" || value.b === "y"',
    'value.a.startsWith("x")',
    'value.a === "x" && value.b.includes("y") === true',
    '(value = {a:"x"}) && value.a === "x"',
    'value.a = "x"',
    'value.a === "x", true',
    'value.a === "x" ? true : false',
    '!(value.a === "x")',
    '!value.b && value.a === "x"',
    "`x` === value.a",
    '/x/.test(value.a) && value.a === "x"',
    'value.__proto__ === "x"',
    'value.constructor === "x"',
    'value["prototype"] === "x"',
    'foo.a === "x"',
    'offset === "x"',
    'value[0] === "x"',
    'value.a === "x" && -value.b < 3',
    'value.a === "x" && typeof value.b === "string"',
    'value.a === "x" && "b" in value',
    'value.a === "x" && new Date() > 0',
    'value.a >>> "x"',
    'value.a === "x" &&= value.b',
    'value.a === "a\\"b"',
    'value.a === "x" && headers === "y"',
    'value.a === "x" && value.b === undefined',
    '(value.a === "x"',
    'value.a === "x")',
    'value.a === "x") || (true',
    "value.a === 'x' && value.b === 1e3",
    "",
  ])("gives up on %s", (source) => {
    expect(requiredTexts(source)).toBeNull();
  });

  it("gives up on parentheses nested too deep for the stack", () => {
    const nested = `${"(".repeat(100_000)}value.a === "x"${")".repeat(100_000)}`;
    expect(requiredTexts(nested)).toBeNull();
  });
});

// Soundness: whenever plain JavaScript says an accepted expression matches, every needle is in the
// message's text. `==` on an array (["a","b"] == "a,b") shows why only `===` may give needles.
describe("requiredTexts is sound", () => {
  const texts = ["x", "a,b", "1", "é", "needle-0001", "true"];
  const values: unknown[] = [
    { a: "x", b: ["a", "b"], n: 1, c: { d: "needle-0001" } },
    { a: "é", b: "a,b", n: "1", c: { d: true } },
    { a: ["x"], b: null, n: 2, c: "true" },
    "needle-0001",
    ["x", "1"],
    null,
  ];
  const chains = ["value", "value.a", "value.b", "value?.n", 'value["c"]?.d', "key", "headers.h"];
  // `===` and `==` twice as often: they give (or would wrongly give) needles.
  const operators = ["===", "===", "==", "==", "!==", "!=", "<", ">="];

  // mulberry32: a seeded generator, so a failure repeats.
  function randomGenerator(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let mixed = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
      return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
    };
  }

  // A filter that throws does not match (the sandbox's runner records an error instead).
  function matchesWithoutThrowing(filter: () => unknown) {
    try {
      return Boolean(filter());
    } catch {
      return false;
    }
  }

  it("holds for generated expressions and messages", () => {
    const random = randomGenerator(7);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const operand = () =>
      random() < 0.6
        ? pick(chains)
        : random() < 0.8
          ? JSON.stringify(pick(texts))
          : pick(["1", "true", "null"]);
    let checkedMatches = 0;
    for (let round = 0; round < 20_000; round++) {
      const conjuncts = Array.from(
        { length: 1 + Math.floor(random() * 3) },
        () => `${operand()} ${pick(operators)} ${operand()}`,
      );
      const expression = conjuncts.join(" && ");
      const needles = requiredTexts(expression);
      if (!needles) continue;
      const filter = new Function("key", "value", "headers", `"use strict"; return (${expression});`);
      for (const value of values) {
        const key = pick([null, ...texts]);
        const headers = { h: pick(texts) };
        if (!matchesWithoutThrowing(() => filter(key, value, headers))) continue;
        // The value's bytes: its JSON text, or the text itself when it is not JSON.
        const valueText = typeof value === "string" ? value : JSON.stringify(value);
        const messageText = [valueText, key ?? "", headers.h].join("\n");
        for (const needle of needles) expect(messageText, expression).toContain(needle);
        checkedMatches++;
      }
    }
    // The property means something only if many matches carried needles.
    expect(checkedMatches).toBeGreaterThan(100);
  });
});
