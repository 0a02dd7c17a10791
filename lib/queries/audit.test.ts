import { describe, expect, it } from "vitest";
import { auditSearchString, hasAuditFilters, parseAuditFilters } from "./audit";

describe("parseAuditFilters", () => {
  it("turns the form's fields into a store query", () => {
    const { filters, query, problems } = parseAuditFilters(
      new URLSearchParams(
        "actor=user:alice&action=auth.&target=bob&outcome=denied&from=2025-01-31T14:30&to=2025-02-01T08:00&before=120",
      ),
    );
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      actor: "user:alice",
      action: "auth.",
      target: "bob",
      outcome: "denied",
      from: "2025-01-31T14:30",
      to: "2025-02-01T08:00",
    });
    expect(query).toEqual({
      actor: "user:alice",
      action: "auth.",
      target: "bob",
      outcome: "denied",
      since: "2025-01-31T14:30:00.000Z",
      until: "2025-02-01T08:01:00.000Z",
      before: 120,
    });
  });

  it("leaves empty and missing fields out of the query", () => {
    const { filters, query, problems } = parseAuditFilters({ actor: "  ", outcome: "" });
    expect(query).toEqual({});
    expect(problems).toEqual([]);
    expect(hasAuditFilters(filters)).toBe(false);
  });

  it("takes the first of repeated parameters and trims them", () => {
    const { query } = parseAuditFilters({ actor: [" user:bob ", "user:eve"] });
    expect(query.actor).toBe("user:bob");
  });

  it("ends the range after the whole minute, or second, given (until is exclusive)", () => {
    expect(parseAuditFilters({ to: "2025-02-01T08:00" }).query.until).toBe("2025-02-01T08:01:00.000Z");
    expect(parseAuditFilters({ to: "2025-02-01T08:00:30" }).query.until).toBe("2025-02-01T08:00:31.000Z");
    expect(parseAuditFilters({ from: "2025-02-01T08:00:30" }).query.since).toBe("2025-02-01T08:00:30.000Z");
  });

  it("ignores and reports values it cannot use", () => {
    const { filters, query, problems } = parseAuditFilters({
      outcome: "maybe",
      from: "yesterday",
      to: "2025-13-45T99:99",
      before: "-3",
    });
    expect(query).toEqual({});
    expect(filters.outcome).toBe("");
    expect(filters.from).toBe("");
    expect(problems).toHaveLength(4);
  });

  it("warns about a range that ends before it starts", () => {
    const { problems } = parseAuditFilters({ from: "2025-02-01T08:00", to: "2025-01-01T08:00" });
    expect(problems).toEqual(["The start of the time range is after its end, so nothing can match."]);
  });

  it("caps very long values", () => {
    const { query } = parseAuditFilters({ target: "x".repeat(5000) });
    expect(query.target).toHaveLength(200);
  });
});

describe("auditSearchString", () => {
  it("round-trips the filters and adds paging", () => {
    const { filters } = parseAuditFilters({ actor: "user:alice & co", outcome: "failure" });
    const search = auditSearchString(filters, { before: 42 });
    expect(search).toBe("?actor=user%3Aalice+%26+co&outcome=failure&before=42");
    expect(parseAuditFilters(new URLSearchParams(search)).query).toEqual({
      actor: "user:alice & co",
      outcome: "failure",
      before: 42,
    });
  });

  it("is empty without filters", () => {
    expect(auditSearchString(parseAuditFilters({}).filters)).toBe("");
  });
});
