// The rows the table shows: in display order, narrowed by the quick search. Pure.
import type { StartPosition } from "@/lib/schemas/messages";
import { searchableText } from "./decode";
import type { WireRecord } from "./events";
import { shownKey, shownValue } from "./schema-value";

export function recordId(record: Pick<WireRecord, "partition" | "offset">): string {
  return `${record.partition}:${record.offset}`;
}

const compareOffsets = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Newest-N results show the latest first (timestamp, then partition and offset, descending); a
 * live tail shows the latest arrival first; other searches keep the order they were read in.
 */
export function orderRecords(records: readonly WireRecord[], start: StartPosition): readonly WireRecord[] {
  if (start === "tail") return records.toReversed();
  if (start !== "newest") return records;
  return records.toSorted(
    (a, b) => b.timestamp - a.timestamp || b.partition - a.partition || compareOffsets(b.offset, a.offset),
  );
}

const haystacks = new WeakMap<WireRecord, string>();

/** Key, value, header names and values, lower-cased once per record. */
function haystackOf(record: WireRecord): string {
  let text = haystacks.get(record);
  if (text === undefined) {
    text = [
      searchableText(shownKey(record)),
      searchableText(shownValue(record)),
      ...record.headers.flatMap((header) => [header.name, searchableText(header.value)]),
    ]
      .join("\u0000")
      .toLowerCase();
    haystacks.set(record, text);
  }
  return text;
}

/** Case-insensitive substring match over key, value and header text; blank matches everything. */
export function quickSearch(records: readonly WireRecord[], search: string): readonly WireRecord[] {
  const needle = search.trim().toLowerCase();
  if (needle === "") return records;
  return records.filter((record) => haystackOf(record).includes(needle));
}
