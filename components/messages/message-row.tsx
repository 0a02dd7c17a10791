"use client";

import { memo, type KeyboardEvent } from "react";
import { formatBytes, previewPayload, type DecodeMode } from "@/lib/messages/decode";
import type { WireRecord } from "@/lib/messages/events";
import { shownKey, shownValue } from "@/lib/messages/schema-value";
import { cn } from "@/components/ui/cn";
import type { MessageColumn } from "./columns";
import { formatTimestamp, headersPreview } from "./format";

export const ROW_HEIGHT = 33;

interface MessageRowProps {
  record: WireRecord;
  index: number;
  columns: readonly MessageColumn[];
  keyMode: DecodeMode;
  valueMode: DecodeMode;
  selected: boolean;
  /** The one row Tab stops at (roving tabindex); the arrows move between rows. */
  tabbable: boolean;
  onFocusRow: (index: number) => void;
  onOpen: (index: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>, index: number) => void;
}

const nullText = <span className="text-zinc-400">null</span>;

function cell(record: WireRecord, column: MessageColumn, keyMode: DecodeMode, valueMode: DecodeMode) {
  switch (column) {
    case "timestamp":
      return formatTimestamp(record.timestamp);
    case "partition":
      return record.partition;
    case "offset":
      return record.offset;
    case "key": {
      const key = shownKey(record);
      return key === null ? nullText : previewPayload(key, keyMode, 80);
    }
    case "value": {
      const value = shownValue(record);
      if (value === null) return nullText;
      const preview = previewPayload(value, valueMode, 240);
      // Framed for a registry but not decoded: the reason first, the raw bytes after it.
      const problem = record.valueSchema && record.valueSchema.json === undefined;
      return problem ? (
        <>
          <span className="text-amber-700 dark:text-amber-400">⚠ {record.valueSchema!.error} · </span>
          {preview}
        </>
      ) : (
        preview
      );
    }
    case "headers":
      return headersPreview(record.headers);
    case "size":
      return formatBytes(record.size);
    case "compression":
      return record.compression;
  }
}

/** One result; memoized, so scrolling renders only the rows that come into view. */
export const MessageRow = memo(function MessageRow({
  record,
  index,
  columns,
  keyMode,
  valueMode,
  selected,
  tabbable,
  onFocusRow,
  onOpen,
  onKeyDown,
}: MessageRowProps) {
  return (
    <tr
      data-testid="message-row"
      data-row-index={index}
      data-partition={record.partition}
      data-offset={record.offset}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      onFocus={() => onFocusRow(index)}
      style={{ height: ROW_HEIGHT }}
      onClick={() => onOpen(index)}
      onKeyDown={(event) => onKeyDown(event, index)}
      className={cn(
        "cursor-pointer border-b border-zinc-100 hover:bg-zinc-50 focus:bg-sky-50 focus:outline-none dark:border-zinc-800 dark:hover:bg-zinc-800/60 dark:focus:bg-sky-950/60",
        selected && "bg-sky-50 dark:bg-sky-950/60",
      )}
    >
      {columns.map((column) => (
        <td
          key={column}
          className={cn(
            "truncate px-3 whitespace-nowrap",
            column === "key" || column === "value" || column === "headers" ? "font-mono" : "tabular-nums",
          )}
        >
          {cell(record, column, keyMode, valueMode)}
        </td>
      ))}
    </tr>
  );
});
