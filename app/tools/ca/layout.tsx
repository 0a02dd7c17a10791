import Link from "next/link";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { PRODUCT_NAME } from "@/components/shell/product";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { consolePath } from "@/lib/paths";
import { getPrincipal } from "@/lib/server/auth";
import { defaultClusterName, listClusterNames } from "@/lib/server/kafka";

// Public: outside the (signed-in) group, so no role check. Someone signed in (the sidebar's "CA and
// CRL") keeps the console's navigation; anyone else gets the bare page with a way to the console.
export default async function PublicCaLayout({ children }: { children: ReactNode }) {
  const principal = await getPrincipal();
  if (principal?.kind === "user" && !principal.user.mustChangePassword) {
    return (
      <AppShell
        clusters={{ names: listClusterNames(), defaultCluster: defaultClusterName() }}
        user={{ username: principal.user.username, role: principal.role }}
      >
        {children}
      </AppShell>
    );
  }
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex h-14 items-center gap-4 border-b border-zinc-200 px-4 md:px-6 dark:border-zinc-800">
        <span className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden="true"
            className="grid size-7 place-items-center rounded-md bg-zinc-900 text-xs font-bold text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            K
          </span>
          {PRODUCT_NAME}
        </span>
        <div className="ml-auto flex items-center gap-3">
          <ThemeToggle />
          <Link href={consolePath()} className="text-sm font-medium underline-offset-2 hover:underline">
            Console
          </Link>
        </div>
      </header>
      <main id="main-content" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 md:px-6">
        {children}
      </main>
    </div>
  );
}
