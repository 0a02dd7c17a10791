"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { CopyIcon } from "@/components/ui/icons";
import { inputClassName } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { copyText } from "./copy-text";

interface PemBlockProps {
  /** The text box's accessible name, e.g. "Certificate (PEM)". */
  label: string;
  value: string;
  /** Read with the text box: what the file is for, or that it is shown only once. */
  note?: ReactNode;
  /** Amber, for the private key. */
  warning?: boolean;
  rows?: number;
}

/** Read-only PEM text (rendered as text, never HTML) with a copy button. */
export function PemBlock({ label, value, note, warning = false, rows = 6 }: PemBlockProps) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div
      className={cn(
        "rounded-md",
        warning && "border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950/50",
      )}
    >
      <div className="flex items-end justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <Button
          onClick={async () => setCopied((await copyText(value, ref.current)) ? "copied" : "failed")}
          aria-label={`Copy ${label}`}
        >
          <CopyIcon />
          Copy
        </Button>
      </div>
      {note && (
        <p id={`${id}-note`} className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">
          {note}
        </p>
      )}
      <textarea
        ref={ref}
        id={id}
        readOnly
        value={value}
        rows={rows}
        spellCheck={false}
        aria-describedby={note ? `${id}-note` : undefined}
        onFocus={(event) => event.currentTarget.select()}
        className={cn(inputClassName, "mt-1 w-full resize-y font-mono text-xs")}
      />
      <p role="status" className="mt-1 text-xs text-zinc-600 empty:hidden dark:text-zinc-400">
        {copied === "copied" && "Copied to the clipboard."}
        {copied === "failed" && "Could not copy; select the text and copy it yourself."}
      </p>
    </div>
  );
}
