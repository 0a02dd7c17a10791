"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { DecodeMode } from "@/lib/messages/decode";
import type { WireRecord } from "@/lib/messages/events";
import { recordId } from "@/lib/messages/results";
import { cn } from "@/components/ui/cn";
import { COLUMN_LABELS, type MessageColumn } from "./columns";
import { MessageRow, ROW_HEIGHT } from "./message-row";

const WIDTHS: Record<MessageColumn, string> = {
  timestamp: "w-48",
  partition: "w-20",
  offset: "w-28",
  key: "w-40",
  value: "",
  headers: "w-56",
  size: "w-24",
  compression: "w-28",
};

interface MessageTableProps {
  rows: readonly WireRecord[];
  columns: readonly MessageColumn[];
  keyMode: DecodeMode;
  valueMode: DecodeMode;
  selectedId: string | null;
  onOpen: (index: number) => void;
}

/**
 * Only the rows in view are in the DOM (spacer rows keep the scroll height), so 100,000 results
 * scroll like 100. Every cell is a text node: message bytes never become markup.
 */
export function MessageTable({ rows, columns, keyMode, valueMode, selectedId, onOpen }: MessageTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The React Compiler is not enabled here; the virtualizer re-renders this component as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
  });
  const items = virtualizer.getVirtualItems();
  const [activeIndex, setActiveIndex] = useState(0);
  // When the active row has scrolled out of the DOM, the first rendered one takes the tab stop.
  const tabIndexRow = items.some((item) => item.index === activeIndex) ? activeIndex : (items[0]?.index ?? 0);
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  // Stable across renders (refs for what changes), so the memoized rows skip re-rendering.
  const latest = useRef({ count: rows.length, selectedId, onOpen });
  useEffect(() => {
    latest.current = { count: rows.length, selectedId, onOpen };
  });
  const onRowKey = useCallback(
    (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
      const { count, selectedId: selection, onOpen: open } = latest.current;
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        open(index);
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const next = Math.min(count - 1, Math.max(0, index + (event.key === "ArrowDown" ? 1 : -1)));
        virtualizer.scrollToIndex(next);
        // With the drawer open, the arrows move it along with the focus.
        if (selection !== null) open(next);
        requestAnimationFrame(() =>
          scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${next}"]`)?.focus(),
        );
      }
    },
    [virtualizer],
  );

  return (
    <div
      ref={scrollRef}
      className="h-[32rem] overflow-auto [contain:strict]"
      data-testid="message-results-scroll"
    >
      <table
        aria-label="Messages"
        aria-rowcount={rows.length + 1}
        className="w-full table-fixed border-collapse text-left text-xs"
      >
        <thead className="sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50 tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <th key={column} scope="col" className={cn("px-3 py-2 font-medium", WIDTHS[column])}>
                {COLUMN_LABELS[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr aria-hidden style={{ height: before }} />}
          {items.map((item) => {
            const record = rows[item.index];
            if (!record) return null;
            const id = recordId(record);
            return (
              <MessageRow
                key={id}
                record={record}
                index={item.index}
                columns={columns}
                keyMode={keyMode}
                valueMode={valueMode}
                selected={id === selectedId}
                tabbable={item.index === tabIndexRow}
                onFocusRow={setActiveIndex}
                onOpen={onOpen}
                onKeyDown={onRowKey}
              />
            );
          })}
          {after > 0 && <tr aria-hidden style={{ height: after }} />}
        </tbody>
      </table>
    </div>
  );
}
