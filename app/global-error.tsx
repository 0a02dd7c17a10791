"use client";

import { useEffect } from "react";
import { PRODUCT_NAME } from "@/components/shell/product";
import { RouteError } from "@/components/shell/route-error";
import { applyThemePreference, readThemePreference } from "@/components/theme/theme-store";
import "./globals.css";

// Replaces the root layout when it fails, so it brings its own document and re-applies the theme.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => applyThemePreference(readThemePreference()), []);
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <title>{`Error · ${PRODUCT_NAME}`}</title>
        <main className="mx-auto max-w-xl px-4 py-16">
          <RouteError error={error} retry={retry} title="The console could not be shown" />
        </main>
      </body>
    </html>
  );
}
