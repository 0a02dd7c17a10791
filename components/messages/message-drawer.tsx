"use client";

import { useEffect, useRef, useState } from "react";
import { formatBytes, type DecodeMode } from "@/lib/messages/decode";
import type { WireRecord } from "@/lib/messages/events";
import { exportRecord } from "@/lib/messages/export";
import { shownKey, shownValue } from "@/lib/messages/schema-value";
import { useFullRecord } from "@/lib/queries/messages";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { CopyButton } from "./copy-button";
import { formatTimestamp } from "./format";
import { HeadersView } from "./headers-view";
import { PayloadView } from "./payload-view";
import { RepublishDialog } from "./republish-dialog";
import { ValueSchemaView } from "./value-schema-view";

interface MessageDrawerProps {
  cluster: string;
  topic: string;
  partitions: number[];
  canProduce: boolean;
  record: WireRecord;
  /** Position in the table's rows, for "3 of 120" and the arrow keys. */
  index: number;
  total: number;
  keyMode: DecodeMode;
  valueMode: DecodeMode;
  onMove: (index: number) => void;
  onClose: () => void;
}

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * One message in full, beside the table (not modal: the table stays usable). Escape closes; the
 * arrow keys move to the previous or next row. Keyed by the record by its parent: moving resets it.
 */
export function MessageDrawer(props: MessageDrawerProps) {
  const { index, total, onMove, onClose } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [republishing, setRepublishing] = useState(false);
  const truncated = Boolean(
    props.record.value?.truncated ||
    props.record.key?.truncated ||
    props.record.valueSchema?.jsonTruncated ||
    props.record.keySchema?.jsonTruncated,
  );
  const [loadFull, setLoadFull] = useState(false);
  const full = useFullRecord(props.cluster, props.topic, props.record, loadFull);
  const record = full.data ?? props.record;
  const needsFull = truncated && !full.data;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (republishing || event.defaultPrevented || isEditable(event.target)) return;
      if (event.key === "Escape") onClose();
      else if (event.key === "ArrowDown" || event.key === "ArrowRight")
        onMove(Math.min(total - 1, index + 1));
      else if (event.key === "ArrowUp" || event.key === "ArrowLeft") onMove(Math.max(0, index - 1));
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [republishing, index, total, onMove, onClose]);

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <aside
      role="dialog"
      aria-modal="false"
      aria-labelledby="message-drawer-title"
      data-testid="message-drawer"
      className="fixed inset-y-0 right-0 z-40 flex w-[min(44rem,100vw)] flex-col border-l border-zinc-200 bg-white shadow-2xl dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
        <h2
          id="message-drawer-title"
          ref={headingRef}
          tabIndex={-1}
          className="text-base font-semibold focus:outline-none"
        >
          Partition {record.partition}, offset {record.offset}
          <span className="ml-2 text-sm font-normal text-zinc-500">
            {index + 1} of {total.toLocaleString("en")}
          </span>
        </h2>
        <div className="flex items-center gap-1">
          <Button
            variant="ghost"
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
            aria-label="Previous message"
          >
            ↑
          </Button>
          <Button
            variant="ghost"
            disabled={index >= total - 1}
            onClick={() => onMove(index + 1)}
            aria-label="Next message"
          >
            ↓
          </Button>
          {props.canProduce && (
            <Button
              onClick={() => setRepublishing(true)}
              disabled={needsFull}
              title={needsFull ? "Load the full value first" : undefined}
            >
              Republish…
            </Button>
          )}
          <Button variant="ghost" onClick={onClose} aria-label="Close the message">
            ✕
          </Button>
        </div>
      </header>
      <div className="flex-1 space-y-5 overflow-y-auto px-5 py-4">
        <Metadata record={record} />
        {needsFull && (
          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={() => setLoadFull(true)} disabled={full.isFetching}>
              {full.isFetching ? "Loading…" : "Load the full value"}
            </Button>
            <span className="text-xs text-zinc-500">Only the first bytes were sent with the results.</span>
          </div>
        )}
        {full.error && <FormMessage tone="error">{full.error.message}</FormMessage>}
        <ValueSchemaView cluster={props.cluster} record={record} part="key" />
        <PayloadView label="Key" payload={shownKey(record)} mode={props.keyMode} />
        {record.keySchema?.json !== undefined && (
          <PayloadView label="Key bytes" payload={record.key} mode="hex" />
        )}
        <ValueSchemaView cluster={props.cluster} record={record} part="value" />
        <PayloadView label="Value" payload={shownValue(record)} mode={props.valueMode} />
        {record.valueSchema?.json !== undefined && (
          <PayloadView label="Value bytes" payload={record.value} mode="hex" />
        )}
        <HeadersView headers={record.headers} />
        <CopyButton
          text={() => JSON.stringify(exportRecord(record), null, 2)}
          label="Copy the message as JSON"
        >
          Copy the message as JSON
        </CopyButton>
      </div>
      {props.canProduce && (
        <RepublishDialog
          open={republishing}
          cluster={props.cluster}
          topic={props.topic}
          partitions={props.partitions}
          record={record}
          onClose={() => setRepublishing(false)}
        />
      )}
    </aside>
  );
}

function Metadata({ record }: { record: WireRecord }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" aria-label="Metadata">
      <dt className="text-zinc-500">Partition</dt>
      <dd className="tabular-nums">{record.partition}</dd>
      <dt className="text-zinc-500">Offset</dt>
      <dd className="tabular-nums">{record.offset}</dd>
      <dt className="text-zinc-500">Timestamp</dt>
      <dd className="tabular-nums">
        {formatTimestamp(record.timestamp)}{" "}
        <span className="text-zinc-500">
          (
          {Number.isNaN(new Date(record.timestamp).getTime())
            ? "invalid"
            : new Date(record.timestamp).toISOString()}
          , {record.timestampType === "create" ? "create time" : "log-append time"})
        </span>
      </dd>
      <dt className="text-zinc-500">Size</dt>
      <dd>{formatBytes(record.size)}</dd>
      <dt className="text-zinc-500">Compression</dt>
      <dd>{record.compression}</dd>
    </dl>
  );
}
