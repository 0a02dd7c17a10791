"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Role } from "@/lib/schemas/auth";
import { cn } from "@/components/ui/cn";
import { isNavItemActive, navSectionsFor } from "./nav-items";
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
            {section.items.map(({ href, label, Icon, exact }) => {
              const active = isNavItemActive({ href, exact }, pathname);
              return (
                <li key={href}>
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
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
