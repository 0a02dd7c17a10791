"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyIcon } from "@/components/ui/icons";

/** Copies text to the clipboard and says so for a moment. */
export function CopyButton({
  text,
  label,
  children = "Copy",
}: {
  text: string | (() => string);
  /** The accessible name: what is copied. */
  label: string;
  /** The visible text while idle. */
  children?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof text === "function" ? text() : text);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 1500);
  };
  return (
    <Button variant="ghost" className="px-2 py-1 text-xs" onClick={copy} aria-label={label}>
      <CopyIcon className="size-3.5" />
      <span aria-live="polite">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : children}
      </span>
    </Button>
  );
}
