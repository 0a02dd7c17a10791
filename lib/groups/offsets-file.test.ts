import { describe, expect, it } from "vitest";

import { groupResetSchema, parseIsoDuration, parseResetDateTime } from "@/lib/schemas/group-reset";

import { offsetsToCsv, offsetsToJson, parseOffsetsFile } from "./offsets-file";

const exported = {
  cluster: "local",
  group: "readers",
  exportedAt: "2026-12-04T10:00:00.000Z",
  offsets: [
    { topic: "orders", partition: 0, offset: "5" },
    { topic: "orders", partition: 1, offset: "0" },
  ],
};
const rows = [
  { topic: "orders", partition: 0, offset: 5n },
  { topic: "orders", partition: 1, offset: 0n },
];

describe("offsets files", () => {
  it("reads back what it exports, as CSV and as JSON", () => {
    expect(offsetsToCsv(exported.offsets)).toBe("topic,partition,offset\norders,0,5\norders,1,0\n");
    expect(parseOffsetsFile(offsetsToCsv(exported.offsets))).toEqual({ ok: true, offsets: rows });
    expect(parseOffsetsFile(offsetsToJson(exported))).toEqual({ ok: true, offsets: rows });
  });

  it("reads Kafka's own export (no header, CRLF) and a bare JSON array", () => {
    expect(parseOffsetsFile("orders,0,5\r\norders,1,0\r\n")).toEqual({ ok: true, offsets: rows });
    expect(parseOffsetsFile('[{"topic":"orders","partition":0,"offset":"5"}]')).toEqual({
      ok: true,
      offsets: [rows[0]],
    });
  });

  it("says what is wrong and where", () => {
    expect(parseOffsetsFile("")).toEqual({ ok: false, error: "The file is empty." });
    expect(parseOffsetsFile("orders,0")).toEqual({
      ok: false,
      error: "Line 1 has 2 fields; each line is topic,partition,offset.",
    });
    expect(parseOffsetsFile("orders,0,-3")).toEqual({
      ok: false,
      error: "An offset is a whole number ≥ 0 in row 1.",
    });
    expect(parseOffsetsFile("orders,0,1\norders,0,2")).toEqual({
      ok: false,
      error: "orders partition 0 is given twice in row 2.",
    });
    expect(parseOffsetsFile("{ nope")).toMatchObject({
      ok: false,
      error: expect.stringContaining("not valid JSON"),
    });
    expect(parseOffsetsFile('{"group":"x"}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('"offsets"'),
    });
  });
});

describe("reset requests", () => {
  it("parses ISO 8601 durations and refuses months, years and empty ones", () => {
    expect(parseIsoDuration("PT30M")).toBe(1_800_000);
    expect(parseIsoDuration("P1DT12H")).toBe(129_600_000);
    expect(parseIsoDuration("pt0.5s")).toBe(500);
    for (const bad of ["P", "PT", "P1M", "P1Y", "30m", "P1DT"]) expect(parseIsoDuration(bad)).toBeNull();
  });

  it("reads a date-time without a zone as UTC", () => {
    expect(parseResetDateTime("2026-12-04T09:30")).toBe(Date.UTC(2026, 11, 4, 9, 30));
    expect(parseResetDateTime("2026-12-04T09:30+01:00")).toBe(Date.UTC(2026, 11, 4, 8, 30));
    expect(parseResetDateTime("yesterday")).toBeNull();
  });

  it("asks for each mode's own input, and a topic for chosen partitions", () => {
    const fields = (input: unknown) => {
      const parsed = groupResetSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."));
    };
    expect(fields({ mode: "offset" })).toEqual(["offset"]);
    expect(fields({ mode: "shift", shift: "0" })).toEqual(["shift"]);
    expect(fields({ mode: "duration", duration: "P1M" })).toEqual(["duration"]);
    expect(fields({ mode: "group" })).toEqual(["fromGroup"]);
    expect(fields({ mode: "earliest", partitions: "0,1" })).toEqual(["topic"]);
    expect(
      groupResetSchema.parse({ mode: "shift", shift: "-5", topic: "orders", partitions: "2, 0,2" }),
    ).toMatchObject({
      shift: -5n,
      partitions: [0, 2],
    });
  });
});
