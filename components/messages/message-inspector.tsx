"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "next/navigation";
import type { DecodeMode } from "@/lib/messages/decode";
import { validateMessageFilters } from "@/lib/messages/filters";
import { EXPORT_MIME_TYPES, exportFileName, exportRecords, type ExportFormat } from "@/lib/messages/export";
import { formValuesFromQuery, searchParamsWithQuery } from "@/lib/messages/query-form";
import { orderRecords, quickSearch, recordId } from "@/lib/messages/results";
import {
  encodeMessageQuery,
  messageQuerySchema,
  parseMessageQuery,
  type MessageQuery,
} from "@/lib/schemas/messages";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/field";
import { useVisibleColumns } from "./columns";
import { MessageDrawer } from "./message-drawer";
import { MessageQueryForm } from "./message-query-form";
import { MessageTable } from "./message-table";
import { ResultsEmpty } from "./results-empty";
import { ResultsToolbar } from "./results-toolbar";
import { SearchProgress } from "./search-progress";
import { useMessageSearch } from "./use-message-search";

export interface MessageInspectorProps {
  cluster: string;
  topic: string;
  partitions: number[];
  canProduce: boolean;
}

/**
 * The Messages tab: a search form whose query lives in the URL (a search can be shared, and opening
 * such a link runs it), the streamed results in a virtualized table, and a detail drawer.
 */
export function MessageInspector({ cluster, topic, partitions, canProduce }: MessageInspectorProps) {
  const searchParams = useSearchParams();
  const [initial] = useState(() => {
    const parsed = parseMessageQuery(new URLSearchParams(searchParams.toString()));
    return parsed.success
      ? { query: parsed.data, invalid: false }
      : { query: messageQuerySchema.parse({}), invalid: true };
  });
  const [query, setQuery] = useState<MessageQuery>(initial.query);
  const search = useMessageSearch(cluster, topic);
  const [quick, setQuick] = useState("");
  const deferredQuick = useDeferredValue(quick);
  const [columns, setColumns] = useVisibleColumns();
  const [keyMode, setKeyMode] = useState<DecodeMode>("auto");
  const [valueMode, setValueMode] = useState<DecodeMode>("auto");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // `?open=partition:offset` (the produce form's link) opens that record's drawer once it arrives.
  const [pendingOpen, setPendingOpen] = useState(() => searchParams.get("open"));

  const { start } = search;
  const runSearch = useCallback(
    (next: MessageQuery) => {
      // history.replaceState keeps Next's router in sync without re-rendering the server page.
      const params = searchParamsWithQuery(
        new URLSearchParams(window.location.search),
        encodeMessageQuery(next),
      );
      params.delete("open");
      const text = params.toString();
      window.history.replaceState(null, "", `${window.location.pathname}${text ? `?${text}` : ""}`);
      setQuery(next);
      setSelectedId(null);
      setPendingOpen(null);
      start(next);
    },
    [start],
  );

  // Opening the tab (or a shared link) runs its search. No run-once guard: under Strict Mode the
  // hook's cleanup aborts the first run, and this effect starts it again.
  useEffect(() => {
    start(initial.query);
  }, [start, initial.query]);

  const { results, state } = search;
  const rows = useMemo(
    () => quickSearch(orderRecords(results.records.slice(0, results.count), query.start), deferredQuick),
    [results, query.start, deferredQuick],
  );
  // Adjusting state while rendering (not in an effect): the drawer opens in the same pass.
  if (pendingOpen !== null && rows.some((record) => recordId(record) === pendingOpen)) {
    setSelectedId(pendingOpen);
    setPendingOpen(null);
  }
  const selectedIndex =
    selectedId === null ? -1 : rows.findIndex((record) => recordId(record) === selectedId);
  const selected = selectedIndex === -1 ? undefined : rows[selectedIndex];

  const exportRows = (format: ExportFormat) => {
    const blob = new Blob([exportRecords(rows, format)], { type: EXPORT_MIME_TYPES[format] });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = exportFileName(topic, new Date(), format);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  // Stable, so the table's memoized rows do not re-render each time results arrive.
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  }, [rows]);
  const moveTo = useCallback((index: number) => {
    const record = rowsRef.current[index];
    if (record) setSelectedId(recordId(record));
  }, []);
  // Focus goes back to the message's row, so the keyboard carries on from where it was.
  const close = useCallback(() => {
    setSelectedId(null);
    if (selectedId === null) return;
    const [partition, offset] = selectedId.split(":");
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(
          `[data-testid="message-row"][data-partition="${partition}"][data-offset="${offset}"]`,
        )
        ?.focus(),
    );
  }, [selectedId]);

  return (
    <div className="space-y-4">
      <Card>
        {initial.invalid && (
          <div className="px-5 pt-4">
            <FormMessage tone="notice">
              The link&apos;s search is not valid; showing the newest messages.
            </FormMessage>
          </div>
        )}
        <MessageQueryForm
          initialValues={formValuesFromQuery(initial.query)}
          partitions={partitions}
          running={state.status === "running"}
          serverErrors={state.failure?.fields}
          serverSyntax={state.failure?.syntax}
          validateFilters={validateMessageFilters}
          onSearch={runSearch}
          onStop={search.stop}
        />
        <div className="border-t border-zinc-200 dark:border-zinc-800">
          <SearchProgress state={state} shown={results.count} />
        </div>
      </Card>
      <Card aria-label="Results">
        <ResultsToolbar
          quickSearch={quick}
          onQuickSearch={setQuick}
          columns={columns}
          onColumns={setColumns}
          keyMode={keyMode}
          valueMode={valueMode}
          onKeyMode={setKeyMode}
          onValueMode={setValueMode}
          shown={rows.length}
          onExport={exportRows}
        />
        {rows.length === 0 ? (
          <ResultsEmpty state={state} received={results.count} quickSearch={deferredQuick} />
        ) : (
          <MessageTable
            rows={rows}
            columns={columns}
            keyMode={keyMode}
            valueMode={valueMode}
            selectedId={selectedId}
            onOpen={moveTo}
          />
        )}
        <p
          className="border-t border-zinc-200 px-5 py-2 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400"
          data-testid="rows-shown"
        >
          {rows.length.toLocaleString("en")} {rows.length === 1 ? "row" : "rows"} shown
          {rows.length !== results.count && ` of ${results.count.toLocaleString("en")}`}
        </p>
      </Card>
      {selected && (
        <MessageDrawer
          key={recordId(selected)}
          cluster={cluster}
          topic={topic}
          partitions={partitions}
          canProduce={canProduce}
          record={selected}
          index={selectedIndex}
          total={rows.length}
          keyMode={keyMode}
          valueMode={valueMode}
          onMove={moveTo}
          onClose={close}
        />
      )}
    </div>
  );
}
