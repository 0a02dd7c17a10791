"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";

interface RouteErrorProps {
  error: unknown;
  retry: () => void;
  title?: string;
}

/** The body of an error.tsx: a short message, the digest to find the server log line, a retry. */
export function RouteError({ error, retry, title = "This page could not be shown" }: RouteErrorProps) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  // Production hides server error messages; the digest matches the server log entry.
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : undefined;
  return (
    <div
      role="alert"
      aria-label={title}
      className="rounded-lg border border-zinc-200 bg-white px-6 py-10 text-center dark:border-zinc-800 dark:bg-zinc-900"
    >
      <AlertIcon className="mx-auto mb-3 size-6 text-red-600 dark:text-red-400" />
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Something went wrong while rendering it. Try again; if it keeps failing, the server log has the
        details.
      </p>
      {digest && (
        <p className="mt-2 text-xs text-zinc-500">
          Reference: <code className="font-mono">{digest}</code>
        </p>
      )}
      <Button variant="primary" className="mt-6" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}
