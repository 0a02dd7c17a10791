"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyIcon } from "@/components/ui/icons";
import { inputClassName } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

interface OneTimeSecretProps {
  /** The field's accessible name, e.g. "Initial password" or "Token value". */
  label: string;
  value: string;
  /** Why it is shown only now and what to do with it. */
  note: string;
  /** Move focus here when it appears, so a screen reader reads label, value and note at once. */
  autoFocus?: boolean;
}

type CopyState = "idle" | "copied" | "failed";

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No Clipboard API on plain http from another host: fall back to selecting the text.
    if (!input) return false;
    input.select();
    return document.execCommand("copy");
  }
}

/** A secret the server will never show again: read-only, selectable, with a copy button. */
export function OneTimeSecret({ label, value, note, autoFocus = false }: OneTimeSecretProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>("idle");
  const id = useId();

  useEffect(() => {
    if (!autoFocus) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [autoFocus, value]);

  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-zinc-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-zinc-100">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          ref={inputRef}
          id={id}
          readOnly
          value={value}
          aria-describedby={`${id}-note`}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          className={cn(inputClassName, "min-w-0 flex-1 font-mono")}
        />
        <Button
          onClick={async () => setCopy((await copyText(value, inputRef.current)) ? "copied" : "failed")}
          className="shrink-0"
        >
          <CopyIcon />
          Copy
        </Button>
      </div>
      <p id={`${id}-note`} className="mt-2 text-xs text-amber-900 dark:text-amber-200">
        <strong className="font-semibold">Shown only once.</strong> {note}
      </p>
      <p role="status" className="mt-1 text-xs text-zinc-600 empty:hidden dark:text-zinc-400">
        {copy === "copied" && "Copied to the clipboard."}
        {copy === "failed" && "Could not copy; select the text and copy it yourself."}
      </p>
    </div>
  );
}
