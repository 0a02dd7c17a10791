// The results table's columns, which of them show, and where that choice is remembered.
import { useCallback, useMemo, useSyncExternalStore } from "react";

export const MESSAGE_COLUMNS = [
  "timestamp",
  "partition",
  "offset",
  "key",
  "value",
  "headers",
  "size",
  "compression",
] as const;
export type MessageColumn = (typeof MESSAGE_COLUMNS)[number];

export const COLUMN_LABELS: Record<MessageColumn, string> = {
  timestamp: "Timestamp",
  partition: "Partition",
  offset: "Offset",
  key: "Key",
  value: "Value",
  headers: "Headers",
  size: "Size",
  compression: "Compression",
};

export const DEFAULT_COLUMNS: readonly MessageColumn[] = [
  "timestamp",
  "partition",
  "offset",
  "key",
  "value",
  "headers",
];

const STORAGE_KEY = "kafka-console.messages.columns";
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function parseColumns(stored: string | null): readonly MessageColumn[] {
  if (!stored) return DEFAULT_COLUMNS;
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!Array.isArray(parsed)) return DEFAULT_COLUMNS;
    const known = MESSAGE_COLUMNS.filter((column) => parsed.includes(column));
    return known.length > 0 ? known : DEFAULT_COLUMNS;
  } catch {
    return DEFAULT_COLUMNS;
  }
}

/** The visible columns, in table order, remembered in localStorage across visits and tabs. */
export function useVisibleColumns(): [readonly MessageColumn[], (columns: readonly MessageColumn[]) => void] {
  const stored = useSyncExternalStore(subscribe, readStored, () => null);
  const columns = useMemo(() => parseColumns(stored), [stored]);
  const setColumns = useCallback((next: readonly MessageColumn[]) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Private mode or a full quota: the choice lasts until the page closes.
    }
    for (const listener of listeners) listener();
  }, []);
  return [columns, setColumns];
}
