import { describe, expect, it } from "vitest";
import { messageQuerySchema, type MessageQueryInput } from "@/lib/schemas/messages";
import { validateMessageFilters } from "./index";
import { compileStructuredFilter, portableByteTools, RecordView, type BytesRecord } from "./structured";

const bytes = (text: string) => new TextEncoder().encode(text);

function record(options: Partial<BytesRecord> & { valueText?: string } = {}): BytesRecord {
  const { valueText, ...rest } = options;
  return {
    timestamp: 1_000,
    key: bytes("device-1"),
    value: bytes(valueText ?? '{"temp":31}'),
    headers: [],
    ...rest,
  };
}

function test(input: MessageQueryInput, target: BytesRecord): boolean {
  const compiled = compileStructuredFilter(messageQuerySchema.parse(input));
  if (!compiled.ok) throw new Error(compiled.errors[0]?.message);
  return compiled.filter.test(new RecordView(target, portableByteTools));
}

describe("compileStructuredFilter", () => {
  it("is inactive without filters", () => {
    const compiled = compileStructuredFilter(messageQuerySchema.parse({ max: "10" }));
    expect(compiled.ok && compiled.filter.active).toBe(false);
  });

  it.each<[MessageQueryInput, boolean]>([
    [{ key: "device-1" }, true],
    [{ key: "device" }, false],
    [{ key: "vice", keyMode: "contains" }, true],
    [{ key: "^dev.*1$", keyMode: "regex" }, true],
    [{ key: "(?i)^DEVICE", keyMode: "regex" }, true],
    [{ key: "^DEVICE", keyMode: "regex" }, false],
    [{ value: '"temp":31' }, true],
    [{ value: '"temp":32' }, false],
    [{ value: "temp.:3\\d", valueMode: "regex" }, true],
    [{ jsonPath: "$.temp > 30" }, true],
    [{ jsonPath: "$.temp > 31" }, false],
    [{ from: "1000", to: "1000" }, true],
    [{ from: "1001" }, false],
    [{ to: "999" }, false],
    [{ key: "device-1", jsonPath: "$.temp < 0" }, false],
  ])("%o → %s", (input, expected) => {
    expect(test(input, record())).toBe(expected);
  });

  it("matches a header by name, and by its exact UTF-8 value", () => {
    const target = record({
      headers: [
        [bytes("content_type"), bytes("application/json")],
        [bytes("empty"), null],
      ],
    });
    expect(test({ header: "content_type" }, target)).toBe(true);
    expect(test({ header: "content_type", headerValue: "application/json" }, target)).toBe(true);
    expect(test({ header: "content_type", headerValue: "application" }, target)).toBe(false);
    expect(test({ header: "empty" }, target)).toBe(true);
    expect(test({ header: "empty", headerValue: "x" }, target)).toBe(false);
    expect(test({ header: "missing" }, target)).toBe(false);
  });

  it("never matches a null key or value, and a value that is not JSON never matches a path", () => {
    const empty = record({ key: null, value: null });
    expect(test({ key: "x", keyMode: "contains" }, empty)).toBe(false);
    expect(test({ value: "x" }, empty)).toBe(false);
    expect(test({ jsonPath: "$.a == null" }, record({ valueText: "not json" }))).toBe(false);
    expect(test({ jsonPath: "$ == null" }, empty)).toBe(false);
  });

  it("finds a string written with escapes despite the byte pre-check", () => {
    const escaped = record({ valueText: '{"id":"\\u0034412abe2"}' });
    expect(test({ jsonPath: '$.id == "4412abe2"' }, escaped)).toBe(true);
    expect(test({ jsonPath: '$.id == "4412abe2"' }, record({ valueText: '{"id":"other"}' }))).toBe(false);
  });

  it("decodes a record's value once for several text filters", () => {
    let decodes = 0;
    const tools = {
      ...portableByteTools,
      decodeUtf8: (input: Uint8Array) => (decodes++, portableByteTools.decodeUtf8(input)),
    };
    const compiled = compileStructuredFilter(
      messageQuerySchema.parse({ value: "temp", valueMode: "regex", jsonPath: "$.temp == 31" }),
      tools,
    );
    expect(compiled.ok && compiled.filter.test(new RecordView(record(), tools))).toBe(true);
    expect(decodes).toBe(1);
  });

  it("searches bytes with the portable search like Buffer#indexOf", () => {
    const haystack = bytes("aaab, aab");
    expect(portableByteTools.indexOf(haystack, bytes("aab"))).toBe(1);
    expect(portableByteTools.indexOf(haystack, bytes("ab,"))).toBe(2);
    expect(portableByteTools.indexOf(haystack, bytes("abc"))).toBe(-1);
    expect(portableByteTools.indexOf(bytes("a"), bytes("aa"))).toBe(-1);
  });
});

describe("validateMessageFilters", () => {
  it("reports every invalid regex and JSON path with its field", () => {
    const errors = validateMessageFilters(
      messageQuerySchema.parse({
        key: "(",
        keyMode: "regex",
        value: "[",
        valueMode: "regex",
        jsonPath: "$.a ==",
      }),
    );
    expect(errors).toEqual([
      { field: "key", message: expect.stringMatching(/Invalid regular expression/) },
      { field: "value", message: expect.stringMatching(/Invalid regular expression/) },
      { field: "jsonPath", message: expect.stringMatching(/Expected a string/), position: 6 },
    ]);
  });

  it("accepts valid filters, and ignores JavaScript", () => {
    expect(
      validateMessageFilters(messageQuerySchema.parse({ key: "a+", keyMode: "regex", js: "((" })),
    ).toEqual([]);
  });
});
