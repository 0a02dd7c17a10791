import { describe, expect, it } from "vitest";
import { messageQuerySchema, type MessageQueryInput } from "@/lib/schemas/messages";
import { createMessageMatcher, type FilterableRecord } from "./matcher";

const query = (input: MessageQueryInput) => messageQuerySchema.parse(input);

function record(value: unknown, options: Partial<FilterableRecord> = {}): FilterableRecord {
  return {
    partition: 0,
    offset: 0n,
    timestamp: 1_700_000_000_000,
    key: null,
    value: value === null ? null : Buffer.from(typeof value === "string" ? value : JSON.stringify(value)),
    headers: [],
    ...options,
  };
}

async function matcherFor(input: MessageQueryInput) {
  const created = await createMessageMatcher(query(input));
  if (!created.ok) throw new Error(created.error.message);
  return created.matcher;
}

describe("createMessageMatcher", () => {
  it("is inactive without filters and matches everything", async () => {
    const matcher = await matcherFor({});
    expect(matcher.active).toBe(false);
    expect((await matcher.match([record(1), record(null)])).matches).toEqual([true, true]);
  });

  it("applies structured filters and the expression together", async () => {
    const matcher = await matcherFor({
      header: "content_type",
      js: 'value.temp > 30 && headers["content_type"] === "application/json" && key === "d1"',
    });
    const headers: FilterableRecord["headers"] = [
      [Buffer.from("content_type"), Buffer.from("application/json")],
    ];
    const result = await matcher.match([
      record({ temp: 31 }, { headers, key: Buffer.from("d1") }),
      record({ temp: 29 }, { headers, key: Buffer.from("d1") }),
      record({ temp: 31 }, { key: Buffer.from("d1") }),
      record({ temp: 31 }, { headers, key: Buffer.from("d2") }),
    ]);
    expect(result).toEqual({ matches: [true, false, false, false], failures: [] });
    matcher.dispose();
  });

  it("does not hand the sandbox records without the text an `===` requires (or a backslash)", async () => {
    // `value.a.b` throws where `a` is missing: only records that reach the sandbox can fail.
    const matcher = await matcherFor({ js: 'value.a.b === "dev-7"' });
    const result = await matcher.match([
      record({ other: "dev-1" }),
      record({ other: "dev-7" }),
      record('{"a":{"b":"dev\\u002d7"}}'),
      record({ c: 1 }, { headers: [[Buffer.from("h"), Buffer.from("dev-7")]] }),
    ]);
    expect(result.matches).toEqual([false, false, true, false]);
    expect(result.failures.map((failure) => failure.kind)).toEqual(["exception", "exception"]);
    expect(
      matcher.requirements.map(({ of, anyOf }) => [of, anyOf.map((bytes) => Buffer.from(bytes).toString())]),
    ).toEqual([["value", ["dev-7", "\\"]]]);
    matcher.dispose();
  });

  it("gives the expression text, null and metadata when the value is not JSON", async () => {
    const matcher = await matcherFor({
      js: '(value === null || value.startsWith("plain")) && offset === "7" && partition === 2 && timestamp === 5',
    });
    const meta = { partition: 2, offset: 7n, timestamp: 5 };
    expect(
      (await matcher.match([record("plain text", meta), record(null, meta), record("other", meta)])).matches,
    ).toEqual([true, true, false]);
    matcher.dispose();
  });

  it("sees the same answers when only the properties it reads are loaded", async () => {
    const matcher = await matcherFor({
      js: 'value.a === 1 && value["b c"] === undefined && value.n.deep[1] === 2',
    });
    const result = await matcher.match([
      record({ a: 1, n: { deep: [1, 2] }, other: "x".repeat(1000) }),
      record({ a: 1, "b c": 0, n: { deep: [1, 2] } }),
      record([1, 2]),
      record('{"a": 1, "__proto__": {"n": {"deep": [0, 2]}}}'),
    ]);
    expect(result.matches).toEqual([true, false, false, false]);
    // The last one: a "__proto__" member is data, never the prototype, so `value.n` is undefined.
    expect(result.failures.map((failure) => failure.offset)).toEqual(["0"]);
    matcher.dispose();
  });

  it("gives headers by name (the last of repeated ones) and invalid UTF-8 as U+FFFD", async () => {
    const matcher = await matcherFor({
      js: 'headers.trace === "b" && headers.empty === null && value === "\\ufffdok" && key === null',
    });
    const headers: FilterableRecord["headers"] = [
      [Buffer.from("trace"), Buffer.from("a")],
      [Buffer.from("trace"), Buffer.from("b")],
      [Buffer.from("empty"), null],
    ];
    const binary = Buffer.concat([Buffer.from([0xff]), Buffer.from("ok")]);
    expect((await matcher.match([{ ...record(null, { headers }), value: binary }])).matches).toEqual([true]);
    matcher.dispose();
  });

  it("decodes each value on its own bytes: multi-byte text, a leading BOM, an empty value", async () => {
    const matcher = await matcherFor({
      js: '(value && value.city === "Zürich ☃") || value === "\\ufeff{}" || (value === "" && key === "é")',
    });
    const result = await matcher.match([
      record({ city: "Zürich ☃", pad: "ü".repeat(100) }, { key: Buffer.from("ü☃") }),
      record("\ufeff{}"),
      record("", { key: Buffer.from("é") }),
      record({ city: "Zurich" }),
    ]);
    expect(result).toEqual({ matches: [true, true, true, false], failures: [] });
    matcher.dispose();
  });

  it("evaluates every record of a batch larger than a worker task takes", async () => {
    const matcher = await matcherFor({ js: 'value.n % 1000 === 0 && JSON.stringify(value).includes("x")' });
    const records = Array.from({ length: 3_000 }, (_, n) => record({ n, pad: "x".repeat(1_200) }));
    const result = await matcher.match(records);
    expect(result.failures).toEqual([]);
    expect(result.matches.flatMap((match, n) => (match ? [n] : []))).toEqual([0, 1000, 2000]);
    matcher.dispose();
  });

  it("gives an array value whole", async () => {
    const matcher = await matcherFor({ js: "value.length === 2 && value[1] === 2" });
    expect((await matcher.match([record([1, 2]), record({ length: 2 })])).matches).toEqual([true, false]);
    matcher.dispose();
  });

  it("runs regular expressions in linear time, and rejects those that cannot be", async () => {
    const matcher = await matcherFor({
      value: "(a+)+$",
      valueMode: "regex",
      key: "(?i)^DEV",
      keyMode: "regex",
    });
    const started = Date.now();
    const result = await matcher.match([record("a".repeat(5_000) + "!", { key: Buffer.from("device") })]);
    expect(result.matches).toEqual([false]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await matcher.match([record("aaa", { key: Buffer.from("Device") })])).matches).toEqual([true]);
    for (const value of ["(a)\\1", "a(?=b)", "(a{1,30})+$"]) {
      const created = await createMessageMatcher(query({ value, valueMode: "regex" }));
      expect(created).toMatchObject({
        ok: false,
        error: { field: "value", message: expect.stringMatching(/exponential/) },
      });
    }
  });

  it("reports a syntax error with its line, column and position", async () => {
    const created = await createMessageMatcher(query({ js: "value.temp >\n  && x" }));
    expect(created.ok).toBe(false);
    if (created.ok) return;
    expect(created.error).toMatchObject({ field: "js", line: 2, column: 3, position: 15 });
    expect(created.error.message).toMatch(/SyntaxError/);
  });

  it("reports structured syntax errors before starting the sandbox", async () => {
    const created = await createMessageMatcher(query({ jsonPath: "$.temp 30", js: "true" }));
    expect(created).toMatchObject({ ok: false, error: { field: "jsonPath", position: 7 } });
  });

  it("reports an expression that throws with the message's offset and goes on", async () => {
    const matcher = await matcherFor({ js: "value.a.b === 1" });
    const result = await matcher.match([
      record({ a: { b: 1 } }, { offset: 10n }),
      record({}, { partition: 3, offset: 11n }),
      record({ a: { b: 1 } }, { offset: 12n }),
    ]);
    expect(result.matches).toEqual([true, false, true]);
    expect(result.failures).toEqual([
      { partition: 3, offset: "11", kind: "exception", message: expect.stringMatching(/TypeError/) },
    ]);
    expect(result.fatal).toBeUndefined();
    matcher.dispose();
  });

  it("stops an endless loop at the record that ran it and reports a timeout", async () => {
    const matcher = await matcherFor({ js: "value.spin ? (() => { while (true) {} })() : true" });
    const started = Date.now();
    const result = await matcher.match([record({}), record({ spin: true }, { offset: 41n }), record({})]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.matches).toEqual([true]);
    expect(result.fatal).toMatchObject({ offset: "41", kind: "timeout" });
    // The sandbox is gone; a later batch fails at once instead of running again.
    expect((await matcher.match([record({})])).fatal).toBeDefined();
    matcher.dispose();
  });

  it("stops an allocation loop and reports it as memory", async () => {
    const matcher = await matcherFor({
      js: "(() => { let a = []; while (true) a.push(new Array(1e6)); })()",
    });
    const result = await matcher.match([record({}, { offset: 5n })]);
    expect(result.matches).toEqual([]);
    expect(result.fatal).toMatchObject({ offset: "5", kind: "memory" });
    matcher.dispose();
  });

  it("counts deep recursion as an exception, not a crash", async () => {
    const matcher = await matcherFor({ js: "(function f(n) { return f(n + 1) + 1; })(0)" });
    const result = await matcher.match([record({})]);
    expect(result.failures[0]?.message).toMatch(/stack overflow/);
    matcher.dispose();
  });

  it("loads a value nested too deeply for the sandbox as a failure of that message only", async () => {
    const matcher = await matcherFor({ js: "value !== null" });
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const result = await matcher.match([record({ a: 1 }), record(deep, { offset: 9n }), record({ b: 2 })]);
    expect(result.matches).toEqual([true, false, true]);
    expect(result.failures).toMatchObject([{ offset: "9", kind: "exception" }]);
    matcher.dispose();
  });

  it.each([
    'this.constructor.constructor("return process")()',
    'typeof globalThis.require === "function" || typeof process !== "undefined" || typeof fetch !== "undefined"',
    'typeof setTimeout !== "undefined" || typeof tick !== "undefined" || typeof globalThis.tick !== "undefined"',
    '(() => { const p = (0, eval)("this"); return typeof p.process !== "undefined"; })()',
    "Function(\"return typeof process !== 'undefined' || typeof require !== 'undefined'\")()",
  ])("reaches nothing of Node: %s", async (js) => {
    const matcher = await matcherFor({ js });
    const result = await matcher.match([record({})]);
    expect(result.matches.every((match) => match === false)).toBe(true);
    matcher.dispose();
  });

  it("runs a dynamic import to nothing", async () => {
    const matcher = await matcherFor({ js: 'import("node:fs")' });
    const result = await matcher.match([record({})]);
    // A pending promise is truthy; no module was loaded and nothing ran.
    expect(result.fatal).toBeUndefined();
    matcher.dispose();
  });
});
