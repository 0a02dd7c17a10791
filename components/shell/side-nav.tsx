"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Role } from "@/lib/schemas/auth";
import { cn } from "@/components/ui/cn";
import { useNavBadge } from "./nav-badges";
import { isNavItemActive, navSectionsFor, type NavItem } from "./nav-items";
import { type ShellClusters, useCurrentCluster } from "./use-current-cluster";

export function SideNav({ role, clusters }: { role?: Role; clusters: ShellClusters }) {
  const pathname = usePathname();
  const cluster = useCurrentCluster(clusters);
  return (
    <nav
      aria-label="Main"
      className="flex flex-wrap gap-1 px-3 py-2 md:flex-col md:flex-nowrap md:gap-5 md:py-5"
    >
      {navSectionsFor(role, cluster).map((section, index) => (
        <div key={section.heading ?? index}>
          {section.heading && (
            <p className="mb-1 hidden px-3 text-xs font-semibold tracking-wide text-zinc-500 uppercase md:block dark:text-zinc-400">
              {section.heading}
            </p>
          )}
          <ul className="flex flex-wrap gap-1 md:flex-col">
            {section.items.map((item) => (
              <li key={item.href}>
                <NavLink item={item} active={isNavItemActive(item, pathname)} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

function NavLink({ item: { href, label, Icon }, active }: { item: NavItem; active: boolean }) {
  const badge = useNavBadge(href);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-2.5 rounded-md px-3 py-1.5 text-sm whitespace-nowrap",
        active
          ? "bg-zinc-200/70 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50"
          : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100",
      )}
    >
      <Icon className="size-4 shrink-0" />
      {label}
      {badge && badge.count > 0 && (
        <span
          data-testid="nav-badge"
          className="ml-auto rounded-full bg-red-600 px-1.5 text-xs leading-5 font-semibold text-white tabular-nums dark:bg-red-500 dark:text-zinc-950"
        >
          <span aria-hidden="true">{badge.count.toLocaleString("en")}</span>
          <span className="sr-only">{` (${badge.count.toLocaleString("en")} ${badge.noun}${badge.count === 1 ? "" : "s"})`}</span>
        </span>
      )}
    </Link>
  );
}
