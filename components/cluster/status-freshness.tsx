import type { ClusterStatus } from "@/lib/schemas/cluster";
import { RefreshIcon } from "@/components/ui/icons";
import { LocalTime } from "@/components/ui/local-time";
import { cn } from "@/components/ui/cn";

/** When the shown status was taken, and whether a newer one is on its way. */
export function StatusFreshness({ status, checking }: { status: ClusterStatus; checking: boolean }) {
  const takenAt = status.ok ? status.overview.fetchedAt : status.checkedAt;
  return (
    <p className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
      <RefreshIcon className={cn("size-3.5", checking && "animate-spin")} />
      {checking ? (
        "Checking…"
      ) : (
        <span>
          Updated <LocalTime iso={takenAt} />
        </span>
      )}
    </p>
  );
}
