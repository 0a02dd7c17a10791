"use client";

import { useState } from "react";
import { hexDump, payloadBytes, payloadText } from "@/lib/messages/decode";
import type { WireHeader } from "@/lib/messages/events";
import { Button } from "@/components/ui/button";
import { CopyButton } from "./copy-button";

/** Each header's value as UTF-8 (when it is) or as hex, switchable per header. */
export function HeadersView({ headers }: { headers: readonly WireHeader[] }) {
  const [hex, setHex] = useState<ReadonlySet<number>>(new Set());
  if (headers.length === 0)
    return (
      <section aria-label="Headers">
        <h3 className="text-sm font-semibold">Headers</h3>
        <p className="mt-1 text-sm text-zinc-500">No headers.</p>
      </section>
    );
  const toggle = (index: number) =>
    setHex((current) => {
      const next = new Set(current);
      if (!next.delete(index)) next.add(index);
      return next;
    });
  return (
    <section aria-label="Headers" className="space-y-2">
      <h3 className="text-sm font-semibold">Headers</h3>
      <table className="w-full border-collapse text-left text-xs" aria-label="Headers">
        <thead className="text-zinc-600 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Name
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Value
            </th>
            <th scope="col" className="py-1 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {headers.map((header, index) => {
            const text = header.value === null ? null : payloadText(header.value);
            const showHex = header.value !== null && (hex.has(index) || text === null);
            const shown =
              header.value === null ? "null" : showHex ? hexDump(payloadBytes(header.value)) : (text ?? "");
            return (
              <tr key={index} className="align-top">
                {/* py-2 on the text and py-1 on the 24px buttons put both on the same first line. */}
                <th scope="row" className="py-2 pr-3 font-mono font-normal break-all">
                  {header.name}
                </th>
                <td className="py-2 pr-3">
                  <pre className="font-mono break-all whitespace-pre-wrap">{shown}</pre>
                </td>
                <td className="py-1 whitespace-nowrap">
                  {/* A fixed-width Hex column (empty when the value has no text form) keeps Copy in one column. */}
                  <div className="flex items-center justify-end gap-1">
                    {header.value !== null && text !== null ? (
                      <Button
                        variant="ghost"
                        className="w-14 px-2 py-1 text-xs"
                        onClick={() => toggle(index)}
                      >
                        {showHex ? "UTF-8" : "Hex"}
                      </Button>
                    ) : (
                      <span aria-hidden="true" className="w-14" />
                    )}
                    <CopyButton text={shown} label={`Copy header ${header.name}`} />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
