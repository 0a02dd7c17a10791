"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button, buttonClassName } from "./button";
import { cn } from "./cn";

// Not a Button variant: only a confirmation asks for something this final.
const destructiveClassName =
  "inline-flex items-center justify-center gap-2 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white transition-colors hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What happens on confirm, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  /** Red confirm button, for what cannot be undone. */
  destructive?: boolean;
  pending?: boolean;
  /** Shown in the dialog, announced; the dialog stays open so the user can cancel or retry. */
  error?: string;
  /**
   * Replaces the question once the action is done (a one-time password, say): the dialog then offers
   * only "Done".
   */
  result?: ReactNode;
  onConfirm: () => void;
  /** Cancel, Done, or Escape. */
  onClose: () => void;
}

/**
 * A modal question on the native <dialog>: the browser traps focus, Escape cancels, and the page
 * behind is inert. Focus starts on Cancel (a stray Enter must not delete anything) and goes back to
 * the control that opened it.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  destructive = false,
  pending = false,
  error,
  result,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<Element | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const hasResult = result !== undefined && result !== null;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      const opener = openerRef.current;
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    }
  }, [open]);

  // The result (a one-time password, say) takes focus, so a screen reader reads it out.
  useEffect(() => {
    if (!hasResult) return;
    const first = resultRef.current?.querySelector<HTMLElement>("input, button, a[href], [tabindex]");
    first?.focus();
  }, [hasResult]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        // Escape: let React state close it, so `open` stays the single source of truth.
        event.preventDefault();
        if (!pending) onClose();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {open && (
        <div className="p-6">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <div
            id={descriptionId}
            ref={resultRef}
            className="mt-2 space-y-3 text-sm text-zinc-600 dark:text-zinc-400"
          >
            {hasResult ? result : children}
          </div>
          {error && !hasResult && (
            <p
              role="alert"
              className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200"
            >
              {error}
            </p>
          )}
          <div className="mt-6 flex justify-end gap-3">
            {hasResult ? (
              <Button variant="primary" onClick={onClose}>
                Done
              </Button>
            ) : (
              <>
                {/* First in order, so showModal() focuses Cancel rather than the confirm button. */}
                <Button onClick={() => !pending && onClose()} aria-disabled={pending || undefined}>
                  Cancel
                </Button>
                {/* aria-disabled, not disabled: a disabled button would drop focus while pending. */}
                <button
                  type="button"
                  onClick={() => !pending && onConfirm()}
                  aria-disabled={pending || undefined}
                  className={cn(
                    destructive ? destructiveClassName : buttonClassName("primary"),
                    pending && "cursor-wait opacity-60",
                  )}
                >
                  {confirmLabel}
                </button>
              </>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
