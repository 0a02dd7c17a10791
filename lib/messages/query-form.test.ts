import { describe, expect, it } from "vitest";
import { encodeMessageQuery, messageQuerySchema } from "@/lib/schemas/messages";
import {
  checkQueryForm,
  DEFAULT_FORM_VALUES,
  formValuesFromQuery,
  hasQueryParams,
  searchParamsWithQuery,
  syntaxCaret,
} from "./query-form";

describe("checkQueryForm", () => {
  it("accepts the defaults as newest 50", () => {
    const check = checkQueryForm(DEFAULT_FORM_VALUES);
    expect(check).toMatchObject({ ok: true, query: { start: "newest" } });
  });

  it("reports schema errors per field", () => {
    const check = checkQueryForm({ ...DEFAULT_FORM_VALUES, start: "offset", max: "200000" });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(["max", "offset"]);
  });

  it("ignores an offset left over from another start position", () => {
    const check = checkQueryForm({ ...DEFAULT_FORM_VALUES, start: "tail", offset: "abc" });
    expect(check).toMatchObject({ ok: true, query: { start: "tail" } });
    if (check.ok) expect(check.query.offset).toBeUndefined();
  });

  it("adds the filters' syntax errors at their fields", () => {
    const check = checkQueryForm({ ...DEFAULT_FORM_VALUES, jsonPath: "$.a ==" }, () => [
      { field: "jsonPath", message: "A value is missing", position: 6 },
    ]);
    expect(check).toMatchObject({ ok: false, errors: { jsonPath: ["A value is missing"] } });
  });
});

describe("form values and the URL", () => {
  it("round-trips a query through the form", () => {
    const query = messageQuerySchema.parse({
      start: "timestamp",
      timestamp: "1763743205000",
      partition: "3",
      header: "trace",
      headerValue: "x",
      js: "value.temp > 30",
    });
    const check = checkQueryForm(formValuesFromQuery(query));
    expect(check).toMatchObject({ ok: true, query });
  });

  it("replaces only the query's parameters", () => {
    const current = new URLSearchParams("tab=messages&start=tail&key=a");
    const next = searchParamsWithQuery(current, encodeMessageQuery(messageQuerySchema.parse({ max: "10" })));
    expect(next.toString()).toBe("tab=messages&max=10");
    expect(hasQueryParams(next)).toBe(true);
    expect(hasQueryParams(new URLSearchParams("tab=messages"))).toBe(false);
  });
});

describe("syntaxCaret", () => {
  it("finds the column from a position in one line or a line and column", () => {
    expect(syntaxCaret("$.a == ", { field: "jsonPath", message: "", position: 7 })).toEqual({
      line: "$.a == ",
      column: 7,
    });
    expect(syntaxCaret("a &&\nb ||", { field: "js", message: "", line: 2, column: 3 })).toEqual({
      line: "b ||",
      column: 2,
    });
    expect(syntaxCaret("a\nbc", { field: "js", message: "", position: 3 })).toEqual({
      line: "bc",
      column: 1,
    });
  });

  it("is null without a position", () => {
    expect(syntaxCaret("x", { field: "key", message: "bad" })).toBeNull();
  });
});
