import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { PRODUCT_NAME } from "@/components/shell/product";
import { ThemeScript } from "@/components/theme/theme-script";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: PRODUCT_NAME, template: `%s · ${PRODUCT_NAME}` },
  description: "Operator console for Kafka-API clusters.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // A Content-Security-Policy proxy passes its per-request nonce here; without one this is undefined.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The theme script sets the `dark` class before React hydrates <html>.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body className="min-h-dvh">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
