// Audit export formats. NDJSON for tools (one event per line, exactly as stored); CSV for people with a
// spreadsheet, which is where formula injection bites: an actor or target an attacker chose, such as
// a failed sign-in's user name, must never become a live formula.
import type { AuditEvent } from "@/lib/server/store/types";

export const EXPORT_FORMATS = {
  ndjson: { contentType: "application/x-ndjson; charset=utf-8", extension: "ndjson" },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: string | null): value is ExportFormat {
  return value !== null && Object.hasOwn(EXPORT_FORMATS, value);
}

export const CSV_COLUMNS = [
  "id",
  "at",
  "actor",
  "action",
  "target",
  "outcome",
  "clientAddress",
  "requestId",
  "details",
  // Appended after the first release's columns, so scripts that read columns by position keep working.
  "count",
  "firstAt",
  "lastAt",
] as const;

/** Characters that make Excel, LibreOffice or Sheets read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field per RFC 4180, with a leading apostrophe so no text cell is taken for a formula. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

export function csvHeader(): string {
  return csvRow(CSV_COLUMNS);
}

export function csvEvent(event: AuditEvent): string {
  const details = Object.keys(event.details).length > 0 ? JSON.stringify(event.details) : "";
  return csvRow([
    event.id,
    event.at,
    event.actor,
    event.action,
    event.target,
    event.outcome,
    event.clientAddress,
    event.requestId,
    details,
    event.count,
    event.firstAt,
    event.lastAt,
  ]);
}

export function ndjsonEvent(event: AuditEvent): string {
  // JSON.stringify escapes line breaks inside strings, so each event stays on one line.
  return `${JSON.stringify(event)}\n`;
}

/** `audit-20250131T143000Z.csv`: sortable, and free of characters a file system might refuse. */
export function exportFileName(format: ExportFormat, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(/[-:]/g, "");
  return `audit-${stamp}.${EXPORT_FORMATS[format].extension}`;
}
