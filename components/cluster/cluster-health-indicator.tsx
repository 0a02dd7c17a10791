"use client";

import { useClusterStatus } from "@/lib/queries/cluster";
import { toneDot, type Tone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { useHydrated } from "@/components/ui/use-hydrated";
import { describeClusterHealth } from "./cluster-health";

function HealthPill({ tone, label, detail }: { tone: Tone; label: string; detail?: string }) {
  return (
    <span className="flex min-w-0 items-center gap-2">
      <span aria-hidden="true" className={cn("size-2.5 shrink-0 rounded-full", toneDot[tone])} />
      <span className="truncate font-medium">{label}</span>
      {detail && (
        <span title={detail} className="hidden truncate text-zinc-600 lg:inline dark:text-zinc-400">
          — {detail}
        </span>
      )}
    </span>
  );
}

function LiveHealth({ cluster }: { cluster: string }) {
  const { data: status, isError } = useClusterStatus(cluster);
  if (!status) {
    return isError ? (
      <HealthPill tone="neutral" label="Unknown" detail="The console server is not answering" />
    ) : (
      <HealthPill tone="neutral" label="Checking…" />
    );
  }
  const health = describeClusterHealth(status);
  const detail = isError ? "Last known state; the console server is not answering" : health.detail;
  return <HealthPill tone={health.tone} label={health.label} detail={detail} />;
}

/** The header's health light for a cluster: polls the status route, says its state in words. */
export function ClusterHealthIndicator({ cluster }: { cluster: string }) {
  // Subscribes only after hydration, so a page that seeds the status query from the server (the
  // overview) creates it first, with its data, and the two share one cache entry and one poll.
  const hydrated = useHydrated();
  return (
    <div
      role="status"
      aria-label="Cluster health"
      className="flex max-w-md min-w-0 items-center gap-2 rounded-full border border-zinc-200 px-3 py-1 text-sm dark:border-zinc-800"
    >
      <span className="text-zinc-600 max-sm:sr-only dark:text-zinc-400">{cluster}</span>
      <span aria-hidden="true" className="hidden text-zinc-300 sm:inline dark:text-zinc-700">
        |
      </span>
      {hydrated ? <LiveHealth cluster={cluster} /> : <HealthPill tone="neutral" label="Checking…" />}
    </div>
  );
}
