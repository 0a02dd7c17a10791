"use client";

import { useEffect, useId, useRef } from "react";
import type { WireRecord } from "@/lib/messages/events";
import { republishCaveats, republishInitial } from "@/lib/messages/republish";
import { Button } from "@/components/ui/button";
import { ProduceForm } from "./produce-form";

interface RepublishDialogProps {
  open: boolean;
  cluster: string;
  topic: string;
  partitions: number[];
  record: WireRecord;
  onClose: () => void;
}

export function RepublishDialog({ open, cluster, topic, partitions, record, onClose }: RepublishDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  const caveats = republishCaveats(record);
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-auto w-[min(44rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {open && (
        <div className="space-y-4 p-6">
          <div className="flex items-start justify-between gap-3">
            <h2 id={titleId} className="text-base font-semibold">
              Republish partition {record.partition}, offset {record.offset}
            </h2>
            <Button variant="ghost" onClick={onClose}>
              Close
            </Button>
          </div>
          {caveats.length > 0 && (
            <ul className="list-disc pl-5 text-sm text-amber-800 dark:text-amber-300">
              {caveats.map((caveat) => (
                <li key={caveat}>{caveat}</li>
              ))}
            </ul>
          )}
          <ProduceForm
            cluster={cluster}
            topic={topic}
            partitions={partitions}
            initial={republishInitial(topic, record)}
            topicEditable
          />
        </div>
      )}
    </dialog>
  );
}
