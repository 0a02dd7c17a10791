// Small display formatters shared by the table and the drawer.
import { previewPayload } from "@/lib/messages/decode";
import type { WireHeader } from "@/lib/messages/events";

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** `2026-11-21 16:40:05.123` in the browser's time zone (results only render in the browser). */
export function formatTimestamp(epochMs: number): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return String(epochMs);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

const headerPreviews = new WeakMap<readonly WireHeader[], string>();

/** `name=value, …` on one line; cached per record's header list. */
export function headersPreview(headers: readonly WireHeader[]): string {
  const maxChars = 120;
  const cached = headerPreviews.get(headers);
  if (cached !== undefined) return cached;
  const text = headers
    .map(
      (header) =>
        `${header.name}=${header.value === null ? "null" : previewPayload(header.value, "auto", 60)}`,
    )
    .join(", ");
  const preview = text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
  headerPreviews.set(headers, preview);
  return preview;
}
