"use client";

import { toneDot } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useRegistryHealth } from "@/lib/queries/schema-registry";

import { describeRegistryHealth } from "./registry-health";

function Live({ cluster }: { cluster: string }) {
  const { data: health } = useRegistryHealth(cluster);
  if (!health) return <span className="text-zinc-600 dark:text-zinc-400">Registry: checking…</span>;
  const view = describeRegistryHealth(health);
  return (
    <span className="flex min-w-0 items-center gap-2" title={view.detail}>
      <span aria-hidden="true" className={cn("size-2 shrink-0 rounded-full", toneDot[view.tone])} />
      <span className="truncate">{view.label}</span>
      {view.detail && (
        <span className="hidden truncate text-zinc-600 xl:inline dark:text-zinc-400">— {view.detail}</span>
      )}
    </span>
  );
}

/** Beside the cluster's health: whether its schema registry answers (polled), or that it has none. */
export function RegistryHealthIndicator({ cluster }: { cluster: string }) {
  const hydrated = useHydrated();
  return (
    <div
      role="status"
      aria-label="Schema registry health"
      className="hidden max-w-xs min-w-0 items-center rounded-full border border-zinc-200 px-3 py-1 text-xs md:flex dark:border-zinc-800"
    >
      {hydrated ? (
        <Live cluster={cluster} />
      ) : (
        <span className="text-zinc-600 dark:text-zinc-400">Registry: checking…</span>
      )}
    </div>
  );
}
