import { describe, expect, it } from "vitest";
import type { AuditEvent } from "@/lib/server/store/types";
import { csvEvent, csvField, csvHeader, exportFileName, isExportFormat, ndjsonEvent } from "./export-format";

const event: AuditEvent = {
  id: 7,
  at: "2025-01-31T14:30:00.000Z",
  actor: "anonymous",
  action: "auth.sign-in",
  target: '=HYPERLINK("http://evil","x")',
  outcome: "failure",
  clientAddress: "127.0.0.1",
  requestId: "5f0c6a8e-1111-4222-8333-444455556666",
  details: { reason: "bad password", attempt: 3 },
  count: 1,
  firstAt: null,
  lastAt: null,
};

describe("csvField", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvField("user:alice")).toBe("user:alice");
    expect(csvField(42)).toBe("42");
    expect(csvField(null)).toBe("");
  });

  it("quotes separators, quotes and line breaks", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rlf")).toBe('"cr\rlf"');
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t"]) {
      expect(csvField(`${start}1+1`)).toBe(`'${start}1+1`);
    }
    expect(csvField("\r1+1")).toBe(`"'\r1+1"`);
    expect(csvField('=cmd|" /C calc"!A0')).toBe(`"'=cmd|"" /C calc""!A0"`);
  });

  it("keeps formula characters that are not at the start", () => {
    expect(csvField("a=b")).toBe("a=b");
  });
});

describe("csvEvent", () => {
  it("writes one CRLF-terminated row per event, in the header's order", () => {
    expect(csvHeader()).toBe(
      "id,at,actor,action,target,outcome,clientAddress,requestId,details,count,firstAt,lastAt\r\n",
    );
    expect(csvEvent(event)).toBe(
      '7,2025-01-31T14:30:00.000Z,anonymous,auth.sign-in,"\'=HYPERLINK(""http://evil"",""x"")",failure,127.0.0.1,' +
        '5f0c6a8e-1111-4222-8333-444455556666,"{""reason"":""bad password"",""attempt"":3}",1,,\r\n',
    );
  });

  it("leaves empty details and missing values empty", () => {
    const row = csvEvent({ ...event, target: null, clientAddress: null, details: {}, actor: "system" });
    expect(row.endsWith(",,failure,,5f0c6a8e-1111-4222-8333-444455556666,,1,,\r\n")).toBe(true);
  });

  it("carries a summary's count and period, so the counts add up to every refusal", () => {
    const summary = {
      ...event,
      count: 999,
      firstAt: "2025-01-31T14:30:01.000Z",
      lastAt: "2025-01-31T14:30:59.000Z",
    };
    expect(csvEvent(summary).endsWith(",999,2025-01-31T14:30:01.000Z,2025-01-31T14:30:59.000Z\r\n")).toBe(
      true,
    );
    expect(JSON.parse(ndjsonEvent(summary))).toMatchObject({ count: 999, firstAt: summary.firstAt });
  });
});

describe("ndjsonEvent", () => {
  it("keeps each event on one line, even with line breaks in its values", () => {
    const line = ndjsonEvent({ ...event, target: "a\nb" });
    expect(line.split("\n")).toHaveLength(2);
    expect(JSON.parse(line)).toEqual({ ...event, target: "a\nb" });
  });
});

describe("export names", () => {
  it("knows its formats", () => {
    expect(isExportFormat("csv")).toBe(true);
    expect(isExportFormat("ndjson")).toBe(true);
    expect(isExportFormat("toString")).toBe(false);
    expect(isExportFormat(null)).toBe(false);
  });

  it("names files by UTC time", () => {
    expect(exportFileName("csv", new Date("2025-01-31T14:30:05.123Z"))).toBe("audit-20250131T143005Z.csv");
  });
});
