"use client";

import { useId, useMemo, useState } from "react";
import {
  DECODE_MODE_LABELS,
  decodePayload,
  formatBytes,
  payloadJson,
  type DecodeMode,
} from "@/lib/messages/decode";
import type { WirePayload } from "@/lib/messages/events";
import { Select } from "@/components/ui/field";
import { CopyButton } from "./copy-button";
import { JsonTree } from "./json-tree";

type View = "tree" | DecodeMode;

interface PayloadViewProps {
  /** "Key", "Value", or "Value bytes" beside a value decoded with its schema. */
  label: string;
  payload: WirePayload | null;
  /** The table column's choice; JSON opens as a tree. */
  mode: DecodeMode;
}

/** A key or value: as a JSON tree, decoded text, a hex dump or base64, with a copy button. */
export function PayloadView({ label, payload, mode }: PayloadViewProps) {
  const selectId = useId();
  const isJson = payload !== null && payloadJson(payload) !== null;
  const [chosen, setChosen] = useState<View | null>(null);
  const view: View = chosen ?? (isJson && (mode === "auto" || mode === "json") ? "tree" : mode);
  const decoded = useMemo(
    () => (payload === null ? null : decodePayload(payload, view === "tree" ? "json" : view)),
    [payload, view],
  );

  return (
    <section aria-label={label} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          {label}{" "}
          {payload && (
            <span className="font-normal text-zinc-500">
              {formatBytes(payload.size)}
              {payload.truncated && " (only the start is loaded)"}
            </span>
          )}
        </h3>
        {payload && decoded && (
          <div className="flex items-center gap-2">
            <label htmlFor={selectId} className="sr-only">
              Show the {label.toLowerCase()} as
            </label>
            <Select
              id={selectId}
              className="py-1 text-xs"
              value={view}
              onChange={(event) => setChosen(event.target.value as View)}
            >
              {isJson && <option value="tree">JSON tree</option>}
              {Object.entries(DECODE_MODE_LABELS).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </Select>
            <CopyButton text={decoded.text} label={`Copy the ${label.toLowerCase()}`} />
          </div>
        )}
      </div>
      {payload === null || !decoded ? (
        <p className="text-sm text-zinc-500">null</p>
      ) : (
        <>
          {decoded.note && <p className="text-xs text-amber-800 dark:text-amber-300">{decoded.note}</p>}
          <div
            className="max-h-96 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-950"
            data-testid={`${label.toLowerCase()}-view`}
          >
            {view === "tree" && decoded.json ? (
              <JsonTree value={decoded.json.value} />
            ) : (
              <pre className="font-mono text-xs break-all whitespace-pre-wrap">{decoded.text}</pre>
            )}
          </div>
        </>
      )}
    </section>
  );
}
