import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import type { Role } from "@/lib/schemas/auth";
import { PRODUCT_NAME } from "./product";
import { SideNav } from "./side-nav";
import { UserMenu } from "./user-menu";
import { ClusterSwitcher } from "./cluster-switcher";
import type { ShellClusters } from "./use-current-cluster";
import { consolePath } from "@/lib/paths";

interface AppShellProps {
  /** The configured clusters: the header shows the route's (else the default's) health and switches between them. */
  clusters: ShellClusters;
  /** The signed-in user, from the layout's role check: the header's user menu and the navigation. */
  user?: { username: string; role: Role };
  children: ReactNode;
}

export function AppShell({ clusters, user, children }: AppShellProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main-content"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 dark:bg-zinc-900"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 flex h-14 items-center gap-4 border-b border-zinc-200 bg-white/90 px-4 backdrop-blur md:px-6 dark:border-zinc-800 dark:bg-zinc-950/90">
        <Link href={consolePath()} className="flex shrink-0 items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden="true"
            className="grid size-7 place-items-center rounded-md bg-zinc-900 text-xs font-bold text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            K
          </span>
          <span className="max-sm:sr-only">{PRODUCT_NAME}</span>
        </Link>
        <div className="ml-auto flex min-w-0 items-center gap-3">
          <ClusterSwitcher clusters={clusters} />
          <ThemeToggle />
          {user && <UserMenu username={user.username} role={user.role} />}
        </div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <aside className="shrink-0 border-b border-zinc-200 md:w-60 md:border-r md:border-b-0 dark:border-zinc-800">
          <div className="md:sticky md:top-14">
            <SideNav role={user?.role} clusters={clusters} />
          </div>
        </aside>
        <main
          id="main-content"
          tabIndex={-1}
          className="min-w-0 flex-1 px-4 py-6 focus:outline-none md:px-8 md:py-8"
        >
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
