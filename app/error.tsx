"use client";

import { RouteError } from "@/components/shell/route-error";

// Catches errors in the console and tools layouts, which their own error.tsx files cannot.
export default function RootSegmentError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <RouteError error={error} retry={retry} />
    </main>
  );
}
