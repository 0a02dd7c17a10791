"use client";

import { useEffect, useRef } from "react";

/**
 * The outcome of a row action, announced and focused: the row, and with it the button that opened
 * the dialog, may be gone (a deleted user, a revoked token), so focus lands here instead.
 */
export function TableNotice({ notice }: { notice: string | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  if (!notice) return null;
  return (
    <p
      ref={ref}
      role="status"
      tabIndex={-1}
      className="border-b border-zinc-200 bg-emerald-50 px-5 py-2 text-sm text-emerald-900 focus:outline-none dark:border-zinc-800 dark:bg-emerald-950/50 dark:text-emerald-200"
    >
      {notice}
    </p>
  );
}
