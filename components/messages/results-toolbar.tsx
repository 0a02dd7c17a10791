"use client";

import { DECODE_MODE_LABELS, DECODE_MODES, type DecodeMode } from "@/lib/messages/decode";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/messages/export";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { DownloadIcon } from "@/components/ui/icons";
import { COLUMN_LABELS, MESSAGE_COLUMNS, type MessageColumn } from "./columns";

interface ResultsToolbarProps {
  quickSearch: string;
  onQuickSearch: (text: string) => void;
  columns: readonly MessageColumn[];
  onColumns: (columns: readonly MessageColumn[]) => void;
  keyMode: DecodeMode;
  valueMode: DecodeMode;
  onKeyMode: (mode: DecodeMode) => void;
  onValueMode: (mode: DecodeMode) => void;
  /** Rows shown: what an export writes. */
  shown: number;
  onExport: (format: ExportFormat) => void;
}

/** Quick search within the results, columns, decoding per column and export. */
export function ResultsToolbar(props: ResultsToolbarProps) {
  const { columns, onColumns } = props;
  const toggle = (column: MessageColumn) => {
    const next = columns.includes(column)
      ? columns.filter((shown) => shown !== column)
      : MESSAGE_COLUMNS.filter((known) => known === column || columns.includes(known));
    if (next.length > 0) onColumns(next);
  };
  return (
    <div className="flex flex-wrap items-end gap-3 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
      <label className="min-w-48 flex-1 text-sm">
        <span className="block font-medium">Search in results</span>
        <TextInput
          type="search"
          className="mt-1 w-full"
          placeholder="Key, value or header text"
          value={props.quickSearch}
          onChange={(event) => props.onQuickSearch(event.target.value)}
        />
      </label>
      <ModeSelect label="Key as" value={props.keyMode} onChange={props.onKeyMode} />
      <ModeSelect label="Value as" value={props.valueMode} onChange={props.onValueMode} />
      <details className="relative text-sm">
        <summary className="cursor-pointer rounded-md border border-zinc-300 px-3 py-1.5 select-none dark:border-zinc-700">
          Columns
        </summary>
        <fieldset className="absolute right-0 z-20 mt-1 w-48 space-y-1 rounded-md border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          <legend className="sr-only">Columns to show</legend>
          {MESSAGE_COLUMNS.map((column) => (
            <label key={column} className="flex items-center gap-2">
              <input
                type="checkbox"
                className="size-4"
                checked={columns.includes(column)}
                disabled={columns.length === 1 && columns.includes(column)}
                onChange={() => toggle(column)}
              />
              {COLUMN_LABELS[column]}
            </label>
          ))}
        </fieldset>
      </details>
      <div className="flex items-center gap-1" role="group" aria-label="Export the results shown">
        <span className="mr-1 text-sm text-zinc-600 dark:text-zinc-400">
          Export {props.shown.toLocaleString("en")}:
        </span>
        {EXPORT_FORMATS.map((format) => (
          <Button
            key={format}
            className="px-2 py-1 text-xs"
            disabled={props.shown === 0}
            onClick={() => props.onExport(format)}
            aria-label={`Export as ${format.toUpperCase()}`}
          >
            <DownloadIcon className="size-3.5" />
            {format.toUpperCase()}
          </Button>
        ))}
      </div>
    </div>
  );
}

function ModeSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: DecodeMode;
  onChange: (mode: DecodeMode) => void;
}) {
  return (
    <label className="text-sm">
      <span className="block font-medium">{label}</span>
      <Select className="mt-1" value={value} onChange={(event) => onChange(event.target.value as DecodeMode)}>
        {DECODE_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {DECODE_MODE_LABELS[mode]}
          </option>
        ))}
      </Select>
    </label>
  );
}
